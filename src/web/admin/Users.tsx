import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, patch, post } from '../api.js';
import { useI18n } from '../i18n.js';
import type { CreatedUser, Role, Territory, User } from '../types.js';
import { ErrorBox, Loading, Notice, useApi } from './common.js';
import { buildTree, flattenTree } from './TerritoryTree.js';

const ROLES: Role[] = ['admin', 'correspondent', 'viewer'];

export function UsersPage() {
  const { t } = useI18n();
  const id = useId();
  const users = useApi<{ users: User[] }>('/api/users');
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

  async function create(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    setMessage(undefined);
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
    try {
      await patch(`/api/users/${encodeURIComponent(user.id)}`, change);
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
                    {user.name} {user.disabled && <span className="badge">{t('users.disabled')}</span>}
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
                    <button
                      type="button"
                      className="small-button"
                      onClick={() => void update(user, { disabled: !user.disabled })}
                    >
                      {user.disabled ? t('users.enable') : t('users.disable')}
                    </button>
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
