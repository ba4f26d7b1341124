import DOMPurify from 'dompurify';
import { Model, QuestionSelectBase } from 'survey-core';
import 'survey-core/i18n/french';
import 'survey-core/survey-core.css';
import type { Lang } from '../i18n.js';
import { withoutEventHandlers } from './event-handlers.js';

/**
 * Panorama's colours and the system font (SurveyJS defaults to "Open Sans", which is not bundled
 * and would fall back to a serif font).
 */
const THEME_VARIABLES = {
  '--sjs2-color-project-brand-600': '#1d4f91',
  '--sjs2-color-project-brand-700': '#163d70',
  '--sjs2-color-utility-surface-survey': '#f5f7f9',
  '--sjs2-typography-font-family-text':
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
};

type OtherOptions = (item: { text: string }) => { ariaLabel?: () => string | null };

/**
 * SurveyJS names the "Autre (préciser)" text box only for questions without a title: with one,
 * the box gets neither a label nor aria-labelledby (axe-core "label", WCAG 1.3.1 / 4.1.2). It is
 * named here after its question and its choice, e.g. "Type de gestionnaire — Autre (préciser)".
 */
function labelOtherTextBoxes(): void {
  const proto = QuestionSelectBase.prototype as unknown as Record<string, OtherOptions> & { title: string };
  const original = proto['getOtherTextAreaOptions'];
  if (!original || (original as { labelled?: boolean }).labelled) return;
  const labelled: OtherOptions = function (this: { title: string }, item) {
    const options = original.call(this, item);
    return { ...options, ariaLabel: () => `${this.title} — ${item.text}` };
  };
  (labelled as { labelled?: boolean }).labelled = true;
  proto['getOtherTextAreaOptions'] = labelled;
}
labelOtherTextBoxes();

/** A SurveyJS model in the UI language (French by default; the survey's own locale strings apply). */
export function createSurveyModel(json: Record<string, unknown>, lang: Lang): Model {
  const model = new Model(json);
  sanitiseHtml(model);
  model.locale = lang;
  model.applyTheme({ cssVariables: THEME_VARIABLES });
  return model;
}

/**
 * Every HTML a definition carries (html elements, completedHtml, loadingHtml…) goes through
 * survey.processHtml before SurveyJS sets it as innerHTML: sanitised there, after SurveyJS has put
 * answers into {placeholders}, so neither the definition nor an answer piped into it can run
 * script on Panorama's origin. Event handlers are removed first without a browser parser (see
 * event-handlers.ts), so that not even DOMPurify's inert parse meets one and the
 * Content-Security-Policy reports nothing. Titles and descriptions stay text: no Markdown
 * handler (onTextMarkdown) is installed, so SurveyJS never renders them as HTML.
 */
function sanitiseHtml(model: Model): void {
  const process = model.processHtml.bind(model);
  model.processHtml = (html: string, reason?: string) => sanitise(process(html, reason ?? ''));
}

export function sanitise(html: string): string {
  return DOMPurify.sanitize(withoutEventHandlers(html), { USE_PROFILES: { html: true } });
}
