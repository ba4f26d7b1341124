import { z } from 'zod';
import { surveyDetail, surveyJson } from './surveys.js';

/**
 * POST /api/surveys/import/preview and /api/surveys/import: a questionnaire written by another tool
 * (LimeSurvey .lss/.lsa, XLSForm .xlsx) or by SurveyJS (.json), converted with a report of what
 * could not be carried over (src/app/surveys/import.ts).
 */

/** The file in a JSON body, base64-encoded (the web app's way). */
export const surveyFileBody = z.object({
  filename: z.string().min(1).max(300),
  /** The file, base64-encoded. */
  content: z.string().min(1),
  /** Replaces the title read from the file (import only). */
  title: z.string().trim().min(1).max(300).optional(),
});

/**
 * The same file as a multipart upload: field "file", optional field "title". Read part by part by
 * the route, so it is described as JSON Schema (documentation only, never a validator).
 */
export const surveyFileMultipart = {
  type: 'object',
  properties: {
    file: { type: 'string', format: 'binary', description: 'The questionnaire file' },
    title: { type: 'string', description: 'Replaces the title read from the file (import only)' },
  },
  required: ['file'],
} as const;

export const surveyFileFormat = z.enum(['limesurvey-lss', 'limesurvey-lsa', 'xlsform', 'surveyjs']);

/** One line of the conversion report, worded in the client's language by the server. */
export const importIssue = z.object({
  /** 'dropped': not carried over; 'approximated': carried over in a close form. */
  kind: z.enum(['dropped', 'approximated']),
  /** Stable code of the conversion issue (src/interop/issues.ts). */
  code: z.string(),
  question: z.string().optional(),
  feature: z.string(),
  reason: z.string(),
  detail: z.string().optional(),
  count: z.number().optional(),
});

/** What a conversion found and what it could not carry over. */
export const importReport = z.object({
  file: z.string(),
  format: surveyFileFormat,
  title: z.string(),
  pages: z.number(),
  questions: z.number(),
  /** Finished responses in a LimeSurvey archive (not stored by the import: see notes). */
  responses: z.number().optional(),
  /** Structures named by the archive's participants. */
  structures: z.number().optional(),
  issues: z.array(importIssue),
  /** Things to know that are not about one question. */
  notes: z.array(z.string()),
});

/** POST /api/surveys/import/preview: nothing is stored. */
export const surveyImportPreviewResponse = z.object({ report: importReport, definition: surveyJson });
/** POST /api/surveys/import (201): the new questionnaire and its conversion report. */
export const surveyImportResponse = z.object({ survey: surveyDetail, report: importReport });
