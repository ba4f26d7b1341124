import { defineErrors } from './define.js';
import type { Lang } from '../lang.js';
import { problemText, type DefinitionProblemData } from './files.js';

/**
 * An uploaded SurveyJS definition that cannot be used (POST /api/surveys and its versions). The
 * code `invalid_definition` is kept from the first API (clients and tests rely on it); `details`
 * lists every problem, each worded at the edge.
 */

type InvalidDefinition =
  /** The text is not JSON: where the parser stopped. */
  | { line: number; column: number }
  /** The JSON is not a usable questionnaire: how many problems, and the first one. */
  | { count: number; first: DefinitionProblemData };

const q = (text: string) => `« ${text} »`;

function invalidDefinition(p: InvalidDefinition, lang: Lang): string {
  const fr = lang === 'fr';
  if ('line' in p)
    return fr
      ? `Le fichier n'est pas un JSON valide : erreur ligne ${p.line}, colonne ${p.column}.`
      : `The file is not valid JSON: error at line ${p.line}, column ${p.column}.`;
  const { count, first } = p;
  const where = first.question
    ? fr
      ? ` (question ${q(first.question)})`
      : ` (question "${first.question}")`
    : first.path
      ? ` (${first.path})`
      : '';
  const text = problemText(first, lang);
  return fr
    ? `Le questionnaire comporte ${count} problème${count > 1 ? 's' : ''}${where} : ${text}`
    : `The survey definition has ${count} problem${count > 1 ? 's' : ''}${where}: ${text}`;
}

export const surveyErrors = defineErrors({
  invalid_definition: {
    status: 422,
    fr: (p: InvalidDefinition) => invalidDefinition(p, 'fr'),
    en: (p: InvalidDefinition) => invalidDefinition(p, 'en'),
  },
});
