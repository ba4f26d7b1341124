import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, patch, post } from '../api.js';
import { useI18n } from '../i18n.js';
import type {
  CreatedUser,
  PasswordResetAnswer,
  ResetMode,
  Role,
  Territory,
  User,
  UsersAnswer,
} from '../types.js';
import { ErrorBox, Loading, Notice, useApi } from './common.js';
import { buildTree, flattenTree } from './TerritoryTree.js';
import { useSession } from './session.js';

const RESET_MODES: {
  mode: ResetMode;
  label: 'users.resetEmail' | 'users.resetLink' | 'users.resetTemporary';
}[] = [
  { mode: 'email', label: 'users.resetEmail' },
  { mode: 'link', label: 'users.resetLink' },
  { mode: 'temporary', label: 'users.resetTemporary' },
];

const until = (iso: string | undefined, lang: string) =>
  iso
    ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Paris',
      })
    : '';

const ROLES: Role[] = ['admin', 'correspondent', 'viewer'];

export function UsersPage() {
  const { t, lang } = useI18n();
  const id = useId();
  const { user: me, logout } = useSession();
  const users = useApi<UsersAnswer>('/api/users');
  const territories = useApi<{ territories: Territory[] }>('/api/territories');
  const tree = useMemo(() => flattenTree(buildTree(territories.data?.territories ?? [])), [territories.data]);
  const names = useMemo(
    () => new Map((territories.data?.territories ?? []).map((territory) => [territory.id, territory.name])),
    [territories.data],
  );
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('correspondent');
  const [territoryIds, setTerritoryIds] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  /** The new account's invitation e-mail, told apart from the password shown once. */
  const [invited, setInvited] = useState<string>();

  async function create(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    setMessage(undefined);
    setInvited(undefined);
    try {
      const answer = await post<CreatedUser>('/api/users', {
        email,
        name,
        role,
        territoryIds,
        ...(password ? { password } : {}),
      });
      setMessage(
        answer.password
          ? t('users.generated', { email: answer.user.email, password: answer.password })
          : t('common.labelled', { label: answer.user.email, value: t('common.saved') }),
      );
      setInvited(
        answer.invitation &&
          t(answer.invitation.status === 'sent' ? 'mail.accountInvited' : 'mail.accountInviteFailed', {
            email: answer.invitation.sentTo,
          }),
      );
      setEmail('');
      setName('');
      setPassword('');
      setTerritoryIds([]);
      users.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  async function update(user: User, change: Partial<User>): Promise<void> {
    setError(undefined);
    setMessage(undefined);
    setInvited(undefined);
    const self = user.id === me.id;
    if (self && change.disabled === true && !window.confirm(t('users.confirmSelfDisable'))) return;
    try {
      await patch(`/api/users/${encodeURIComponent(user.id)}`, change);
      // Disabling oneself ends one's sessions: back to the login page.
      if (self && change.disabled === true) {
        await logout();
        return;
      }
      users.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      // A refused change (last administrator): the controls show the stored state again.
      users.reload();
    }
  }

  async function reset(user: User, mode: ResetMode): Promise<void> {
    setError(undefined);
    setMessage(undefined);
    setInvited(undefined);
    try {
      const answer = await post<PasswordResetAnswer>(
        `/api/users/${encodeURIComponent(user.id)}/password-reset`,
        { mode },
      );
      const date = until(answer.expiresAt, lang);
      if (answer.mode === 'email') setMessage(t('users.resetSent', { email: user.email, until: date }));
      else if (answer.mode === 'link')
        setMessage(t('users.resetShown', { email: user.email, until: date, link: answer.link ?? '' }));
      else setMessage(t('users.resetTemporaryShown', { email: user.email, password: answer.password ?? '' }));
      users.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  return (
    <>
      <h1>{t('users.title')}</h1>
      <ErrorBox error={users.error} />
      <ErrorBox error={error} />
      {message && <Notice kind="success">{message}</Notice>}
      {message && invited && <Notice kind="info">{invited}</Notice>}
      {users.loading && !users.data && <Loading />}
      {users.data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.territories')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((user) => (
                <tr key={user.id} className={user.disabled ? 'disabled' : undefined}>
                  <th scope="row">
                    {user.name} {user.id === me.id && <span className="muted">{t('users.you')}</span>}{' '}
                    {user.disabled && <span className="badge">{t('users.disabled')}</span>}{' '}
                    {user.mustChangePassword && <span className="badge">{t('users.temporary')}</span>}
                  </th>
                  <td>{user.email}</td>
                  <td>
                    <select
                      aria-label={`${t('users.role')} — ${user.name}`}
                      value={user.role}
                      onChange={(e) => void update(user, { role: e.target.value as Role })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{user.territoryIds.map((tid) => names.get(tid) ?? tid).join(', ') || '—'}</td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="small-button"
                        onClick={() => void update(user, { disabled: !user.disabled })}
                      >
                        {user.disabled ? t('users.enable') : t('users.disable')}
                      </button>
                      <details className="reset-menu">
                        <summary className="small-button button">{t('users.reset')}</summary>
                        <div role="group" aria-label={t('users.resetFor', { name: user.name })}>
                          {RESET_MODES.map(({ mode, label }) => (
                            <button
                              key={mode}
                              type="button"
                              className="small-button"
                              onClick={(event) => {
                                event.currentTarget.closest('details')?.removeAttribute('open');
                                void reset(user, mode);
                              }}
                            >
                              {t(label)}
                            </button>
                          ))}
                        </div>
                      </details>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="panel form" onSubmit={(event) => void create(event)} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('users.create')}</h2>
        <div className="grid-2">
          <label>
            {t('common.email')}
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            {t('common.name')}
            <input required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('users.role')}</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <label>
            {t('users.password')}
            <input
              type="password"
              autoComplete="new-password"
              minLength={12}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <fieldset className="span-2 checkbox-list">
            <legend>{t('users.territories')}</legend>
            {tree.map(({ territory, depth }) => (
              <label
                key={territory.id}
                className="checkbox"
                style={{ paddingInlineStart: `${depth * 1.25}rem` }}
              >
                <input
                  type="checkbox"
                  checked={territoryIds.includes(territory.id)}
                  onChange={(e) =>
                    setTerritoryIds((ids) =>
                      e.target.checked ? [...ids, territory.id] : ids.filter((tid) => tid !== territory.id),
                    )
                  }
                />
                {territory.name}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('users.create')}
          </button>
        </div>
      </form>
    </>
  );
}
