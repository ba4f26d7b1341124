import { z } from 'zod';

/**
 * The subset of SurveyJS JSON that Panorama reads. Unknown properties are kept (the form library
 * still uses them); unknown element types are rejected in `model.ts` with the question's name.
 */
export const localizedTextSchema = z.union([z.string(), z.record(z.string(), z.string())]);

/** survey-core reads "true"/"false" strings as booleans (older definitions write them so). */
const looseBoolean = z.union([z.boolean(), z.enum(['true', 'false'])]);

export const choiceSchema = z.union([
  z.string(),
  z.number(),
  z.looseObject({
    value: z.union([z.string(), z.number()]),
    text: localizedTextSchema.optional(),
  }),
]);
export type ChoiceJson = z.infer<typeof choiceSchema>;

export interface ElementJson {
  type: string;
  name: string;
  title?: string | Record<string, string>;
  description?: string | Record<string, string>;
  visibleIf?: string;
  isRequired?: boolean;
  inputType?: string;
  min?: number | string;
  max?: number | string;
  choices?: ChoiceJson[];
  rows?: ChoiceJson[];
  columns?: unknown[];
  rateValues?: ChoiceJson[];
  rateMin?: number;
  rateMax?: number;
  rateStep?: number;
  showOtherItem?: boolean | string;
  hasOther?: boolean | string;
  otherText?: string | Record<string, string>;
  showNoneItem?: boolean | string;
  hasNone?: boolean | string;
  noneText?: string | Record<string, string>;
  labelTrue?: string | Record<string, string>;
  labelFalse?: string | Record<string, string>;
  valueTrue?: unknown;
  valueFalse?: unknown;
  elements?: ElementJson[];
  [key: string]: unknown;
}

export const elementSchema: z.ZodType<ElementJson> = z.lazy(() =>
  z.looseObject({
    type: z.string({ error: 'every element needs a "type"' }),
    // Display-only elements (html, image) may have no name; questions are checked in model.ts.
    name: z.string({ error: 'every element needs a "name"' }).default(''),
    title: localizedTextSchema.optional(),
    description: localizedTextSchema.optional(),
    visibleIf: z.string().optional(),
    isRequired: z.boolean().optional(),
    inputType: z.string().optional(),
    min: z.union([z.number(), z.string()]).optional(),
    max: z.union([z.number(), z.string()]).optional(),
    choices: z.array(choiceSchema).optional(),
    rows: z.array(choiceSchema).optional(),
    // Choice columns (matrix) or column objects (matrixdropdown, matrixdynamic): read in model.ts.
    columns: z.array(z.unknown()).optional(),
    rateValues: z.array(choiceSchema).optional(),
    rateMin: z.number().optional(),
    rateMax: z.number().optional(),
    rateStep: z.number().optional(),
    showOtherItem: looseBoolean.optional(),
    hasOther: looseBoolean.optional(),
    otherText: localizedTextSchema.optional(),
    showNoneItem: looseBoolean.optional(),
    hasNone: looseBoolean.optional(),
    noneText: localizedTextSchema.optional(),
    labelTrue: localizedTextSchema.optional(),
    labelFalse: localizedTextSchema.optional(),
    elements: z.array(elementSchema).optional(),
  }),
);

export const pageSchema = z.looseObject({
  name: z.string().optional(),
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  visibleIf: z.string().optional(),
  elements: z.array(elementSchema).default([]),
  /** Legacy (SurveyJS ≤ 2017) name of `elements`. */
  questions: z.array(elementSchema).optional(),
});
export type PageJson = z.infer<typeof pageSchema>;

export const surveyJsonSchema = z.looseObject({
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  locale: z.string().optional(),
  pages: z.array(pageSchema).optional(),
  elements: z.array(elementSchema).optional(),
  /** Legacy root-level questions (no pages). */
  questions: z.array(elementSchema).optional(),
});
export type SurveyJson = z.infer<typeof surveyJsonSchema>;
