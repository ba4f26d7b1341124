import { formatDate, formatRate, useI18n } from '../i18n.js';
import { Link } from '../router.js';
import type { Campaign, CampaignState } from '../types.js';
import { ErrorBox, Loading, RateBar, StateBadge, useApi, useInterval } from './common.js';
import { permissions, useSession } from './session.js';
import { DemoPanel } from './archive/DemoPanel.js';

const stateOrder: Record<CampaignState, number> = { open: 0, not_yet_open: 1, closed: 2 };

export function campaignRate(campaign: Campaign): number | null {
  return campaign.invitations > 0 ? (campaign.submitted / campaign.invitations) * 100 : null;
}

export function DashboardPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { data, error, loading, reload } = useApi<{ campaigns: Campaign[] }>('/api/campaigns');
  useInterval(reload, 30_000);
  const campaigns = [...(data?.campaigns ?? [])].sort(
    (a, b) => stateOrder[a.state] - stateOrder[b.state] || b.opensAt.localeCompare(a.opensAt),
  );
  return (
    <>
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        {permissions.createCampaign(user.role) && (
          <Link to="/campagnes/nouvelle" className="button primary">
            {t('dashboard.newCampaign')}
          </Link>
        )}
      </div>
      <ErrorBox error={error} />
      {user.role === 'admin' && <DemoPanel onRemoved={reload} />}
      {loading && !data && <Loading />}
      {data && campaigns.length === 0 && <p>{t('dashboard.empty')}</p>}
      {campaigns.length > 0 && <p className="muted small">{t('dashboard.live')}</p>}
      <ul className="cards">
        {campaigns.map((campaign) => {
          const rate = campaignRate(campaign);
          return (
            <li key={campaign.id} className="card">
              <div className="card-head">
                <h2>
                  <Link to={`/campagnes/${campaign.id}`}>{campaign.name}</Link>
                </h2>
                <StateBadge state={campaign.state} />
              </div>
              <p className="muted small">
                {campaign.surveyTitle} · {t('surveys.version', { n: campaign.surveyVersion ?? '—' })}
                <br />
                {t('campaign.period', {
                  from: formatDate(campaign.opensAt, lang),
                  to: formatDate(campaign.closesAt, lang),
                })}
              </p>
              <RateBar
                rate={rate}
                label={t('campaign.participation', {
                  submitted: campaign.submitted,
                  total: campaign.invitations,
                  rate: formatRate(rate, lang),
                })}
              />
              {campaign.inProgress > 0 && (
                <p className="small">{t('campaign.inProgress', { n: campaign.inProgress })}</p>
              )}
              <p className="card-actions">
                <Link to={`/campagnes/${campaign.id}`}>{t('campaign.open')}</Link>
                <Link to={`/campagnes/${campaign.id}/resultats`}>{t('campaign.results')}</Link>
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
