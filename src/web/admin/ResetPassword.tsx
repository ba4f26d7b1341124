import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.js';
import { useI18n } from '../i18n.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { Link } from '../router.js';
import type { ResetPasswordAnswer } from '../types.js';
import { ErrorBox, Notice } from './common.js';
import { localPasswordProblem, NewPasswordFields } from './PasswordFields.js';

/**
 * The page of a reset link (/reinitialiser#token): the token rides in the fragment, which the
 * browser never sends to the server, so it stays out of access logs and Referer headers.
 */
export default function ResetPasswordPage() {
  const { t } = useI18n();
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [doneFor, setDoneFor] = useState<string>();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    const problem = localPasswordProblem(t, next, confirm);
    if (problem) {
      setError(problem);
      return;
    }
    setPending(true);
    try {
      const answer = await post<ResetPasswordAnswer>('/api/auth/reset-password', {
        token,
        newPassword: next,
      });
      setDoneFor(answer.email);
      // The link is used: take it out of the address bar and history.
      window.history.replaceState(null, '', '/reinitialiser');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-head">
          <h1>
            {t('app.name')} <span className="brand-tagline">{t('app.tagline')}</span>
          </h1>
          <LanguageSwitch />
        </div>
        <h2>{t('reset.title')}</h2>
        {doneFor ? (
          <>
            <Notice kind="success">{t('reset.done', { email: doneFor })}</Notice>
            <p>
              <Link to="/connexion" className="button primary">
                {t('reset.login')}
              </Link>
            </p>
          </>
        ) : !token ? (
          <ErrorBox error={t('reset.noToken')} />
        ) : (
          <>
            <p className="muted">{t('reset.intro')}</p>
            <form onSubmit={(event) => void submit(event)} className="form">
              <NewPasswordFields value={next} confirm={confirm} onChange={setNext} onConfirm={setConfirm} />
              <ErrorBox error={error} />
              <button type="submit" className="primary" disabled={pending}>
                {pending ? t('account.pending') : t('reset.submit')}
              </button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
