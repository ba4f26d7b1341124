import { formatDateTime, useI18n } from '../../i18n.js';
import { Link, navigate, useLocation } from '../../router.js';
import type { ReviewListResponse, ReviewStatusValue } from '../../types.js';
import { ErrorBox, Loading, useApi } from '../common.js';

export const REVIEW_STATUS_ORDER: ReviewStatusValue[] = [
  'to_check',
  'corrected',
  'correction_requested',
  'validated',
];

export function ReviewStatusBadge({ status }: { status: ReviewStatusValue }) {
  const { t } = useI18n();
  return <span className={`badge review-${status}`}>{t(`review.status.${status}`)}</span>;
}

/** The answers of a campaign to review, by territory and status, with their anomaly counts. */
export function ReviewListPage({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const { path, search } = useLocation();
  const status = search.get('statut') ?? '';
  const territory = search.get('territoire') ?? '';
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (territory) query.set('territory', territory);
  const list = useApi<ReviewListResponse>(
    `/api/campaigns/${encodeURIComponent(campaignId)}/review${query.size ? `?${query}` : ''}`,
  );
  const data = list.data;
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`${path}${next.size ? `?${next}` : ''}`, { replace: true });
  };
  return (
    <>
      <ErrorBox error={list.error} />
      {!data && list.loading && <Loading />}
      {data && (
        <>
          <div className="page-head">
            <h1>{t('review.title', { name: data.campaign.name })}</h1>
            <Link to={`/campagnes/${encodeURIComponent(campaignId)}`}>{t('campaign.open')}</Link>
          </div>
          <ul className="review-counts" aria-label={t('review.status')}>
            {REVIEW_STATUS_ORDER.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className={status === s ? 'primary' : ''}
                  aria-pressed={status === s}
                  onClick={() => setParam('statut', status === s ? '' : s)}
                >
                  {t(`review.status.${s}`)} <strong>{data.counts[s] ?? 0}</strong>
                </button>
              </li>
            ))}
          </ul>
          <div className="panel form review-filters">
            <label>
              {t('review.status')}
              <select value={status} onChange={(e) => setParam('statut', e.target.value)}>
                <option value="">{t('review.allStatuses')}</option>
                {REVIEW_STATUS_ORDER.map((s) => (
                  <option key={s} value={s}>
                    {t(`review.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('review.territory')}
              <select value={territory} onChange={(e) => setParam('territoire', e.target.value)}>
                <option value="">{t('review.allTerritories')}</option>
                {data.territories.map((tr) => (
                  <option key={tr.id} value={tr.id}>
                    {tr.name} ({tr.level})
                  </option>
                ))}
              </select>
            </label>
          </div>
          {data.items.length === 0 && <p className="muted">{t('review.none')}</p>}
          <ul className="review-list">
            {data.items.map((item) => (
              <li key={item.responseId} className="panel review-item">
                <div className="review-item-head">
                  <Link
                    to={`/campagnes/${encodeURIComponent(campaignId)}/verification/${encodeURIComponent(item.structure.id)}`}
                  >
                    {item.structure.name}
                  </Link>
                  <ReviewStatusBadge status={item.status} />
                </div>
                <p className="muted">
                  {item.territory?.name ?? '—'} · {t('review.submittedAt')}{' '}
                  {formatDateTime(item.submittedAt, lang)} · {t('review.revision', { n: item.revision })}
                </p>
                <p
                  className={
                    item.anomalies.blocking + item.anomalies.warning + item.anomalies.flag
                      ? 'review-anomalies'
                      : 'muted'
                  }
                >
                  {t('common.labelled', {
                    label: t('review.anomalies'),
                    value: t('review.anomalyCounts', item.anomalies),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
