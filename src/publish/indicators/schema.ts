import { z } from 'zod';
import { conditionSchema } from '../conditions.js';

/**
 * The indicator language: declarative key figures over a campaign's responses and registry.
 * Documented with examples in docs/indicators.md.
 */

/** Which units a figure counts: every response, distinct registry structures that answered, or the registry. */
export const populationSchema = z.enum(['responses', 'respondents', 'structures']);
export type Population = z.infer<typeof populationSchema>;

const common = {
  id: z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _'),
  label: z.string().min(1),
  unit: z.string().default(''),
  /** Decimals shown in wording and documents (the value itself is never rounded). */
  decimals: z.number().int().min(0).max(4).default(0),
  /** French wording: {value}, {base}, {numerator}, {label} (choice labels), {change}. */
  text: z.string().optional(),
  /** Only for `where`-restricted figures: the units the figure is computed over. */
  where: conditionSchema.optional(),
  /**
   * Min/max show one structure's own value: hidden from the public unless the network decided
   * to publish it (e.g. with the structures' agreement).
   */
  publishIndividualValue: z.boolean().default(false),
  /** Only meaningful for the whole network (e.g. one territory's share): left out of territorial brochures. */
  networkOnly: z.boolean().default(false),
};

const question = z.string().min(1);

export const indicatorSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('count'), of: populationSchema.default('responses') }).strict(),
  z
    .object({
      ...common,
      kind: z.enum(['sum', 'mean', 'median', 'min', 'max']),
      question,
      of: populationSchema.exclude(['structures']).default('responses'),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('quartile'),
      question,
      quartile: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      method: z.enum(['minitab', 'excel']).default('minitab'),
      of: populationSchema.exclude(['structures']).default('responses'),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('share'),
      of: populationSchema.default('responses'),
      /** Numerator: units of the base (after `where`) meeting this condition. Value in %. */
      condition: conditionSchema,
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('ratio'),
      numerator: question,
      denominator: question,
      /** sum: Σnum / Σden; mean: mean over responses of num/den. */
      aggregate: z.enum(['sum', 'mean']).default('sum'),
      percent: z.boolean().default(true),
    })
    .strict(),
  z.object({ ...common, kind: z.literal('mode'), question }).strict(),
  z
    .object({
      ...common,
      kind: z.literal('top'),
      question,
      n: z.number().int().min(1).max(20),
      includeOther: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('change'),
      /** Relative change in % of `statistic` between previousQuestion (earlier year) and question. */
      question,
      previousQuestion: question,
      statistic: z.enum(['mean', 'sum', 'median']).default('mean'),
    })
    .strict(),
  z.object({ ...common, kind: z.literal('participation') }).strict(),
]);
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorInput = z.input<typeof indicatorSchema>;

export const sectionSchema = z
  .object({
    title: z.string().min(1),
    /** A short introduction printed under the section title. */
    intro: z.string().optional(),
    indicators: z.array(z.string()).default([]),
    /** Choice questions drawn as bar charts in this section. */
    charts: z.array(z.string()).default([]),
  })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

export const indicatorFileSchema = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().optional(),
    /** Publisher line (federation, observatory). */
    publisher: z.string().optional(),
    /** Registry attribute the map and territory breakdown use by default. */
    territoryAttribute: z.string().default('territoire'),
    /** Unit word used on the map ("centres sociaux"). */
    mapUnit: z.string().default('centres sociaux'),
    indicators: z.array(indicatorSchema).min(1),
    sections: z.array(sectionSchema).default([]),
  })
  .strict();
export type IndicatorFile = z.infer<typeof indicatorFileSchema>;
