import { z } from 'zod';

/**
 * The subset of SurveyJS JSON that Panorama reads. Unknown properties are kept (the form library
 * still uses them); unknown element types are rejected in `model.ts` with the question's name.
 */
export const localizedTextSchema = z.union([z.string(), z.record(z.string(), z.string())]);

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
  columns?: ChoiceJson[];
  rateValues?: ChoiceJson[];
  rateMin?: number;
  rateMax?: number;
  rateStep?: number;
  showOtherItem?: boolean;
  hasOther?: boolean;
  otherText?: string | Record<string, string>;
  showNoneItem?: boolean;
  hasNone?: boolean;
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
    name: z.string({ error: 'every element needs a "name"' }).min(1, 'the "name" is empty'),
    title: localizedTextSchema.optional(),
    description: localizedTextSchema.optional(),
    visibleIf: z.string().optional(),
    isRequired: z.boolean().optional(),
    inputType: z.string().optional(),
    min: z.union([z.number(), z.string()]).optional(),
    max: z.union([z.number(), z.string()]).optional(),
    choices: z.array(choiceSchema).optional(),
    rows: z.array(choiceSchema).optional(),
    columns: z.array(choiceSchema).optional(),
    rateValues: z.array(choiceSchema).optional(),
    rateMin: z.number().optional(),
    rateMax: z.number().optional(),
    rateStep: z.number().optional(),
    showOtherItem: z.boolean().optional(),
    hasOther: z.boolean().optional(),
    otherText: localizedTextSchema.optional(),
    showNoneItem: z.boolean().optional(),
    hasNone: z.boolean().optional(),
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
});
export type PageJson = z.infer<typeof pageSchema>;

export const surveyJsonSchema = z.looseObject({
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  locale: z.string().optional(),
  pages: z.array(pageSchema).optional(),
  elements: z.array(elementSchema).optional(),
});
export type SurveyJson = z.infer<typeof surveyJsonSchema>;
