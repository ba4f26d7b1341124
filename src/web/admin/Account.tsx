import { useId, useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.js';
import { useI18n } from '../i18n.js';
import type { SessionAnswer } from '../types.js';
import { ErrorBox, Notice } from './common.js';
import { useSession } from './session.js';
import { localPasswordProblem, NewPasswordFields } from './PasswordFields.js';

/** "Mon compte": who is signed in, and changing one's own password (the current one required). */
export function AccountPage() {
  const { t } = useI18n();
  const id = useId();
  const session = useSession();
  const { user } = session;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    const problem = localPasswordProblem(t, next, confirm);
    if (problem) {
      setError(problem);
      return;
    }
    setPending(true);
    try {
      const answer = await post<SessionAnswer>('/api/auth/password', {
        currentPassword: current,
        newPassword: next,
      });
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      session.renew(answer.user, answer.csrfToken);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <h1>{t('account.title')}</h1>
      {user.mustChangePassword && <Notice kind="warning">{t('account.mustChange')}</Notice>}
      <section className="panel" aria-labelledby={`${id}-identity`}>
        <h2 id={`${id}-identity`}>{t('account.identity')}</h2>
        <dl className="account-facts">
          <dt>{t('common.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('common.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
        </dl>
      </section>
      <form
        className="panel form account-form"
        onSubmit={(event) => void submit(event)}
        aria-labelledby={`${id}-change`}
      >
        <h2 id={`${id}-change`}>{t('account.change')}</h2>
        {/* The e-mail, hidden, lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <label>
          {t('account.current')}
          <input
            type="password"
            name="current-password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </label>
        <NewPasswordFields value={next} confirm={confirm} onChange={setNext} onConfirm={setConfirm} />
        <ErrorBox error={error} />
        {done && <Notice kind="success">{t('account.changed')}</Notice>}
        <div className="actions">
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('account.pending') : t('account.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
