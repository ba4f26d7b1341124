import { useEffect, useMemo, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { ApiError } from '../api.js';
import { formatTime, useI18n } from '../i18n.js';
import { createSurveyModel } from '../survey/setup.js';
import type { RespondPayload } from '../types.js';
import { DraftSaver, type SaveState } from './draftSaver.js';
import { FormNav, FormProgress, ReviewAnswers } from './ReviewAnswers.js';
import {
  answersOnly,
  newSubmissionId,
  PAGE_KEY,
  saveDraft,
  saveDraftOnExit,
  submitAnswers,
} from './respondApi.js';

function pageOf(data: Record<string, unknown>): number {
  const page = data[PAGE_KEY];
  return typeof page === 'number' && Number.isInteger(page) && page >= 0 ? page : 0;
}

function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `« ${text && text.length > 60 ? `${text.slice(0, 59)}…` : text} »`;
}

/** The question a rejected key belongs to ("q-Comment" → "q"). */
function questionFor(model: Model, key: string) {
  return model.getQuestionByName(key) ?? model.getQuestionByName(key.replace(/-Comment$/, ''));
}

/** After a page change, the top of the form (progress) comes into view, as SurveyJS does itself. */
function scrollToForm(): void {
  requestAnimationFrame(() => {
    const top = document.querySelector('.form-progress');
    top?.scrollIntoView({ block: 'start' });
    document.querySelector<HTMLElement>('.recap-title')?.focus();
  });
}

