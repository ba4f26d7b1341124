import { useId, useState, type FormEvent } from 'react';
import { ApiError, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import type { User } from '../../types.js';
import { ErrorBox, Loading, Notice, useApi } from '../common.js';

interface Invited {
  user: User;
  invitation?: { status: 'sent' | 'failed'; sentTo: string };
}

/** Administrators and correspondents: the structure's staff accounts, and an invitation by e-mail. */
export function StaffPanel({ structureId }: { structureId: string }) {
  const { t } = useI18n();
  const id = useId();
  const path = `/api/solidarity/structures/${encodeURIComponent(structureId)}/staff`;
  const staff = useApi<{ staff: User[] }>(path);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<Invited>();

  async function invite(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await post<Invited>(path, { name, email }));
      setName('');
      setEmail('');
      staff.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('sol.staff')}</h2>
      <p className="muted">{t('sol.staffIntro')}</p>
      <ErrorBox error={staff.error} />
      {!staff.data && !staff.error && <Loading />}
      {staff.data &&
        (staff.data.staff.length === 0 ? (
          <p>{t('sol.noStaff')}</p>
        ) : (
          <ul>
            {staff.data.staff.map((u) => (
              <li key={u.id}>{`${u.name} — ${u.email}`}</li>
            ))}
          </ul>
        ))}
      <form className="form" onSubmit={(event) => void invite(event)} aria-label={t('sol.invite')}>
        <div className="grid-2">
          <label>
            {t('sol.staffName')}
            <input required value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </label>
          <label>
            {t('sol.staffEmail')}
            <input
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="off"
            />
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('sol.invite')}
          </button>
        </div>
      </form>
      <ErrorBox error={error} />
      {done && (
        <Notice kind={done.invitation?.status === 'failed' ? 'info' : 'success'}>
          {done.invitation?.status === 'failed'
            ? t('sol.inviteFailed')
            : t('sol.invited', { email: done.user.email })}
        </Notice>
      )}
    </section>
  );
}
