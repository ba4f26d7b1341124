import { formatDateTime, useI18n } from '../../i18n.js';
import type { MailLogEntry } from './useCampaignMail.js';

const STATUS_CLASS: Record<MailLogEntry['status'], string> = {
  pending: 'badge-in_progress',
  sent: 'badge-submitted',
  failed: 'badge-closed',
  bounced: 'badge-closed',
};

/**
 * Every message, structure by structure (newest first as the server gives them): invitation or
 * reminder (scheduled or not), address, and what the transport said — a bounce when the SMTP
 * server refused the address. Scrolls inside its own frame on a phone.
 */
export function SendLog({ log }: { log: MailLogEntry[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="mail-log">
      <h3>{t('mail.log')}</h3>
      {log.length === 0 ? (
        <p className="muted">{t('mail.logEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('mail.logStructure')}</th>
                <th scope="col">{t('mail.logKind')}</th>
                <th scope="col">{t('mail.logStatus')}</th>
                <th scope="col">{t('mail.logAt')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((e, i) => (
                <tr key={`${e.structureId}-${e.kind}-${e.at}-${i}`} data-kind={e.kind} data-status={e.status}>
                  <th scope="row">
                    {e.structure}
                    <span className="mail-address muted small">
                      <span className="visually-hidden">{t('mail.logRecipient')} : </span>
                      {e.recipient}
                    </span>
                  </th>
                  <td>
                    {t(`mail.kind.${e.kind}`)}
                    {e.scheduled && <span className="muted small"> ({t('mail.logScheduled')})</span>}
                  </td>
                  <td>
                    <span className={`badge ${STATUS_CLASS[e.status]}`}>{t(`mail.status.${e.status}`)}</span>
                  </td>
                  <td>{formatDateTime(e.at, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