export function RespondForm({
  token,
  payload,
  readOnly,
  onSubmitted,
  onClosed,
}: {
  token: string;
  payload: RespondPayload;
  readOnly: boolean;
  onSubmitted: (result: { submittedAt: string; revision: number; data: Record<string, unknown> }) => void;
  /** The campaign closed meanwhile: show the answers as they are on screen, read-only. */
  onClosed: (message: string, data: Record<string, unknown>) => void;
}) {
  const { t, lang } = useI18n();
  const [saveState, setSaveState] = useState<SaveState>(
    payload.savedAt ? { kind: 'saved', at: payload.savedAt } : { kind: 'idle' },
  );
  const [rejected, setRejected] = useState<{ message: string; unplaced: string[] }>();
  const [submitError, setSubmitError] = useState<string>();
  // The review page (answers listed before sending) replaces the form after the last page.
  const [reviewing, setReviewing] = useState(false);
  const [sending, setSending] = useState(false);
  // Bumped when the page or the answers change: progress and the navigation are read from the model.
  const [, setTick] = useState(0);
  // Kept across retries so a resent submission is recognised by the server (idempotent).
  const submissionId = useRef<string | undefined>(undefined);
  const callbacks = useRef({ onSubmitted, onClosed, t });
  callbacks.current = { onSubmitted, onClosed, t };

  const model = useMemo(() => {
    const m = createSurveyModel(payload.survey, lang);
    m.showCompletePage = false;
    m.textUpdateMode = 'onTyping';
    m.data = answersOnly(payload.data);
    // Questions named by a correction request are highlighted until the structure submits again.
    const flagged = new Set((payload.correction?.questions ?? []).map((q) => q.name));
    if (flagged.size > 0)
      m.onUpdateQuestionCssClasses.add((_, options) => {
        if (flagged.has(options.question.name)) options.cssClasses.mainRoot += ' review-flagged';
      });
    // Panorama's own navigation (FormNav): side by side on a phone, and the last step is the review.
    m.showNavigationButtons = false;
    if (readOnly) {
      m.mode = 'display';
      m.questionsOnPageMode = 'singlePage';
    } else {
      const page = pageOf(payload.data);
      if (page < m.visiblePageCount) m.currentPageNo = page;
    }
    return m;
    // The language is applied below without rebuilding (rebuilding would drop unsaved input).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [payload, readOnly]);

  useEffect(() => {
    model.locale = lang;
  }, [model, lang]);

  useEffect(() => {
    if (readOnly) return;
    const snapshot = () => ({ ...model.data, [PAGE_KEY]: model.currentPageNo });
    const makeSaver = () =>
      new DraftSaver<Record<string, unknown>>({
        send: (data) => saveDraft(token, data),
        isFatal: (error) => error instanceof ApiError && (error.status === 409 || error.status === 404),
        isRefused: (error) => error instanceof ApiError && error.status === 422,
        onState: (state) => {
          setSaveState(state);
          if (state.kind === 'failed' && state.fatal)
            callbacks.current.onClosed(state.message, answersOnly(model.data));
        },
      });
    // Replaced after a refused submission: saving is stopped while a submission is under way.
    let saver = makeSaver();

    const onValue = () => {
      saver.schedule(snapshot());
      setTick((n) => n + 1);
    };
    const onPage = () => {
      saver.schedule(snapshot());
      void saver.flush();
      setTick((n) => n + 1);
    };
    const onLeave = () => {
      const pending = saver.takePending();
      if (pending) saveDraftOnExit(token, pending);
    };
    const onCompleting = async (_: Model, options: { allow: boolean }) => {
      saver.stop();
      setRejected(undefined);
      setSubmitError(undefined);
      submissionId.current ??= newSubmissionId();
      const data = answersOnly(model.data);
      const outcome = await submitAnswers(token, data, submissionId.current);
      setSending(false);
      if (outcome.kind === 'ok') {
        submissionId.current = undefined;
        options.allow = true;
        callbacks.current.onSubmitted({ submittedAt: outcome.submittedAt, revision: outcome.revision, data });
        return;
      }
      options.allow = false;
      // Back to the form: the refused question or the error is shown there.
      setReviewing(false);
      if (outcome.kind === 'closed') {
        callbacks.current.onClosed(outcome.message, data);
        return;
      }
      saver = makeSaver();
      if (outcome.kind === 'error') {
        // Maybe stored, maybe not (network): resending with the same id is safe.
        setSubmitError(outcome.message);
        return;
      }
      const unplaced: string[] = [];
      let first: string | undefined;
      for (const problem of outcome.problems) {
        const question = questionFor(model, problem.question);
        if (question) {
          question.addError(
            callbacks.current.t('respond.rejectedValue', {
              value: describeValue(problem.value),
              message: problem.message,
            }),
          );
          first ??= question.name;
        } else
          unplaced.push(
            callbacks.current.t('common.labelled', { label: problem.question, value: problem.message }),
          );
      }
      setRejected({ message: outcome.message, unplaced });
      if (first) model.focusQuestion(first);
    };

    model.onValueChanged.add(onValue);
    model.onCurrentPageChanged.add(onPage);
    model.onCompleting.add(onCompleting);
    window.addEventListener('pagehide', onLeave);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      model.onValueChanged.remove(onValue);
      model.onCurrentPageChanged.remove(onPage);
      model.onCompleting.remove(onCompleting);
      onLeave();
      saver.stop();
    };
  }, [model, readOnly, token]);

  return (
    <>
      {!readOnly && (
        <p className="save-state" role="status" aria-live="polite">
          {saveState.kind === 'saving' && t('respond.saving')}
          {saveState.kind === 'saved' && t('respond.savedAt', { time: formatTime(saveState.at, lang) })}
          {saveState.kind === 'failed' &&
            !saveState.fatal &&
            t('respond.saveFailed', { message: saveState.message })}
        </p>
      )}
      {rejected && (
        <div className="notice notice-error" role="alert">
          <p>{rejected.message || t('respond.rejected')}</p>
          {rejected.unplaced.length > 0 && (
            <ul>
              {rejected.unplaced.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {submitError && (
        <div className="notice notice-error" role="alert">
          {submitError}
        </div>
      )}
      {!readOnly && (
        <FormProgress
          current={model.currentPageNo + 1}
          total={model.visiblePageCount}
          reviewing={reviewing}
        />
      )}
      {reviewing ? (
        <ReviewAnswers
          model={model}
          sending={sending}
          onBack={() => setReviewing(false)}
          onEdit={(pageNo) => {
            model.currentPageNo = pageNo;
            setReviewing(false);
            scrollToForm();
          }}
          onSubmit={() => {
            setSending(true);
            // Validates the last page, then onCompleting sends (and decides).
            if (!model.completeLastPage()) {
              setSending(false);
              setReviewing(false);
            }
          }}
        />
      ) : (
        <>
          <Survey model={model} />
          {!readOnly && (
            <FormNav
              isFirst={model.isFirstPage}
              isLast={model.isLastPage}
              onPrev={() => {
                model.prevPage();
                scrollToForm();
              }}
              onNext={() => {
                if (!model.isLastPage) {
                  if (model.nextPage()) scrollToForm();
                  return;
                }
                // The last page is checked before the review, as Terminer would.
                if (model.validateCurrentPage()) {
                  setReviewing(true);
                  scrollToForm();
                }
              }}
            />
          )}
        </>
      )}
    </>
  );
}
