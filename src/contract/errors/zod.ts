import type { z } from 'zod';
import type { Lang } from '../lang.js';

/**
 * zod's issues turned into our own words: each problem names the field and says what is expected,
 * in French or English, never with zod's (or a locale pack's) text. The domain keeps the issues as
 * data (`FieldIssue`), the edge words them (`wordFieldIssue`).
 */
export type FieldIssueKind =
  | 'required'
  | 'type'
  | 'too_small'
  | 'too_big'
  | 'format'
  | 'choice'
  | 'unknown_fields'
  | 'date'
  | 'min_over_max'
  | 'invalid';

export interface FieldIssue {
  /** Dotted path of the field (`population.territoryIds[0]`), empty for the whole input. */
  field: string;
  kind: FieldIssueKind;
  /** `type`: the expected type (string, number, object, array, boolean...). */
  expected?: string;
  /** `too_small` / `too_big`: the bound, what it counts, and whether it is included. */
  limit?: number;
  unit?: 'characters' | 'items' | 'value';
  inclusive?: boolean;
  /** `format`: email, url, uuid, regex, datetime... */
  format?: string;
  /** `choice`: the accepted values; `unknown_fields`: the unexpected names. */
  values?: string[];
}

/** Custom checks (`.refine`) name their problem with `params: { problem: 'date' }` to be worded here. */
const CUSTOM_PROBLEMS = new Set<FieldIssueKind>(['date', 'min_over_max']);

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * Parses with zod; on failure, the issues as data. `reportInput` lets a missing value (required)
 * be told from a value of the wrong type.
 */
export function parseFields<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; issues: FieldIssue[] } {
  const result = schema.safeParse(value, { reportInput: true });
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, issues: fieldIssues(result.error.issues) };
}

/** A PostgreSQL connection URL (DATABASE_URL, migrate-to). */
export const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** Patterns that have a name of their own in messages (FORMATS below), by their source text. */
const NAMED_PATTERNS = new Map<string, string>([[String(POSTGRES_URL), 'postgres_url']]);

/** zod issues as data, with no zod text left in them (parse with `reportInput: true`). */
export function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const field = fieldPath(issue.path);
    switch (issue.code) {
      case 'invalid_type':
        // zod reports a missing field as an invalid type whose input is undefined.
        return issue.input === undefined
          ? { field, kind: 'required' }
          : { field, kind: 'type', expected: String(issue.expected) };
      case 'too_small':
      case 'too_big': {
        const origin = String(issue.origin);
        const unit =
          origin === 'string' ? 'characters' : origin === 'array' || origin === 'set' ? 'items' : 'value';
        const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
        return { field, kind: issue.code, limit, unit, inclusive: issue.inclusive !== false };
      }
      case 'invalid_format': {
        const named =
          issue.format === 'regex' && issue.pattern ? NAMED_PATTERNS.get(issue.pattern) : undefined;
        return { field, kind: 'format', format: named ?? String(issue.format) };
      }
      case 'invalid_value':
        return { field, kind: 'choice', values: issue.values.map(String) };
      case 'unrecognized_keys':
        return { field, kind: 'unknown_fields', values: [...issue.keys] };
      case 'custom': {
        const problem = (issue.params as { problem?: unknown } | undefined)?.problem;
        return CUSTOM_PROBLEMS.has(problem as FieldIssueKind)
          ? { field, kind: problem as FieldIssueKind }
          : { field, kind: 'invalid' };
      }
      default:
        return { field, kind: 'invalid' };
    }
  });
}

const TYPES: Record<string, { fr: string; en: string }> = {
  string: { fr: 'un texte', en: 'a text' },
  number: { fr: 'un nombre', en: 'a number' },
  int: { fr: 'un nombre entier', en: 'a whole number' },
  boolean: { fr: 'vrai ou faux', en: 'true or false' },
  object: { fr: 'un objet', en: 'an object' },
  array: { fr: 'une liste', en: 'a list' },
  record: { fr: 'un objet', en: 'an object' },
  date: { fr: 'une date', en: 'a date' },
  null: { fr: 'null', en: 'null' },
};

