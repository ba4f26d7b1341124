import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.js';
import { useI18n } from '../i18n.js';
import type { SessionAnswer, User } from '../types.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { ErrorBox } from './common.js';

export function LoginPage({ onLogin }: { onLogin: (user: User, csrfToken: string) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const answer = await post<SessionAnswer>('/api/auth/login', { email, password });
      onLogin(answer.user, answer.csrfToken);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
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
        <h2>{t('login.title')}</h2>
        <p className="muted">{t('login.intro')}</p>
        <form onSubmit={(event) => void submit(event)} className="form">
          <label>
            {t('login.email')}
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label>
            {t('login.password')}
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          <ErrorBox error={error} />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('login.pending') : t('login.submit')}
          </button>
        </form>
        <p className="muted small">{t('login.forgot')}</p>
        <p className="muted small">{t('login.respondentHint')}</p>
      </div>
    </main>
  );
}
