import { defineErrors } from './define.js';
import type { Lang } from '../lang.js';
import { wordFieldIssue, type FieldIssue } from './zod.js';

/**
 * Problems found in input files (survey definitions, response files, registries, JSON): each one
 * located (file, sheet, line or cell, column) and worded at the edge in the user's language.
 */

/** One located problem; `code` + `params` word it in any language, `message` is the English fallback. */
export interface FileProblem {
  file: string;
  line?: number;
  column?: string | number;
  sheet?: string;
  cell?: string;
  responseId?: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

type Wording = (code: string, params: unknown, lang: Lang) => string | undefined;
let wordCode: Wording = () => undefined;
/** Set by index.ts once the catalogue is built (the catalogue itself includes this file's codes). */
export function setProblemWording(wording: Wording): void {
  wordCode = wording;
}

/** Something worded from its zod-made issue, its catalogue code, or else its English message. */
export interface CodedText {
  message: string;
  code?: string;
  params?: unknown;
  issue?: FieldIssue;
}

/** The problem's own words: from its zod-made issue or its catalogue code when it has one. */
export function problemText(p: CodedText, lang: Lang): string {
  if (p.issue) return wordFieldIssue(p.issue, lang);
  return (p.code && wordCode(p.code, p.params ?? {}, lang)) || p.message;
}

export function wordFileProblem(p: FileProblem, lang: Lang): string {
  const fr = lang === 'fr';
  const where: string[] = [p.file];
  if (p.sheet !== undefined) where.push(fr ? `feuille « ${p.sheet} »` : `sheet "${p.sheet}"`);
  if (p.cell !== undefined) where.push(fr ? `cellule ${p.cell}` : `cell ${p.cell}`);
  else if (p.line !== undefined) where.push(fr ? `ligne ${p.line}` : `line ${p.line}`);
  if (p.column !== undefined) where.push(fr ? `colonne ${p.column}` : `column ${p.column}`);
  const who =
    p.responseId !== undefined
      ? fr
        ? `réponse « ${p.responseId} » : `
        : `response "${p.responseId}": `
      : '';
  return `${where.join(', ')}${fr ? ' : ' : ': '}${who}${problemText(p, lang)}`;
}

/** How many problems a message prints before summarising the rest. */
export const PRINTED_PROBLEMS = 50;

export function wordFileProblems(problems: FileProblem[], lang: Lang, limit = PRINTED_PROBLEMS): string {
  const fr = lang === 'fr';
  const all = [problems ?? []].flat();
  if (all.length === 0) return fr ? 'aucun problème' : 'no problem';
  const files = [...new Set(all.map((p) => p.file))].join(', ');
  const head = fr
    ? `${all.length} problème${all.length > 1 ? 's' : ''} dans ${files} :`
    : `${all.length} problem${all.length > 1 ? 's' : ''} in ${files}:`;
  const lines = all.slice(0, limit).map((p) => `  - ${wordFileProblem(p, lang)}`);
  if (all.length > limit)
    lines.push(fr ? `  … et ${all.length - limit} de plus` : `  … and ${all.length - limit} more`);
  return [head, ...lines].join('\n');
}

const nearFr = (near: string | undefined) =>
  near !== undefined
    ? `${JSON.stringify(near)} inattendu`
    : 'le texte se termine trop tôt (crochet, accolade ou guillemet manquant ?)';
const nearEn = (near: string | undefined) =>
  near !== undefined
    ? `unexpected ${JSON.stringify(near)}`
    : 'the text ends too early (a missing bracket, brace or quote?)';

/** A problem of a survey definition, located by question and JSON path. */
export interface DefinitionProblemData {
  question?: string;
  path: string;
  message: string;
  code?: string;
  params?: unknown;
  issue?: FieldIssue;
}

function definitionProblems(p: { source: string; problems: DefinitionProblemData[] }, lang: Lang): string {
  const fr = lang === 'fr';
  const all = [p.problems ?? []].flat().filter((x) => typeof x === 'object');
  const head = fr
    ? `${p.source} : le questionnaire comporte ${all.length} problème${all.length > 1 ? 's' : ''} :`
    : `${p.source}: the survey definition has ${all.length} problem${all.length > 1 ? 's' : ''}:`;
  const lines = all.map((x) => {
    const text = problemText(x, lang);
    const who = x.question ? (fr ? `question « ${x.question} » ` : `question "${x.question}" `) : '';
    return `  - ${who}(${x.path})${fr ? ' : ' : ': '}${text}`;
  });
  return [head, ...lines].join('\n');
}

export const fileErrors = defineErrors({
  /** One problem of a file (its place is given beside it). */
  json_invalid: {
    status: 422,
    fr: (p: { near?: string }) => `JSON invalide : ${nearFr(p.near)}`,
    en: (p: { near?: string }) => `invalid JSON: ${nearEn(p.near)}`,
  },
  json_syntax: {
    status: 422,
    fr: (p: { file: string; line: number; column: number; near?: string }) =>
      `${p.file} : JSON invalide ligne ${p.line}, colonne ${p.column} : ${nearFr(p.near)}`,
    en: (p: { file: string; line: number; column: number; near?: string }) =>
      `${p.file}: invalid JSON at line ${p.line}, column ${p.column}: ${nearEn(p.near)}`,
  },
  survey_definition_invalid: {
    status: 422,
    fr: (p: { source: string; problems: DefinitionProblemData[] }) => definitionProblems(p, 'fr'),
    en: (p: { source: string; problems: DefinitionProblemData[] }) => definitionProblems(p, 'en'),
  },
  input_problems: {
    status: 422,
    fr: (p: { problems: FileProblem[]; limit?: number }) => wordFileProblems(p.problems, 'fr', p.limit),
    en: (p: { problems: FileProblem[]; limit?: number }) => wordFileProblems(p.problems, 'en', p.limit),
  },
});
