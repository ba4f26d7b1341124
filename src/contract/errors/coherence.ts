import { defineErrors } from './define.js';

/**
 * Coherence rules (src/coherence): a rules file with mistakes, named by rule number, field and
 * value, and a submission refused by a blocking rule.
 */

/** Why one field of one rule is refused. `expected` lists the accepted values when there are few. */
export type RuleProblemReason =
  | 'not_object'
  | 'not_list'
  | 'missing'
  | 'unknown_field'
  | 'unknown_kind'
  | 'not_number'
  | 'not_text'
  | 'not_positive'
  | 'bad_choice'
  | 'empty'
  | 'duplicate_id'
  | 'min_above_max'
  | 'no_bound'
  | 'unknown_question'
  | 'not_numeric_question'
  | 'unknown_placeholder';

export interface RuleProblem {
  /** 1-based rule number in the file; 0 for the file itself. */
  index: number;
  /** The rule's id when it has one. */
  id?: string;
  /** Dotted path of the field inside the rule ("min", "message.fr", "if.question"). */
  field: string;
  /** The value found, as short text (JSON). */
  value?: string;
  reason: RuleProblemReason;
  /** Accepted values, for bad_choice / unknown_kind / unknown_placeholder. */
  expected?: string[];
}

const FR_REASONS: Record<RuleProblemReason, (p: RuleProblem) => string> = {
  not_object: () => 'doit être un objet JSON { … }',
  not_list: () => 'doit être une liste [ … ]',
  missing: () => 'est obligatoire et manque',
  unknown_field: () => "n'est pas un champ connu pour ce type de règle",
  unknown_kind: (p) => `n'est pas un type de règle connu (types : ${(p.expected ?? []).join(', ')})`,
  not_number: () => 'doit être un nombre',
  not_text: () => 'doit être un texte',
  not_positive: () => 'doit être un nombre positif',
  bad_choice: (p) => `doit valoir l'un de : ${(p.expected ?? []).join(', ')}`,
  empty: () => 'ne doit pas être vide',
  duplicate_id: () => 'est déjà l’identifiant d’une règle précédente',
  min_above_max: () => 'est supérieur au maximum',
  no_bound: () => 'manque : donnez au moins un minimum (min) ou un maximum (max)',
  unknown_question: () => "n'est pas une question du questionnaire",
  not_numeric_question: () => "n'est pas une question numérique",
  unknown_placeholder: (p) =>
    `contient un champ de modèle inconnu (champs possibles : ${(p.expected ?? []).map((e) => `{${e}}`).join(', ')})`,
};

const EN_REASONS: Record<RuleProblemReason, (p: RuleProblem) => string> = {
  not_object: () => 'must be a JSON object { … }',
  not_list: () => 'must be a list [ … ]',
  missing: () => 'is required and missing',
  unknown_field: () => 'is not a known field for this kind of rule',
  unknown_kind: (p) => `is not a known kind of rule (kinds: ${(p.expected ?? []).join(', ')})`,
  not_number: () => 'must be a number',
  not_text: () => 'must be text',
  not_positive: () => 'must be a positive number',
  bad_choice: (p) => `must be one of: ${(p.expected ?? []).join(', ')}`,
  empty: () => 'must not be empty',
  duplicate_id: () => 'is already the id of an earlier rule',
  min_above_max: () => 'is above the maximum',
  no_bound: () => 'is missing: give at least a minimum (min) or a maximum (max)',
  unknown_question: () => 'is not a question of the survey',
  not_numeric_question: () => 'is not a numeric question',
  unknown_placeholder: (p) =>
    `holds an unknown template field (possible fields: ${(p.expected ?? []).map((e) => `{${e}}`).join(', ')})`,
};

function frProblem(p: RuleProblem): string {
  const where = p.index === 0 ? 'Le fichier' : `Règle n° ${p.index}${p.id ? ` (« ${p.id} »)` : ''}`;
  const field = p.field ? `, champ « ${p.field} »` : '';
  const value = p.value !== undefined ? ` (valeur : ${p.value})` : '';
  return `${where}${field}${value} : ${FR_REASONS[p.reason](p)}.`;
}

function enProblem(p: RuleProblem): string {
  const where = p.index === 0 ? 'The file' : `Rule #${p.index}${p.id ? ` ("${p.id}")` : ''}`;
  const field = p.field ? `, field "${p.field}"` : '';
  const value = p.value !== undefined ? ` (value: ${p.value})` : '';
  return `${where}${field}${value}: ${EN_REASONS[p.reason](p)}.`;
}

const MAX_LISTED = 20;
function list(given: RuleProblem[], line: (p: RuleProblem) => string, more: (n: number) => string) {
  const problems = Array.isArray(given) ? given : [];
  const shown = problems.slice(0, MAX_LISTED).map((p) => `  - ${line(p)}`);
  if (problems.length > MAX_LISTED) shown.push(`  - ${more(problems.length - MAX_LISTED)}`);
  return shown.join('\n');
}

/** A list parameter, tolerant of a malformed value (messages are built from any parameters). */
const asList = <T>(value: T[]): T[] => (Array.isArray(value) ? value : []);

export interface BlockedQuestion {
  /** The question the message is attached to (the rule's first question). */
  question: string;
  title: string;
  message: string;
  messageEn: string;
  rule?: string;
  /** Every question of the rule (highlighted together in the form). */
  questions?: string[];
}

export const coherenceErrors = defineErrors({
  coherence_rules_invalid: {
    status: 422,
    fr: (p: { file: string; problems: RuleProblem[] }) =>
      `Les règles de cohérence ${p.file ? `« ${p.file} » ` : ''}ne sont pas valables :\n` +
      list(p.problems, frProblem, (n) => `… et ${n} autre(s) problème(s).`),
    en: (p: { file: string; problems: RuleProblem[] }) =>
      `The coherence rules ${p.file ? `"${p.file}" ` : ''}are not valid:\n` +
      list(p.problems, enProblem, (n) => `… and ${n} more problem(s).`),
  },
  coherence_rules_unreadable: {
    status: 422,
    fr: (p: { file: string; line: number; column: number }) =>
      `Le fichier de règles « ${p.file} » n'est pas du JSON valable (ligne ${p.line}, colonne ${p.column}).`,
    en: (p: { file: string; line: number; column: number }) =>
      `The rules file "${p.file}" is not valid JSON (line ${p.line}, column ${p.column}).`,
  },
  coherence_blocked: {
    status: 422,
    fr: (p: { questions: BlockedQuestion[] }) =>
      'La réponse ne peut pas être envoyée : ' +
      asList(p.questions)
        .map((q) => `« ${q.title} » : ${q.message}`)
        .join(' ; '),
    en: (p: { questions: BlockedQuestion[] }) =>
      'The response cannot be submitted: ' +
      asList(p.questions)
        .map((q) => `"${q.title}": ${q.messageEn}`)
        .join('; '),
  },
  coherence_warnings: {
    status: 409,
    fr: (p: { questions: BlockedQuestion[] }) =>
      'Certaines réponses semblent inhabituelles ; vérifiez-les puis confirmez l’envoi : ' +
      asList(p.questions)
        .map((q) => `« ${q.title} » : ${q.message}`)
        .join(' ; '),
    en: (p: { questions: BlockedQuestion[] }) =>
      'Some answers look unusual; check them, then confirm the submission: ' +
      asList(p.questions)
        .map((q) => `"${q.title}": ${q.messageEn}`)
        .join('; '),
  },
});