const FORMATS: Record<string, { fr: string; en: string }> = {
  email: { fr: 'une adresse e-mail', en: 'an e-mail address' },
  url: { fr: 'une adresse web', en: 'a web address' },
  uuid: { fr: 'un identifiant UUID', en: 'a UUID' },
  datetime: { fr: 'une date et heure ISO 8601', en: 'an ISO 8601 date and time' },
  date: { fr: 'une date AAAA-MM-JJ', en: 'a YYYY-MM-DD date' },
  regex: { fr: 'le format attendu', en: 'the expected format' },
  postgres_url: {
    fr: 'une adresse postgres://… ou postgresql://… (laissez vide pour la base SQLite embarquée)',
    en: 'a postgres://… or postgresql://… address (leave unset for the embedded SQLite database)',
  },
};

const num = (n: number | undefined, lang: Lang) => (n ?? 0).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
const quoteList = (values: string[] | undefined, lang: Lang) =>
  (values ?? []).map((v) => (lang === 'fr' ? `« ${v} »` : `"${v}"`)).join(', ');

function bound(issue: FieldIssue, lang: Lang): string {
  const n = num(issue.limit, lang);
  const small = issue.kind === 'too_small';
  if (issue.unit === 'characters' || issue.unit === 'items') {
    if (small && issue.limit === 1) return lang === 'fr' ? 'ne doit pas être vide' : 'must not be empty';
    const what =
      issue.unit === 'characters'
        ? lang === 'fr'
          ? 'caractères'
          : 'characters'
        : lang === 'fr'
          ? 'éléments'
          : 'items';
    if (lang === 'fr') return `${small ? 'au moins' : 'au plus'} ${n} ${what} attendus`;
    return `${small ? 'at least' : 'at most'} ${n} ${what} expected`;
  }
  if (lang === 'fr') {
    const word = small
      ? issue.inclusive
        ? 'supérieur ou égal à'
        : 'strictement supérieur à'
      : issue.inclusive
        ? 'inférieur ou égal à'
        : 'strictement inférieur à';
    return `nombre ${word} ${n} attendu`;
  }
  const word = small
    ? issue.inclusive
      ? 'at least'
      : 'greater than'
    : issue.inclusive
      ? 'at most'
      : 'less than';
  return `a number ${word} ${n} expected`;
}

/** What is wrong with the field, in `lang` (without the field's name). */
export function wordFieldProblem(issue: FieldIssue, lang: Lang): string {
  const fr = lang === 'fr';
  switch (issue.kind) {
    case 'required':
      return fr ? 'valeur obligatoire manquante' : 'required value missing';
    case 'type': {
      const t = TYPES[issue.expected ?? ''];
      const expected = t ? t[lang] : (issue.expected ?? '?');
      return fr ? `${expected} est attendu` : `${expected} is expected`;
    }
    case 'too_small':
    case 'too_big':
      return bound(issue, lang);
    case 'format': {
      const f = FORMATS[issue.format ?? ''];
      const expected = f ? f[lang] : (issue.format ?? '?');
      return fr ? `format invalide : ${expected} est attendu` : `invalid format: ${expected} is expected`;
    }
    case 'choice':
      return fr
        ? `valeur non reconnue ; valeurs acceptées : ${quoteList(issue.values, lang)}`
        : `unknown value; accepted values: ${quoteList(issue.values, lang)}`;
    case 'unknown_fields':
      return fr
        ? `champ(s) non reconnu(s) : ${quoteList(issue.values, lang)}`
        : `unknown field(s): ${quoteList(issue.values, lang)}`;
    case 'date':
      return fr
        ? 'date invalide : AAAA-MM-JJ ou un instant ISO 8601 est attendu'
        : 'invalid date: YYYY-MM-DD or an ISO 8601 instant is expected';
    case 'min_over_max':
      return fr ? 'le minimum dépasse le maximum' : 'the minimum exceeds the maximum';
    default:
      return fr ? 'valeur refusée' : 'value refused';
  }
}

/** `« field » : problem` (or the problem alone for the whole input). */
export function wordFieldIssue(issue: FieldIssue, lang: Lang): string {
  const problem = wordFieldProblem(issue, lang);
  if (!issue.field) return problem;
  return lang === 'fr' ? `« ${issue.field} » : ${problem}` : `"${issue.field}": ${problem}`;
}
