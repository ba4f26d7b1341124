import { Suspense, lazy, useId, useState } from 'react';
import { ApiError, patch, post } from '../api.js';
import { formatDate, formatDateTime, formatRate, useI18n } from '../i18n.js';
import { Link } from '../router.js';
import { CampaignArchiveExportLink } from './campaign-archive/ExportLink.js';
import type { Campaign, InvitationStatus, Participation, RemindersResult } from '../types.js';
import {
  ErrorBox,
  Loading,
  Notice,
  RateBar,
  StateBadge,
  StatusBadge,
  useApi,
  useInterval,
} from './common.js';
import { permissions, useSession } from './session.js';
import { CampaignPublication } from './CampaignPublication.js';
import { MailSection } from './mail/MailSection.js';
import { RowMailAction } from './mail/RowMailAction.js';
import { invitedStructures, mailPath, useCampaignMail, type MailSendResult } from './mail/useCampaignMail.js';

const ParticipationChart = lazy(() => import('./ParticipationChart.js'));

const GROUPINGS = ['territoire', 'departement', 'region', 'type', 'qpv'] as const;

function DatesForm({ campaign, onSaved }: { campaign: Campaign; onSaved: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const toDay = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }); // sv-SE = YYYY-MM-DD
  const [opensAt, setOpensAt] = useState(toDay(campaign.opensAt));
  const [closesAt, setClosesAt] = useState(campaign.closesAt ? toDay(campaign.closesAt) : '');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  async function save(): Promise<void> {
    setError(undefined);
    setDone(false);
    try {
      await patch(`/api/campaigns/${encodeURIComponent(campaign.id)}`, {
        opensAt,
        ...(closesAt ? { closesAt } : {}),
      });
      setDone(true);
      onSaved();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }
  return (
    <details className="panel">
      <summary>{t('campaignDetail.saveDates')}</summary>
      <div className="grid-2">
        <label htmlFor={`${id}-o`}>
          {t('campaignNew.opensAt')}
          <input id={`${id}-o`} type="date" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
        </label>
        <label htmlFor={`${id}-c`}>
          {t('campaignNew.closesAt')}
          <input id={`${id}-c`} type="date" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
        </label>
      </div>
      <ErrorBox error={error} />
      {done && <Notice kind="success">{t('common.saved')}</Notice>}
      <button type="button" onClick={() => void save()}>
        {t('common.save')}
      </button>
    </details>
  );
}

