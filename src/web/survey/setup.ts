import { Model } from 'survey-core';
import 'survey-core/i18n/french';
import 'survey-core/survey-core.css';
import type { Lang } from '../i18n.js';

/** A SurveyJS model in the UI language (French by default; the survey's own locale strings apply). */
export function createSurveyModel(json: Record<string, unknown>, lang: Lang): Model {
  const model = new Model(json);
  model.locale = lang;
  return model;
}
