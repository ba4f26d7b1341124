import { z } from 'zod';

/** POST /api/surveys and /api/surveys/:id/versions: the SurveyJS JSON, as text or as an object. */
export const definitionBody = z.object({
  definition: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
});

/**
 * A SurveyJS definition as stored (the store keeps it as `unknown`): checked to be a JSON object on
 * the way out, typed as one for the web app.
 */
export const surveyJson = z
  .unknown()
  .pipe(z.record(z.string(), z.unknown()))
  .describe('SurveyJS JSON, exactly as uploaded');

export const surveySummary = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number(),
  versionId: z.string(),
  createdAt: z.string(),
  questionCount: z.number(),
});
export const surveyDetail = surveySummary.extend({
  /** The latest version's SurveyJS JSON, exactly as uploaded. */
  definition: surveyJson,
  versions: z.array(z.object({ id: z.string(), version: z.number(), createdAt: z.string() })),
});

/** One problem of an uploaded definition (the `details` of a 422 invalid_definition). */
export const definitionProblem = z.object({
  question: z.string().optional(),
  path: z.string(),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  code: z.string().optional(),
});

/** GET /api/surveys */
export const surveysResponse = z.object({ surveys: z.array(surveySummary) });
/** GET /api/surveys/:id, POST /api/surveys (201), POST /api/surveys/:id/versions (201) */
export const surveyResponse = z.object({ survey: surveyDetail });
