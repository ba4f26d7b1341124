import { useId } from 'react';
import type { Model, Question } from 'survey-core';
import { useI18n, type Lang, type Translate } from '../i18n.js';

/** One answer as a person reads it: choice labels, not codes; lists joined; tables as lines. */
function answerText(question: Question, t: Translate, lang: Lang): string[] {
  if (question.isEmpty()) return [t('recap.noAnswer')];
  const shown: unknown = question.displayValue;
  const flat = (value: unknown): string =>
    Array.isArray(value)
      ? value.map(flat).join(', ')
      : value !== null && typeof value === 'object'
        ? Object.entries(value as Record<string, unknown>)
            .map(([key, inner]) => `${key} : ${flat(inner)}`)
            .join(' ; ')
        : typeof value === 'number'
          ? value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') // "14,7" in French
          : String(value ?? '');
  const lines =
    shown !== null && typeof shown === 'object' && !Array.isArray(shown)
      ? Object.entries(shown as Record<string, unknown>).map(([row, value]) => `${row} : ${flat(value)}`)
      : [flat(shown)];
  // The text typed under "Autre" is part of the answer.
  const comment = (question as Question & { comment?: string }).comment;
  if (comment) lines.push(`« ${comment} »`);
  return lines.filter((line) => line.trim() !== '');
}

/**
 * The page shown after the last one: every visible question with its answer, page by page, each
 * page with a "Modifier" button that goes back to it. Nothing is sent before "Envoyer".
 */
export function ReviewAnswers({
  model,
  onEdit,
  onSubmit,
  onBack,
  sending,
}: {
  model: Model;
  onEdit: (pageNo: number) => void;
  onSubmit: () => void;
  onBack: () => void;
  sending: boolean;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  return (
    <section className="recap" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} className="recap-title">
        {t('recap.title')}
      </h2>
      <p className="muted">{t('recap.intro')}</p>
      {model.visiblePages.map((page, index) => {
        const n = index + 1;
        const title = page.processedTitle || page.title;
        const questions = page.questions.filter((q) => q.isVisible && q.getType() !== 'html');
        return (
          <section key={page.name} className="recap-page" aria-labelledby={`${id}-p${n}`}>
            <div className="recap-page-head">
              <h3 id={`${id}-p${n}`}>
                {title ? t('recap.pageTitle', { n, title }) : t('recap.pageUntitled', { n })}
              </h3>
              <button
                type="button"
                className="small-button"
                aria-label={t('recap.editPageLabel', { n })}
                onClick={() => onEdit(index)}
              >
                {t('recap.editPage')}
              </button>
            </div>
            {questions.length === 0 ? (
              <p className="muted">{t('recap.empty')}</p>
            ) : (
              <dl className="recap-answers">
                {questions.map((question) => (
                  <div key={question.name} className="recap-answer">
                    <dt>{question.processedTitle || question.title || question.name}</dt>
                    {answerText(question, t, lang).map((line, i) => (
                      <dd key={i} className={question.isEmpty() ? 'muted' : undefined}>
                        {line}
                      </dd>
                    ))}
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
      <div className="form-nav">
        <button type="button" onClick={onBack}>
          {t('recap.back')}
        </button>
        <button type="button" className="primary" onClick={onSubmit} disabled={sending}>
          {sending ? t('recap.sending') : t('recap.submit')}
        </button>
      </div>
    </section>
  );
}

/** "Page 3 sur 7" and a bar; on the review page, the bar is full. */
export function FormProgress({
  current,
  total,
  reviewing,
}: {
  current: number;
  total: number;
  reviewing: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const text = reviewing ? t('progress.review') : t('progress.page', { current, total });
  return (
    <div className="form-progress">
      <p id={`${id}-text`} className="form-progress-text" aria-live="polite">
        {text}
      </p>
      <progress
        aria-labelledby={`${id}-text`}
        max={total + 1}
        value={reviewing ? total + 1 : current}
        aria-valuetext={text}
      />
    </div>
  );
}

/** Précédent and Suivant side by side; on the last page, Suivant leads to the review page. */
export function FormNav({
  isFirst,
  isLast,
  onPrev,
  onNext,
}: {
  isFirst: boolean;
  isLast: boolean;
  onPrev: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-nav">
      {!isFirst && (
        <button type="button" onClick={onPrev}>
          {t('respond.prev')}
        </button>
      )}
      <button type="button" className="primary" onClick={onNext}>
        {isLast ? t('recap.toReview') : t('respond.next')}
      </button>
    </div>
  );
}
