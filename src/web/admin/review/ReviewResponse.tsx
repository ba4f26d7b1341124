import { useState } from 'react';
import { post } from '../../api.js';
import { formatDateTime, useI18n } from '../../i18n.js';
import { Link } from '../../router.js';
import type { ReviewDetailResponse } from '../../types.js';
import { ErrorBox, Loading, Notice, toApiError, useApi } from '../common.js';
import { ReviewStatusBadge } from './ReviewList.js';

/** One structure's answers under review: answers, anomalies, history, and the decision. */
export function ReviewResponsePage({ campaignId, structureId }: { campaignId: string; structureId: string }) {
  const { t, lang } = useI18n();
  const base = `/api/campaigns/${encodeURIComponent(campaignId)}/review/${encodeURIComponent(structureId)}`;
  const detail = useApi<ReviewDetailResponse>(base);
  const [message, setMessage] = useState('');
  const [questions, setQuestions] = useState<string[]>([]);
  const [done, setDone] = useState<string>();
  const [failed, setFailed] = useState<ReturnType<typeof toApiError>>();
  const [busy, setBusy] = useState(false);
  const d = detail.data;
  const flagged = new Set(d?.anomalies.flatMap((a) => a.questions) ?? []);

  async function decide(kind: 'validate' | 'request-correction') {
    if (!d) return;
    setBusy(true);
    setFailed(undefined);
    setDone(undefined);
    try {
      const body =
        kind === 'validate' ? { revision: d.revision } : { revision: d.revision, message, questions };
      const answer = await post<{ status: 'validated' | 'correction_requested' }>(`${base}/${kind}`, body);
      setDone(t(`review.sent.${answer.status}`));
      setMessage('');
      setQuestions([]);
      detail.reload();
    } catch (caught) {
      setFailed(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorBox error={detail.error} />
      {!d && detail.loading && <Loading />}
      {d && (
        <>
          <p>
            <Link to={`/campagnes/${encodeURIComponent(campaignId)}/verification`}>← {t('review.back')}</Link>
          </p>
          <div className="page-head">
            <h1>
              {d.structure.name} <ReviewStatusBadge status={d.status} />
            </h1>
          </div>
          <p className="muted">
            {d.campaign.name} · {d.territory?.name ?? '—'} · {t('review.revision', { n: d.revision })} ·{' '}
            {formatDateTime(d.submittedAt, lang)}
          </p>
          {done && <Notice kind="success">{done}</Notice>}
          <ErrorBox error={failed} />
          <section className="panel" aria-labelledby="review-anomalies">
            <h2 id="review-anomalies">{t('review.anomalies')}</h2>
            {d.anomalies.length === 0 && <p className="muted">{t('review.noAnomaly')}</p>}
            <ul className="review-anomaly-list">
              {d.anomalies.map((a, i) => (
                <li key={`${a.rule}-${i}`} className={`anomaly anomaly-${a.severity}`}>
                  <span className="badge">{t(`review.severity.${a.severity}`)}</span>{' '}
                  {lang === 'en' ? a.messageEn : a.message}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="review-decide">
            <h2 id="review-decide">{t('review.decide')}</h2>
            {d.message && <p>{t('common.labelled', { label: t('review.lastMessage'), value: d.message })}</p>}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void decide('validate')}
              >
                {t('review.validate')}
              </button>
            </div>
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                void decide('request-correction');
              }}
            >
              <label>
                {t('review.message')}
                <textarea required rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
              </label>
              <fieldset>
                <legend>{t('review.questions')}</legend>
                <div className="review-question-picks">
                  {d.answers.map((a) => (
                    <label key={a.name} className={`check${flagged.has(a.name) ? ' review-flagged' : ''}`}>
                      <input
                        type="checkbox"
                        checked={questions.includes(a.name)}
                        onChange={(e) =>
                          setQuestions((list) =>
                            e.target.checked ? [...list, a.name] : list.filter((q) => q !== a.name),
                          )
                        }
                      />{' '}
                      {a.title}
                    </label>
                  ))}
                </div>
              </fieldset>
              <button type="submit" disabled={busy || !message.trim()}>
                {t('review.askCorrection')}
              </button>
            </form>
          </section>
          <section className="panel" aria-labelledby="review-answers">
            <h2 id="review-answers">{t('review.answers')}</h2>
            <dl className="review-answers">
              {d.answers.map((a) => (
                <div key={a.name} className={flagged.has(a.name) ? 'review-flagged' : undefined}>
                  <dt>{a.title}</dt>
                  <dd>{a.text ?? <span className="muted">{t('review.unanswered')}</span>}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="panel" aria-labelledby="review-history">
            <h2 id="review-history">{t('review.history')}</h2>
            <ul className="review-history">
              {d.history.map((h, i) => (
                <li key={`${h.at}-${i}`}>
                  <strong>{t(`review.action.${h.action}`)}</strong> — {h.actor} · {formatDateTime(h.at, lang)}
                  {h.revision !== null && <> · {t('review.revision', { n: h.revision })}</>}
                  {h.message && <p>« {h.message} »</p>}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
