import { useState } from 'react';
import { formatDate, formatRate, useI18n } from '../i18n.js';
import { Link } from '../router.js';
import type { Campaign } from '../types.js';
import { ErrorBox, Loading, Notice, StateBadge, useApi } from './common.js';
import { campaignRate } from './Dashboard.js';
import { permissions, useSession } from './session.js';
import { ArchivesToggle, RemoveButton } from './archive/RemoveButton.js';

export function CampaignsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [showArchives, setShowArchives] = useState(false);
  const [removed, setRemoved] = useState<string>();
  const { data, error, loading, reload } = useApi<{ campaigns: Campaign[] }>(
    `/api/campaigns${showArchives ? '?archived=include' : ''}`,
  );
  const canRemove = permissions.editCampaign(user.role);
  return (
    <>
      <div className="page-head">
        <h1>{t('campaigns.title')}</h1>
        {permissions.createCampaign(user.role) && (
          <Link to="/campagnes/nouvelle" className="button primary">
            {t('dashboard.newCampaign')}
          </Link>
        )}
        {user.role === 'admin' && (
          <Link to="/campagnes/importer" className="button">
            {t('campaignArchive.importLink')}
          </Link>
        )}
      </div>
      {canRemove && <ArchivesToggle checked={showArchives} onChange={setShowArchives} />}
      {removed && <Notice kind="success">{removed}</Notice>}
      <ErrorBox error={error} />
      {loading && !data && <Loading />}
      {data && data.campaigns.length === 0 && <p>{t('dashboard.empty')}</p>}
      {data && data.campaigns.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.name')}</th>
                <th scope="col">{t('campaigns.survey')}</th>
                <th scope="col">{t('campaigns.state')}</th>
                <th scope="col">{t('campaigns.dates')}</th>
                <th scope="col" className="num">
                  {t('campaigns.progress')}
                </th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.campaigns.map((campaign) => (
                <tr key={campaign.id}>
                  <th scope="row">
                    <Link to={`/campagnes/${campaign.id}`}>{campaign.name}</Link>
                  </th>
                  <td>
                    {campaign.surveyTitle} ({t('surveys.version', { n: campaign.surveyVersion ?? '—' })})
                  </td>
                  <td>
                    <StateBadge state={campaign.state} />
                    {campaign.archivedAt && (
                      <span className="badge archived-badge">{t('archive.archived')}</span>
                    )}
                  </td>
                  <td>
                    {t('campaign.period', {
                      from: formatDate(campaign.opensAt, lang),
                      to: formatDate(campaign.closesAt, lang),
                    })}
                  </td>
                  <td className="num">
                    {campaign.submitted} / {campaign.invitations} ({formatRate(campaignRate(campaign), lang)})
                  </td>
                  <td>
                    <span className="row-actions">
                      <Link to={`/campagnes/${campaign.id}/resultats`}>{t('campaign.results')}</Link>
                      {canRemove && (
                        <RemoveButton
                          kind="campaign"
                          id={campaign.id}
                          name={campaign.name}
                          archived={!!campaign.archivedAt}
                          onDone={(_done, message) => {
                            setRemoved(message);
                            reload();
                          }}
                        />
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
