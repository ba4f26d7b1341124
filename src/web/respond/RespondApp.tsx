import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { formatDate, formatDateTime, useI18n, type Lang, type Translate } from '../i18n.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import type { RespondPayload } from '../types.js';
import { answersOnly, loadInvitation } from './respondApi.js';
import { RespondForm } from './RespondForm.js';

type View =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'form'; payload: RespondPayload }
  | { kind: 'confirmed'; payload: RespondPayload }
  | { kind: 'closed'; payload: RespondPayload; message?: string }
  | { kind: 'not_yet_open'; payload: RespondPayload };

function initialView(payload: RespondPayload): View {
  if (payload.campaign.state === 'closed') return { kind: 'closed', payload };
  if (payload.campaign.state === 'not_yet_open') return { kind: 'not_yet_open', payload };
  // A correction asked by the correspondent reopens the form with the message.
  if (payload.status === 'submitted' && !payload.correction) return { kind: 'confirmed', payload };
  return { kind: 'form', payload };
}

function hasAnswers(payload: RespondPayload): boolean {
  return Object.keys(answersOnly(payload.data)).length > 0;
}

/**
 * What a closed campaign says, from what the structure had done: sent, a draft, nothing — or, when
 * it closed while the form was open, the server's refusal (it carries the real closing date; the
 * date loaded with the form would be the old one).
 */
function closedMessage(view: Extract<View, { kind: 'closed' }>, t: Translate, lang: Lang): string {
  if (view.message) return `${view.message} ${t('respond.closedMeanwhile')}`;
  const date = view.payload.campaign.closesAt ? formatDateTime(view.payload.campaign.closesAt, lang) : '';
  if (view.payload.submittedAt) return t('respond.closedSubmitted', { date });
  if (hasAnswers(view.payload)) return t('respond.closedDraft', { date });
  return t('respond.closedNoAnswer', { date });
}

export default function RespondApp({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });

  const load = useCallback(() => {
    setView({ kind: 'loading' });
    loadInvitation(token)
      .then((payload) => setView(initialView(payload)))
      .catch((caught: unknown) => {
        const message =
          caught instanceof ApiError && caught.status === 404
            ? t('respond.notFound')
            : caught instanceof Error
              ? caught.message
              : String(caught);
        setView({ kind: 'error', message });
      });
    // t only changes with the language; reloading then would drop what is on screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  useEffect(load, [load]);

  const payload = 'payload' in view ? view.payload : undefined;
  useEffect(() => {
    if (payload) document.title = `${payload.campaign.name} — Panorama`;
  }, [payload]);

  return (
    <div className="respond">
      <header className="respond-head">
        <div>
          <p className="respond-brand">{t('app.name')}</p>
          {payload && (
            <>
              <h1>{payload.campaign.name}</h1>
              <p className="muted">
                {payload.structure
                  ? t('respond.for', { name: payload.structure.name })
                  : t('respond.anonymous')}
                {payload.campaign.state === 'open' && (
                  <> · {t('respond.closesAt', { date: formatDateTime(payload.campaign.closesAt, lang) })}</>
                )}
              </p>
            </>
          )}
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="respond-main">
        {view.kind === 'loading' && <p role="status">{t('respond.loading')}</p>}
        {view.kind === 'error' && (
          <div className="notice notice-error" role="alert">
            {view.message}
          </div>
        )}
        {view.kind === 'not_yet_open' && (
          <div className="notice notice-info" role="status">
            {t('respond.notYetOpen', { date: formatDateTime(view.payload.campaign.opensAt, lang) })}
          </div>
        )}
        {view.kind === 'closed' && (
          <>
            <div className="notice notice-warning" role="status">
              {closedMessage(view, t, lang)}
              {view.payload.submittedAt && (
                <>
                  {' '}
                  {t('respond.alreadySubmitted', { date: formatDateTime(view.payload.submittedAt, lang) })}
                </>
              )}
            </div>
            {view.payload.submittedAt && view.payload.structure && view.payload.sheetPublished && (
              <p className="actions">
                <a className="button" href={`/api/respond/${encodeURIComponent(token)}/sheet`}>
                  {t('respond.compare')}
                </a>
              </p>
            )}
            {/* A structure that never started sees no empty form under "here are your answers". */}
            {hasAnswers(view.payload) && (
              <RespondForm
                token={token}
                payload={view.payload}
                readOnly
                onSubmitted={() => undefined}
                onClosed={() => undefined}
              />
            )}
          </>
        )}
        {view.kind === 'confirmed' && (
          <section className="confirmation" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{t('respond.confirmTitle')}</h2>
            <p>
              {t('respond.confirmText', {
                date: formatDateTime(view.payload.submittedAt, lang),
                closes: formatDate(view.payload.campaign.closesAt, lang),
              })}
            </p>
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => setView({ kind: 'form', payload: view.payload })}
              >
                {t('respond.edit')}
              </button>
              <a className="button" href={`/api/respond/${encodeURIComponent(token)}/copy.pdf`} download>
                {t('respond.copy')}
              </a>
              {view.payload.structure && view.payload.sheetPublished && (
                <a className="button" href={`/api/respond/${encodeURIComponent(token)}/sheet`}>
                  {t('respond.compare')}
                </a>
              )}
            </div>
            {view.payload.structure && !view.payload.sheetPublished && (
              <p className="muted">{t('respond.compareLater')}</p>
            )}
          </section>
        )}
        {view.kind === 'form' && view.payload.correction && (
          <section
            className="notice notice-warning review-correction"
            role="status"
            aria-labelledby="correction-title"
          >
            <h2 id="correction-title">{t('respond.correctionTitle')}</h2>
            <p className="review-correction-message">{view.payload.correction.message}</p>
            {view.payload.correction.questions.length > 0 && (
              <>
                <p>{t('respond.correctionQuestions')}</p>
                <ul>
                  {view.payload.correction.questions.map((q) => (
                    <li key={q.name}>{q.title}</li>
                  ))}
                </ul>
              </>
            )}
            <p className="muted">{t('respond.correctionHint')}</p>
          </section>
        )}
        {view.kind === 'form' && (
          <RespondForm
            token={token}
            payload={view.payload}
            readOnly={false}
            onSubmitted={({ submittedAt, revision, data }) =>
              setView({
                kind: 'confirmed',
                payload: {
                  ...view.payload,
                  data,
                  submittedAt,
                  revision,
                  status: 'submitted',
                  correction: null,
                },
              })
            }
            onClosed={(message, data) =>
              setView({
                kind: 'closed',
                message,
                payload: { ...view.payload, data, campaign: { ...view.payload.campaign, state: 'closed' } },
              })
            }
          />
        )}
      </main>
    </div>
  );
}
