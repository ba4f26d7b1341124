import { useId, useState } from 'react';
import { put } from '../../api.js';
import { formatDateTime, useI18n } from '../../i18n.js';
import { ErrorBox, Notice, toApiError } from '../common.js';
import { mailPath, type CampaignMail, type MailScheduleResult } from './useCampaignMail.js';

/** "7, 2" → [7, 2]; undefined when a part is not a whole number of days. */
export function parseDays(text: string): number[] | undefined {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  return parts.map(Number);
}

/**
 * Reminders N days before closing, with the dates the server computed (9:00, Paris time);
 * saving replaces the pending ones, the ones already sent stay listed.
 */
export function ReminderSchedule(props: {
  campaignId: string;
  schedule: CampaignMail['schedule'];
  hasClosing: boolean;
  /** Structures with an address not invited yet: a reminder would be their first message. */
  notInvited: number;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const pending = props.schedule.filter((s) => !s.doneAt).map((s) => s.daysBefore);
  const [days, setDays] = useState(pending.length ? pending.join(', ') : '7, 2');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  async function save(): Promise<void> {
    setSaved(false);
    setError(undefined);
    const daysBefore = parseDays(days);
    if (!daysBefore) return setError(t('mail.scheduleBad'));
    try {
      await put<MailScheduleResult>(mailPath(props.campaignId, '/schedule'), { daysBefore });
      setSaved(true);
      props.onSaved();
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }

  const sorted = [...props.schedule].sort((a, b) => a.sendAt.localeCompare(b.sendAt));
  return (
    <div className="mail-schedule">
      <h3>{t('mail.schedule')}</h3>
      {sorted.length ? (
        <ul className="mail-schedule-list" aria-label={t('mail.schedule')}>
          {sorted.map((s) => (
            <li key={s.id} data-days={s.daysBefore}>
              {t('mail.scheduleItem', { days: s.daysBefore, date: formatDateTime(s.sendAt, lang) })}{' '}
              <span className={`badge ${s.doneAt ? 'badge-submitted' : 'badge-open'}`}>
                {s.doneAt
                  ? t('mail.scheduleDone', { date: formatDateTime(s.doneAt, lang) })
                  : t('mail.schedulePending')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('mail.scheduleNone')}</p>
      )}
      {!props.hasClosing && <Notice kind="warning">{t('mail.scheduleNeedsClosing')}</Notice>}
      {props.notInvited > 0 && (
        <Notice kind="warning">{t('mail.scheduleNotInvited', { n: props.notInvited })}</Notice>
      )}
      {props.canEdit && props.hasClosing && (
        <>
          <p className="muted small" id={`${id}-help`}>
            {t('mail.scheduleHelp')}
          </p>
          <div className="form-row inline">
            <label htmlFor={`${id}-days`}>{t('mail.scheduleDays')}</label>
            <input
              id={`${id}-days`}
              inputMode="numeric"
              size={10}
              aria-describedby={`${id}-help`}
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
            <button type="button" onClick={() => void save()}>
              {t('mail.scheduleSave')}
            </button>
          </div>
        </>
      )}
      <ErrorBox error={error} />
      {saved && <Notice kind="success">{t('mail.scheduleSaved')}</Notice>}
    </div>
  );
}
