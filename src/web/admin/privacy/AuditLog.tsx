import { useState, type FormEvent } from 'react';
import { query } from '../../api.js';
import { formatDateTime, useI18n, type MessageKey } from '../../i18n.js';
import { navigate, useLocation } from '../../router.js';
import type { Campaign, Structure, UsersAnswer } from '../../types.js';
import type { AuditResponse, AuditViewEntry } from '../../../contract/privacy.js';
import { ErrorBox, Loading, useApi } from '../common.js';

const FILTERS = ['user', 'campaign', 'structure', 'action', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const ACTION_FAMILIES = ['campaign.', 'structure.', 'review.', 'user.', 'login', 'privacy.', 'survey.'];
const PAGE = 50;
/** Actions worded for people (messages `privacy.do.<action>`); others show their code only. */
const ACTION_LABELS = new Set([
  'login',
  'login.failed',
  'logout',
  'user.create',
  'user.update',
  'structure.update',
  'structures.import',
  'review.validate',
  'review.request_correction',
  'campaign.create',
  'campaign.update',
  'campaign.publish',
  'campaign.invitations',
  'response.submit',
  'privacy.export',
  'privacy.erase',
  'privacy.purge',
  'privacy.retention',
]);

/** Short, readable details: "k: v" pairs, long values cut. */
function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object') return String(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k} : ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ')
    .slice(0, 240);
}

/**
 * The audit log for administrators: who did what, when, on what; filters kept in the address (a
 * filtered view can be bookmarked or sent), older entries one page at a time.
 */
export function AuditLogPanel() {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(applied);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const log = useApi<AuditResponse>(`/api/privacy/audit${query({ ...applied, limit: PAGE, cursor })}`);
  const users = useApi<UsersAnswer>('/api/users');
  const campaigns = useApi<{ campaigns: Campaign[] }>('/api/campaigns?archived=include');
  const structures = useApi<{ structures: Structure[] }>('/api/structures');

  function apply(event: FormEvent): void {
    event.preventDefault();
    setCursors([]);
    navigate(`/donnees-personnelles/journal${query(draft)}`, { replace: true });
  }
  function reset(): void {
    const empty = Object.fromEntries(FILTERS.map((f) => [f, ''])) as Filters;
    setDraft(empty);
    setCursors([]);
    navigate('/donnees-personnelles/journal', { replace: true });
  }

  const who = (e: AuditViewEntry): string => {
    if (e.actorName) return e.actorName;
    if (e.actor === 'system') return t('privacy.audit.system');
    if (e.actor === 'cli') return t('privacy.audit.cli');
    return e.actor ?? t('privacy.audit.anonymous');
  };
  const field = (name: keyof Filters) => ({
    id: `audit-${name}`,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('privacy.audit.title')}</h2>
      <form className="audit-filters" onSubmit={apply} aria-label={t('privacy.audit.filters')}>
        <div className="form-row">
          <label htmlFor="audit-user">{t('privacy.audit.user')}</label>
          <select {...field('user')}>
            <option value="">{t('privacy.audit.all')}</option>
            {users.data?.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="audit-campaign">{t('privacy.audit.campaign')}</label>
          <select {...field('campaign')}>
            <option value="">{t('privacy.audit.all')}</option>
            {campaigns.data?.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="audit-structure">{t('privacy.audit.structure')}</label>
          <input {...field('structure')} list="audit-structures" autoComplete="off" />
          <datalist id="audit-structures">
            {structures.data?.structures.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </datalist>
        </div>
        <div className="form-row">
          <label htmlFor="audit-action">{t('privacy.audit.action')}</label>
          <select {...field('action')}>
            <option value="">{t('privacy.audit.allActions')}</option>
            {ACTION_FAMILIES.map((a) => (
              <option key={a} value={a}>
                {t(`privacy.action.${a.replace('.', '')}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="audit-from">{t('privacy.audit.from')}</label>
          <input {...field('from')} type="date" />
        </div>
        <div className="form-row">
          <label htmlFor="audit-to">{t('privacy.audit.to')}</label>
          <input {...field('to')} type="date" />
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('privacy.audit.apply')}
          </button>
          <button type="button" className="button" onClick={reset}>
            {t('privacy.audit.reset')}
          </button>
        </div>
      </form>
      <ErrorBox error={log.error} />
      {log.loading && !log.data && <Loading />}
      {log.data && log.data.entries.length === 0 && <p>{t('privacy.audit.none')}</p>}
      {log.data && log.data.entries.length > 0 && (
        <>
          <p className="muted" role="status">
            {t('privacy.audit.count', { n: log.data.entries.length })}
          </p>
          <div className="table-wrap">
            <table className="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('privacy.audit.when')}</th>
                  <th scope="col">{t('privacy.audit.who')}</th>
                  <th scope="col">{t('privacy.audit.what')}</th>
                  <th scope="col">{t('privacy.audit.on')}</th>
                  <th scope="col">{t('privacy.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.entries.map((e) => (
                  <tr key={e.id}>
                    <td data-label={t('privacy.audit.when')}>
                      <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                    </td>
                    <td data-label={t('privacy.audit.who')}>{who(e)}</td>
                    <td data-label={t('privacy.audit.what')}>
                      {ACTION_LABELS.has(e.action) && (
                        <span className="audit-action">{t(`privacy.do.${e.action}` as MessageKey)}</span>
                      )}
                      <code>{e.action}</code>
                    </td>
                    <td data-label={t('privacy.audit.on')}>{e.targetName ?? e.target ?? '—'}</td>
                    <td data-label={t('privacy.audit.details')} className="audit-details">
                      {detailsText(e.details)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="actions">
        {cursors.length > 0 && (
          <button type="button" className="button" onClick={() => setCursors([])}>
            {t('privacy.audit.first')}
          </button>
        )}
        {log.data?.next && (
          <button type="button" className="button" onClick={() => setCursors([...cursors, log.data!.next!])}>
            {t('privacy.audit.more')}
          </button>
        )}
      </div>
    </section>
  );
}
