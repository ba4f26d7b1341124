import { z } from 'zod';

/**
 * A small typed filter language over one "unit" (a response, optionally linked to its registry
 * structure, or a registry structure with its latest response). Answers are keyed by question
 * name and choice value; registry columns by attribute name.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const comparisonOps = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'contains',
  'notEmpty',
  'empty',
] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

const opSchema = z.enum(comparisonOps);

const questionTest = z
  .object({ question: z.string().min(1), op: opSchema, value: z.union([scalar, z.array(scalar)]).optional() })
  .strict();
const attributeTest = z
  .object({
    attribute: z.string().min(1),
    op: opSchema,
    value: z.union([scalar, z.array(scalar)]).optional(),
  })
  .strict();

export type Condition =
  | z.infer<typeof questionTest>
  | z.infer<typeof attributeTest>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    questionTest,
    attributeTest,
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

/** What a condition is evaluated against. */
export interface Unit {
  /** Response data (empty for a registry structure that did not answer). */
  data: Record<string, unknown>;
  /** Registry attributes of the linked structure (empty when the response is not linked). */
  attributes: Record<string, string>;
  /** Registry id of the structure, when known. */
  structure: string | null;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Choice values may be stored as numbers or strings; compare them as text. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return String(a) === String(b);
}

function compare(actual: unknown, op: ComparisonOp, expected: unknown): boolean {
  switch (op) {
    case 'notEmpty':
      return !isEmpty(actual);
    case 'empty':
      return isEmpty(actual);
    case 'eq':
      return Array.isArray(actual) ? false : sameValue(actual, expected);
    case 'ne':
      return isEmpty(actual) ? true : !sameValue(actual, expected);
    case 'in': {
      const list = Array.isArray(expected) ? expected : [expected];
      return list.some((v) => sameValue(actual, v));
    }
    case 'contains': {
      const list = Array.isArray(expected) ? expected : [expected];
      if (Array.isArray(actual)) return list.some((v) => actual.some((a) => sameValue(a, v)));
      if (typeof actual === 'string') return list.some((v) => actual.includes(String(v)));
      return false;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === undefined || b === undefined) return false;
      if (op === 'gt') return a > b;
      if (op === 'gte') return a >= b;
      if (op === 'lt') return a < b;
      return a <= b;
    }
  }
}

export function matches(condition: Condition | undefined, unit: Unit): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => matches(c, unit));
  if ('any' in condition) return condition.any.some((c) => matches(c, unit));
  if ('not' in condition) return !matches(condition.not, unit);
  if ('question' in condition) return compare(unit.data[condition.question], condition.op, condition.value);
  return compare(unit.attributes[condition.attribute], condition.op, condition.value);
}

/** Every question and attribute a condition refers to, for checking an indicator file. */
export function conditionRefs(condition: Condition | undefined): {
  questions: string[];
  attributes: string[];
} {
  const out = { questions: [] as string[], attributes: [] as string[] };
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('question' in c) out.questions.push(c.question);
    else out.attributes.push(c.attribute);
  };
  walk(condition);
  return out;
}

export { asNumber };
