import { Model } from 'survey-core';
import 'survey-core/i18n/french';
import 'survey-core/survey-core.css';
import type { Lang } from '../i18n.js';

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

/** A SurveyJS model in the UI language (French by default; the survey's own locale strings apply). */
export function createSurveyModel(json: Record<string, unknown>, lang: Lang): Model {
  const model = new Model(json);
  model.locale = lang;
  model.applyTheme({ cssVariables: THEME_VARIABLES });
  return model;
}
