import { defineErrors } from './define.js';
import { wordFieldIssue, type FieldIssue } from './zod.js';

/**
 * Report options (filters, breakdowns, participation) and report configuration files: each message
 * names the key, the value or the question, and lists what is known.
 */
const q = (text: string) => `« ${text} »`;
const list = (items: string[] | undefined) => [items ?? []].flat().join(', ');
type Usage = { usage: 'filter' | 'breakdown'; key: string; value?: string };
const usageFr = (p: Usage) =>
  p.usage === 'filter' ? `Filtre ${p.key}=${p.value ?? ''}` : `Ventilation par ${q(p.key)}`;
const usageEn = (p: Usage) =>
  p.usage === 'filter' ? `Filter ${p.key}=${p.value ?? ''}` : `Breakdown by "${p.key}"`;
const knownFr = (p: { attributes?: string[]; questions?: string[] }) =>
  [
    p.attributes?.length ? `attributs du répertoire : ${list(p.attributes)}` : '',
    `questions : ${list(p.questions)}`,
  ]
    .filter(Boolean)
    .join(' ; ');
const knownEn = (p: { attributes?: string[]; questions?: string[] }) =>
  [
    p.attributes?.length ? `registry attributes: ${list(p.attributes)}` : '',
    `questions: ${list(p.questions)}`,
  ]
    .filter(Boolean)
    .join('; ');

/** One problem of a report configuration file: a field issue, an unknown question or misplaced classes. */
export type ReportConfigProblem =
  | { path: string; issue: FieldIssue }
  | { path: string; unknownQuestion: string; known?: string[] }
  | { path: string; classesOn: { question: string; kind: string } };

export function wordReportConfigProblem(p: ReportConfigProblem, lang: 'fr' | 'en'): string {
  const fr = lang === 'fr';
  if (typeof p !== 'object' || p === null) return String(p);
  if ('issue' in p) return wordFieldIssue(p.issue, lang);
  if ('unknownQuestion' in p)
    return fr
      ? `« ${p.path} » : aucune question ${q(p.unknownQuestion)} dans le questionnaire` +
          (p.known ? ` (questions connues : ${list(p.known)})` : '')
      : `"${p.path}": no question "${p.unknownQuestion}" in the questionnaire` +
          (p.known ? ` (known questions: ${list(p.known)})` : '');
  return fr
    ? `« ${p.path} » : les classes s'appliquent aux questions numériques ; ${q(p.classesOn.question)} est une question de type ${p.classesOn.kind}`
    : `"${p.path}": classes apply to number questions; "${p.classesOn.question}" is a ${p.classesOn.kind} question`;
}

export const reportErrors = defineErrors({
  report_key_unknown: {
    status: 400,
    fr: (p: Usage & { attributes?: string[]; questions?: string[] }) =>
      `${usageFr(p)} : ${q(p.key)} n'est ni un attribut du répertoire ni une question (${knownFr(p)}).`,
    en: (p: Usage & { attributes?: string[]; questions?: string[] }) =>
      `${usageEn(p)}: "${p.key}" is neither a registry attribute nor a question (${knownEn(p)}).`,
  },
  report_filter_no_structure: {
    status: 400,
    fr: (p: { key: string; value: string; known: string[] }) =>
      `Filtre ${p.key}=${p.value} : aucune structure du répertoire n'a ${q(p.value)} pour ${q(p.key)} ` +
      `(valeurs présentes : ${list(p.known)}).`,
    en: (p: { key: string; value: string; known: string[] }) =>
      `Filter ${p.key}=${p.value}: no structure of the registry has ${p.key} "${p.value}" (values found: ${list(p.known)}).`,
  },
  report_filter_not_choice: {
    status: 400,
    fr: (p: { question: string; value: string; choices: string[] }) =>
      `Filtre ${p.question}=${p.value} : ${q(p.value)} n'est pas une valeur de réponse de la question ` +
      `${q(p.question)} (valeurs : ${list(p.choices)}).`,
    en: (p: { question: string; value: string; choices: string[] }) =>
      `Filter ${p.question}=${p.value}: "${p.value}" is not a choice value of question "${p.question}" (choices: ${list(p.choices)}).`,
  },
  report_filter_not_number: {
    status: 400,
    fr: (p: { question: string; value: string }) =>
      `Filtre ${p.question}=${p.value} : la question ${q(p.question)} est numérique et ${q(p.value)} n'est pas un nombre.`,
    en: (p: { question: string; value: string }) =>
      `Filter ${p.question}=${p.value}: question "${p.question}" is numeric and "${p.value}" is not a number.`,
  },
  report_filter_matrix: {
    status: 400,
    fr: (p: { question: string; value: string }) =>
      `Filtre ${p.question}=${p.value} : une question en tableau (matrice) ne peut pas servir de filtre.`,
    en: (p: { question: string; value: string }) =>
      `Filter ${p.question}=${p.value}: a matrix question cannot be used as a filter.`,
  },
  report_breakdown_kind: {
    status: 400,
    fr: (p: { question: string; kind: string }) =>
      `Ventilation par ${q(p.question)} : c'est une question de type ${p.kind} ; seules les questions à choix ` +
      'unique, oui/non et les échelles de notes peuvent répartir les tableaux.',
    en: (p: { question: string; kind: string }) =>
      `Breakdown by "${p.question}": it is a ${p.kind} question; only single-choice, boolean and rating ` +
      'questions can split tables.',
  },
  report_group_by_unknown: {
    status: 400,
    fr: (p: { groupBy: string; attributes: string[] }) =>
      `Participation par ${q(p.groupBy)} : ce n'est pas un attribut du répertoire (attributs : ${list(p.attributes)}).`,
    en: (p: { groupBy: string; attributes: string[] }) =>
      `participation.groupBy "${p.groupBy}" is not a registry attribute (attributes: ${list(p.attributes)}).`,
  },
  report_config_invalid: {
    status: 422,
    fr: (p: { source: string; problems: ReportConfigProblem[] }) => {
      const problems = [p.problems ?? []].flat();
      return (
        `${p.source} : la configuration du rapport comporte ${problems.length} problème${problems.length > 1 ? 's' : ''} :\n` +
        problems.map((x) => `  - ${wordReportConfigProblem(x, 'fr')}`).join('\n')
      );
    },
    en: (p: { source: string; problems: ReportConfigProblem[] }) => {
      const problems = [p.problems ?? []].flat();
      return (
        `${p.source}: the report configuration has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n` +
        problems.map((x) => `  - ${wordReportConfigProblem(x, 'en')}`).join('\n')
      );
    },
  },
});
