import { defineErrors } from './define.js';
import type { Lang } from '../lang.js';
import { problemText } from './files.js';
import { wordFieldIssue, type FieldIssue } from './zod.js';

/**
 * The files and names a publication reads (indicator file, GeoJSON boundaries, the structure of a
 * sheet, the territory of a brochure): each message names the file, the place in it and the value.
 */
const q = (text: unknown) => `« ${String(text)} »`;
const dq = (text: unknown) => `"${String(text)}"`;
const list = (items: unknown) => [items ?? []].flat().map(String).join(', ');

/** One problem of an indicator file: where (JSON path, or line and column for a syntax error) and what. */
export interface IndicatorProblemData {
  /** JSON path in the file (`indicators[3].question`), '' for the whole file. */
  path: string;
  line?: number;
  column?: number;
  /** English text, for logs; `code`/`params` or `issue` word it in the user's language. */
  message: string;
  code?: string;
  params?: unknown;
  issue?: FieldIssue;
}

function indicatorProblems(p: { file: string; problems: IndicatorProblemData[] }, lang: Lang): string {
  const fr = lang === 'fr';
  const all = [p.problems ?? []].flat().filter((x) => typeof x === 'object');
  const head = fr
    ? `${p.file} : fichier d'indicateurs invalide (${all.length} problème${all.length > 1 ? 's' : ''}) :`
    : `${p.file}: invalid indicator file (${all.length} problem${all.length > 1 ? 's' : ''}):`;
  const lines = all.map((x) => {
    const where =
      x.line !== undefined
        ? fr
          ? `ligne ${x.line}, colonne ${x.column ?? 1}`
          : `line ${x.line}, column ${x.column ?? 1}`
        : x.path || (fr ? '(racine)' : '(root)');
    const text = problemText(x, lang);
    return `  - ${where}${fr ? ' : ' : ': '}${text}`;
  });
  return [head, ...lines].join('\n');
}

export const publishFileErrors = defineErrors({
  indicator_file_invalid: {
    status: 422,
    fr: (p: { file: string; problems: IndicatorProblemData[] }) => indicatorProblems(p, 'fr'),
    en: (p: { file: string; problems: IndicatorProblemData[] }) => indicatorProblems(p, 'en'),
  },
  // ----- One problem of an indicator file (its place is printed beside it)
  indicator_file_unreadable: {
    status: 422,
    fr: () => 'fichier introuvable ou illisible',
    en: () => 'file not found or not readable',
  },
  indicator_duplicate_id: {
    status: 422,
    fr: (p: { id: string }) => `identifiant ${q(p.id)} en double`,
    en: (p: { id: string }) => `duplicate id ${dq(p.id)}`,
  },
  indicator_unknown_question: {
    status: 422,
    fr: (p: { question: string }) => `question ${q(p.question)} inconnue (absente du questionnaire)`,
    en: (p: { question: string }) => `unknown question ${dq(p.question)} (not in the survey definition)`,
  },
  indicator_condition_question: {
    status: 422,
    fr: (p: { question: string }) => `la condition porte sur une question inconnue, ${q(p.question)}`,
    en: (p: { question: string }) => `condition refers to unknown question ${dq(p.question)}`,
  },
  indicator_condition_attribute: {
    status: 422,
    fr: (p: { attribute: string; known: string[] }) =>
      `la condition porte sur une colonne du répertoire inconnue, ${q(p.attribute)} (colonnes connues : ${list(p.known)})`,
    en: (p: { attribute: string; known: string[] }) =>
      `condition refers to unknown registry attribute ${dq(p.attribute)} (known: ${list(p.known)})`,
  },
  indicator_needs_registry: {
    status: 422,
    fr: () => "cet indicateur a besoin d'un répertoire (structures.csv) mais la campagne n'en a pas",
    en: () => 'needs a registry (structures.csv) but the campaign has none',
  },
  indicator_unknown_indicator: {
    status: 422,
    fr: (p: { id: string }) => `identifiant d'indicateur ${q(p.id)} inconnu`,
    en: (p: { id: string }) => `unknown indicator id ${dq(p.id)}`,
  },
  indicator_chart_no_choices: {
    status: 422,
    fr: (p: { question: string }) =>
      `la question ${q(p.question)} n'a pas de choix à représenter en graphique`,
    en: (p: { question: string }) => `question ${dq(p.question)} has no choices to chart`,
  },

  // ----- Map boundaries
  geojson_invalid: {
    status: 422,
    fr: (p: { file: string; issue: FieldIssue }) =>
      `${p.file} : ce n'est pas une FeatureCollection GeoJSON de Polygon/MultiPolygon : ` +
      wordFieldIssue({ ...p.issue, field: p.issue?.field || '(racine)' }, 'fr'),
    en: (p: { file: string; issue: FieldIssue }) =>
      `${p.file}: not a GeoJSON FeatureCollection of Polygon/MultiPolygon features: ` +
      wordFieldIssue({ ...p.issue, field: p.issue?.field || '(root)' }, 'en'),
  },

  // ----- Names given to a publication
  sheet_unknown_structure: {
    status: 404,
    fr: (p: { structure: string; known?: string[]; total?: number }) =>
      `structure ${q(p.structure)} inconnue (absente du répertoire, ou elle n'a pas répondu)` +
      (p.known
        ? `. Identifiants connus : ${list(p.known)}${(p.total ?? 0) > [p.known].flat().length ? `, … (${p.total})` : ''}`
        : ''),
    en: (p: { structure: string; known?: string[]; total?: number }) =>
      `unknown structure "${p.structure}" (not in the registry, or it did not answer)` +
      (p.known
        ? `. Known ids: ${list(p.known)}${(p.total ?? 0) > [p.known].flat().length ? `, … (${p.total})` : ''}`
        : ''),
  },
});
