import { defineErrors } from './define.js';

/**
 * One answer value refused by the strict check of a response (src/survey/validate.ts): from a
 * respondent's form, an imported file or the API. Each message names the question and the value
 * as received (`got`, written as JSON) and says what is expected. Status 422.
 */
const q = (text: unknown) => `« ${String(text)} »`;
const dq = (text: unknown) => `"${String(text)}"`;

type At = { question: string; got: string };
type Choices = { choices: string[]; more?: number };

const names = (items: unknown) => [items ?? []].flat().map(String).join(', ');
const list = (p: Choices, lang: 'fr' | 'en') =>
  names(p.choices) + (p.more ? (lang === 'fr' ? `, … ${p.more} autres` : `, … ${p.more} more`) : '');

export const answerErrors = defineErrors({
  answer_not_object: {
    status: 422,
    fr: (p: { got: string }) =>
      `les réponses doivent être un objet dont les clés sont les noms des questions, reçu ${p.got}`,
    en: (p: { got: string }) => `the answers must be an object keyed by question name, got ${p.got}`,
  },
  answer_other_not_text: {
    status: 422,
    fr: (p: { key: string; got: string }) =>
      `question ${q(p.key)} : la précision « Autre » doit être un texte, reçu ${p.got}`,
    en: (p: { key: string; got: string }) =>
      `question ${dq(p.key)}: the "other" text must be text, got ${p.got}`,
  },
  answer_comment_not_allowed: {
    status: 422,
    fr: (p: { key: string; question: string }) =>
      `${q(p.key)} n'est pas admis : la question ${q(p.question)} n'a ni choix « Autre » ni zone de commentaire`,
    en: (p: { key: string; question: string }) =>
      `${dq(p.key)} is not allowed: question ${dq(p.question)} has no "other" item and no comment box`,
  },
  answer_unknown_question: {
    status: 422,
    fr: (p: { key: string; got: string; hint?: string }) =>
      `${q(p.key)} n'est pas une question de ce questionnaire (valeur ${p.got})` +
      (p.hint ? ` ; vouliez-vous dire ${q(p.hint)} ?` : ''),
    en: (p: { key: string; got: string; hint?: string }) =>
      `${dq(p.key)} is not a question of this survey (value ${p.got})` +
      (p.hint ? `; did you mean ${dq(p.hint)}?` : ''),
  },
  answer_not_a_choice: {
    status: 422,
    fr: (p: At & Choices & { label?: string }) =>
      `question ${q(p.question)} : ${p.got} n'est pas un des choix (${list(p, 'fr')})` +
      (p.label
        ? ` ; les réponses utilisent les valeurs des choix, pas leurs libellés : vouliez-vous dire ${p.label} ?`
        : ''),
    en: (p: At & Choices & { label?: string }) =>
      `question ${dq(p.question)}: ${p.got} is not one of the choices (${list(p, 'en')})` +
      (p.label ? `; answers use choice values, not labels: did you mean ${p.label}?` : ''),
  },
  answer_text_not_number: {
    status: 422,
    fr: (p: At) => `question ${q(p.question)} : ${p.got} est un texte, pas un nombre`,
    en: (p: At) => `question ${dq(p.question)}: ${p.got} is text, not a number`,
  },
  answer_not_a_number: {
    status: 422,
    fr: (p: At) => `question ${q(p.question)} : un nombre est attendu, reçu ${p.got}`,
    en: (p: At) => `question ${dq(p.question)}: expected a number, got ${p.got}`,
  },
  answer_not_finite: {
    status: 422,
    fr: (p: At) => `question ${q(p.question)} : ${p.got} n'est pas un nombre fini`,
    en: (p: At) => `question ${dq(p.question)}: ${p.got} is not a finite number`,
  },
  answer_below_min: {
    status: 422,
    fr: (p: At & { min: number }) => `question ${q(p.question)} : ${p.got} est inférieur au minimum ${p.min}`,
    en: (p: At & { min: number }) => `question ${dq(p.question)}: ${p.got} is below the minimum ${p.min}`,
  },
  answer_above_max: {
    status: 422,
    fr: (p: At & { max: number }) => `question ${q(p.question)} : ${p.got} est supérieur au maximum ${p.max}`,
    en: (p: At & { max: number }) => `question ${dq(p.question)}: ${p.got} is above the maximum ${p.max}`,
  },
  answer_not_yes_no: {
    status: 422,
    fr: (p: At & { yes?: string; no?: string }) =>
      `question ${q(p.question)} : ${p.got} n'est pas une réponse oui/non (attendu : ${p.yes ?? 'true'} ou ${p.no ?? 'false'})`,
    en: (p: At & { yes?: string; no?: string }) =>
      `question ${dq(p.question)}: ${p.got} is not a yes/no answer (expected ${p.yes ?? 'true'} or ${p.no ?? 'false'})`,
  },
  answer_date_not_text: {
    status: 422,
    fr: (p: At) => `question ${q(p.question)} : une date sous forme de texte est attendue, reçu ${p.got}`,
    en: (p: At) => `question ${dq(p.question)}: expected a date as text, got ${p.got}`,
  },
  answer_date_format: {
    status: 422,
    fr: (p: At & { inputType: string; example: string }) =>
      `question ${q(p.question)} : ${p.got} n'est pas au format ISO attendu (${p.inputType}, par exemple ${p.example})`,
    en: (p: At & { inputType: string; example: string }) =>
      `question ${dq(p.question)}: ${p.got} is not a valid ISO ${p.inputType} (expected e.g. ${p.example})`,
  },
  answer_date_not_real: {
    status: 422,
    fr: (p: At & { inputType: string }) =>
      `question ${q(p.question)} : ${p.got} n'existe pas au calendrier (${p.inputType})`,
    en: (p: At & { inputType: string }) =>
      `question ${dq(p.question)}: ${p.got} is not a real ${p.inputType}`,
  },
  answer_not_text: {
    status: 422,
    fr: (p: At) => `question ${q(p.question)} : un texte est attendu, reçu ${p.got}`,
    en: (p: At) => `question ${dq(p.question)}: expected text, got ${p.got}`,
  },
  answer_not_a_list: {
    status: 422,
    fr: (p: At) => `question ${q(p.question)} : une liste de choix est attendue, reçu ${p.got}`,
    en: (p: At) => `question ${dq(p.question)}: expected a list of choices, got ${p.got}`,
  },
  answer_listed_twice: {
    status: 422,
    fr: (p: At) => `question ${q(p.question)} : ${p.got} figure deux fois`,
    en: (p: At) => `question ${dq(p.question)}: ${p.got} is listed twice`,
  },
  answer_none_combined: {
    status: 422,
    fr: (p: At & { none: string; noneText: string }) =>
      `question ${q(p.question)} : ${q(p.none)} (${p.noneText}) ne peut pas être coché avec d'autres choix (${p.got})`,
    en: (p: At & { none: string; noneText: string }) =>
      `question ${dq(p.question)}: ${dq(p.none)} (${p.noneText}) cannot be combined with other choices (${p.got})`,
  },
  answer_matrix_not_object: {
    status: 422,
    fr: (p: At) => `question ${q(p.question)} : un objet ligne → colonne est attendu, reçu ${p.got}`,
    en: (p: At) => `question ${dq(p.question)}: expected an object of row → column values, got ${p.got}`,
  },
  answer_matrix_unknown_row: {
    status: 422,
    fr: (p: { question: string; row: string; rows: string[] }) =>
      `question ${q(p.question)} : ${q(p.row)} n'est pas une ligne de ce tableau (${names(p.rows)})`,
    en: (p: { question: string; row: string; rows: string[] }) =>
      `question ${dq(p.question)}: row ${dq(p.row)} is not a row of this matrix (${names(p.rows)})`,
  },
  answer_matrix_not_a_column: {
    status: 422,
    fr: (p: At & Choices & { row: string }) =>
      `question ${q(p.question)}, ligne ${q(p.row)} : ${p.got} n'est pas une des colonnes (${list(p, 'fr')})`,
    en: (p: At & Choices & { row: string }) =>
      `question ${dq(p.question)}: row ${dq(p.row)}: ${p.got} is not one of the columns (${list(p, 'en')})`,
  },
  answer_required: {
    status: 422,
    fr: (p: { question: string; title: string }) => `Réponse obligatoire : ${q(p.title)}.`,
    en: (p: { question: string; title: string }) => `An answer is required: ${dq(p.title)}.`,
  },
  answer_page_index: {
    status: 422,
    fr: (p: { got: string }) => `le numéro de page doit être un nombre entier, reçu ${p.got}`,
    en: (p: { got: string }) => `the page index must be a whole number, got ${p.got}`,
  },
});
