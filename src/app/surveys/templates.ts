import { PanoramaError } from '../../contract/errors/index.js';
import { buildSurveyModel } from '../../survey/index.js';
import type { SurveyJson } from '../../survey/definition-schema.js';
import { SURVEY_TEMPLATES, type SurveyTemplate } from '../../survey/templates/index.js';

/**
 * The template library behind "Nouveau questionnaire": each template is listed with what it holds,
 * and handed out as a copy, so an editor session can never change the library itself.
 */
export interface SurveyTemplateSummary {
  id: string;
  name: SurveyTemplate['name'];
  description: SurveyTemplate['description'];
  title: string;
  pages: number;
  questions: number;
}

function summary(template: SurveyTemplate): SurveyTemplateSummary {
  const model = buildSurveyModel(template.definition, template.id);
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    title: model.title,
    pages: model.pages.length,
    questions: model.questions.length,
  };
}

export function listSurveyTemplates(): SurveyTemplateSummary[] {
  return SURVEY_TEMPLATES.map(summary);
}

/** One template and its definition (a deep copy); 404 for an unknown id. */
export function surveyTemplate(id: string): SurveyTemplateSummary & { definition: SurveyJson } {
  const template = SURVEY_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new PanoramaError('survey_template_not_found', { id });
  return { ...summary(template), definition: structuredClone(template.definition) };
}
