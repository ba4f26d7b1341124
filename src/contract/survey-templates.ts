import { z } from 'zod';
import { surveyJson } from './surveys.js';

/** A text of the template library, in both interface languages. */
const bilingual = z.object({ fr: z.string(), en: z.string() });

export const surveyTemplateSummary = z.object({
  id: z.string(),
  name: bilingual,
  description: bilingual,
  /** The questionnaire's own title (in its language). */
  title: z.string(),
  pages: z.number(),
  questions: z.number(),
});

export const templateParams = z.object({ id: z.string().min(1).max(100) });

/** GET /api/survey-templates */
export const surveyTemplatesResponse = z.object({ templates: z.array(surveyTemplateSummary) });
/** GET /api/survey-templates/:id */
export const surveyTemplateResponse = z.object({
  template: surveyTemplateSummary.extend({ definition: surveyJson }),
});