export function CampaignDetailPage({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const id = useId();
  const base = `/api/campaigns/${encodeURIComponent(campaignId)}`;
  const [by, setBy] = useState<(typeof GROUPINGS)[number]>('territoire');
  const [statusFilter, setStatusFilter] = useState<InvitationStatus | ''>('');
  const [message, setMessage] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const campaign = useApi<{ campaign: Campaign }>(base);
  const participation = useApi<Participation>(`${base}/participation?by=${encodeURIComponent(by)}`);
  useInterval(participation.reload, 30_000);
  const mail = useCampaignMail(user.role !== 'viewer' ? campaignId : undefined);
  const invited = invitedStructures(mail.data?.log);

  async function remind(structureIds?: string[]): Promise<void> {
    setMessage(undefined);
    setActionError(undefined);
    try {
      const answer = await post<RemindersResult>(`${base}/reminders`, structureIds ? { structureIds } : {});
      let text = t('campaignDetail.reminded', { n: answer.sent });
      if (answer.withoutEmail.length) {
        text +=
          ' ' +
          t('campaignDetail.withoutEmail', { names: answer.withoutEmail.map((s) => s.name).join(', ') });
      }
      setMessage(text);
      participation.reload();
      mail.reload();
    } catch (caught) {
      setActionError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  /** The first invitation to one structure (a reminder is never a first contact). */
  async function invite(structure: { id: string; name: string }): Promise<void> {
    setMessage(undefined);
    setActionError(undefined);
    try {
      const answer = await post<MailSendResult>(mailPath(campaignId, '/invitations'), {
        structureIds: [structure.id],
      });
      if (answer.sent.length) setMessage(t('mail.invited', { name: structure.name }));
      else if (answer.failed.length) setActionError(t('mail.failed', { names: structure.name }));
      mail.reload();
    } catch (caught) {
      setActionError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  async function copy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      setMessage(t('campaignDetail.copied'));
    } catch {
      window.prompt(t('campaignDetail.link'), link);
    }
  }

  const c = campaign.data?.campaign;
  const p = participation.data;
  const notSubmitted = p?.structures.filter((s) => s.status !== 'submitted') ?? [];
  const remindable = notSubmitted.filter((s) => invited.has(s.id));
  const shown = p?.structures.filter((s) => !statusFilter || s.status === statusFilter) ?? [];
  const canRemind = permissions.remind(user.role) && c?.state !== 'closed';
  return (
    <>
      <ErrorBox error={campaign.error} />
      {!c && campaign.loading && <Loading />}
      {c && (
        <>
          <div className="page-head">
            <h1>
              {c.name} <StateBadge state={c.state} />
            </h1>
            <Link to={`/campagnes/${c.id}/resultats`} className="button primary">
              {t('campaignDetail.seeResults')}
            </Link>
            {user.role !== 'viewer' && (
              <Link to={`/campagnes/${c.id}/verification`} className="button">
                {t('review.nav')}
              </Link>
            )}
            {user.role === 'admin' && <CampaignArchiveExportLink campaignId={c.id} />}
          </div>
          <p className="muted">
            {c.surveyTitle} ({t('surveys.version', { n: c.surveyVersion ?? '—' })}) ·{' '}
            {t('campaign.period', { from: formatDate(c.opensAt, lang), to: formatDate(c.closesAt, lang) })}
          </p>
          {c.publicLink && (
            <p>
              {t('common.labelled', { label: t('campaignDetail.publicLink'), value: '' })}
              <a href={c.publicLink}>{c.publicLink}</a>
            </p>
          )}
          {permissions.editCampaign(user.role) && <DatesForm campaign={c} onSaved={campaign.reload} />}
          <CampaignPublication campaignId={c.id} canEdit={user.role === 'admin'} />
        </>
      )}
      <section aria-labelledby={`${id}-part`}>
        <h2 id={`${id}-part`}>{t('campaignDetail.participation')}</h2>
        <ErrorBox error={participation.error} />
        {p && (
          <>
            <RateBar
              rate={p.rate}
              label={t('campaignDetail.overall', {
                responses: p.responses,
                population: p.population,
                rate: formatRate(p.rate, lang),
              })}
            />
            <div className="form-row inline">
              <label htmlFor={`${id}-by`}>{t('campaignDetail.groupBy')}</label>
              <select
                id={`${id}-by`}
                value={by}
                onChange={(e) => setBy(e.target.value as (typeof GROUPINGS)[number])}
              >
                {GROUPINGS.map((g) => (
                  <option key={g} value={g}>
                    {t(`group.${g}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="split even">
              <div>
                <Suspense fallback={<Loading />}>
                  <ParticipationChart groups={p.byGroup} lang={lang} label={t('campaignDetail.chartLabel')} />
                </Suspense>
              </div>
              <div className="table-wrap">
                <table>
                  <caption>{t('campaignDetail.byGroup', { by: t(`group.${by}`) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('campaignDetail.group')}</th>
                      <th scope="col" className="num">
                        {t('campaignDetail.population')}
                      </th>
                      <th scope="col" className="num">
                        {t('campaignDetail.responses')}
                      </th>
                      <th scope="col" className="num">
                        {t('campaignDetail.rate')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.byGroup.map((group) => (
                      <tr key={group.group}>
                        <th scope="row">{group.group}</th>
                        <td className="num">{group.population}</td>
                        <td className="num">{group.responses}</td>
                        <td className="num">{formatRate(group.rate, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        )}
      </section>
      {p && (
        <section aria-labelledby={`${id}-list`}>
          <div className="page-head">
            <h2 id={`${id}-list`}>{t('campaignDetail.structures')}</h2>
            <div className="actions">
              <a className="button" href={`${base}/non-respondents.csv`} download>
                {t('campaignDetail.exportCsv')}
              </a>
              {canRemind && remindable.length > 0 && (
                <button
                  type="button"
                  onClick={() => {
                    const notInvited = notSubmitted.length - remindable.length;
                    const question = [
                      t('mail.remindConfirm', { n: remindable.length }),
                      ...(notInvited ? [t('mail.remindNotInvited', { n: notInvited })] : []),
                    ].join('\n\n');
                    if (window.confirm(question)) void remind(remindable.map((s) => s.id));
                  }}
                >
                  {t('mail.remindInvited')}
                </button>
              )}
            </div>
          </div>
          {message && <Notice kind="success">{message}</Notice>}
          <ErrorBox error={actionError} />
          <div className="form-row inline">
            <label htmlFor={`${id}-status`}>{t('campaignDetail.filterStatus')}</label>
            <select
              id={`${id}-status`}
              value={statusFilter}
              onChange={(e) => setStatusFilter(e.target.value as InvitationStatus | '')}
            >
              <option value="">{t('common.all')}</option>
              <option value="not_started">{t('status.not_started')}</option>
              <option value="in_progress">{t('status.in_progress')}</option>
              <option value="submitted">{t('status.submitted')}</option>
            </select>
          </div>
          <div className="table-wrap">
            <table className="structures-table">
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('registry.territory')}</th>
                  <th scope="col">{t('campaignDetail.status')}</th>
                  <th scope="col">{t('campaignDetail.submittedAt')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((s) => (
                  <tr key={s.id} data-structure={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{s.territory ?? '—'}</td>
                    <td>
                      <StatusBadge status={s.status} />
                      {(s.reminderCount ?? 0) > 0 && (
                        <span className="muted small">
                          {' '}
                          · {t('campaignDetail.lastReminder', { n: s.reminderCount ?? 0 })}
                        </span>
                      )}
                    </td>
                    <td>{formatDateTime(s.submittedAt, lang)}</td>
                    <td>
                      <div className="row-actions">
                        <a href={s.link} aria-label={`${t('campaignDetail.link')} — ${s.name}`}>
                          {t('campaignDetail.link')}
                        </a>
                        <button type="button" className="small-button" onClick={() => void copy(s.link)}>
                          {t('campaignDetail.copyLink')}
                        </button>
                        <RowMailAction
                          structure={s}
                          invited={invited.has(s.id)}
                          canRemind={canRemind}
                          canInvite={user.role === 'admin' && c?.state !== 'closed'}
                          onRemind={() => void remind([s.id])}
                          onInvite={() => void invite(s)}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {c && user.role !== 'viewer' && (
        <MailSection
          campaignId={c.id}
          mail={mail}
          structures={p?.structures}
          hasClosing={Boolean(c.closesAt)}
          closed={c.state === 'closed'}
          isAdmin={user.role === 'admin'}
          onChange={participation.reload}
        />
      )}
    </>
  );
}
