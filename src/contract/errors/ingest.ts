import { defineErrors } from './define.js';
import type { Lang } from '../lang.js';
import { problemText } from './files.js';
import type { FieldIssue } from './zod.js';

/**
 * One problem of an input file read by `panorama report|brochure|check|import` (responses, tables,
 * survey definitions, folders). The place (file, line, column, cell, response) is printed beside the
 * message by wordFileProblem; the message names the value, the question and what to write instead.
 * Status 422: a file that cannot be used as it is.
 */
const q = (text: unknown) => `« ${String(text)} »`;
const dq = (text: unknown) => `"${String(text)}"`;
const json = (text: unknown) => JSON.stringify(text);
const list = (items: unknown) => [items ?? []].flat().map(String).join(', ');

/** A value as the file holds it, briefly: what the user looks for in the file. */
export function shownValue(value: unknown, lang: Lang): string {
  if (value === undefined) return lang === 'fr' ? 'rien' : 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…${text.endsWith('"') ? '"' : ''}` : text;
}
const got = (p: { got?: unknown }, lang: Lang) => shownValue(p.got, lang);

/** Why a ZIP archive (an XLSX workbook) cannot be read: set by src/ingest/zip-limits. */
export type ZipProblem = 'outside' | 'directory' | 'entry' | 'method' | 'not_zip' | 'zip64' | 'content';
const ZIP_PROBLEMS: Record<ZipProblem, { fr: string; en: string }> = {
  outside: {
    fr: 'son répertoire central déborde du fichier',
    en: 'the central directory lies outside the file',
  },
  directory: { fr: 'son répertoire central est abîmé', en: 'damaged central directory' },
  entry: { fr: 'un de ses éléments est abîmé', en: 'a damaged entry' },
  method: { fr: 'une méthode de compression inconnue', en: 'an unsupported compression method' },
  not_zip: { fr: "ce n'est pas une archive ZIP", en: 'not a ZIP archive (no central directory)' },
  zip64: { fr: 'un champ ZIP64 est abîmé', en: 'a damaged ZIP64 field' },
  content: { fr: 'son contenu est abîmé', en: 'its content is damaged' },
};
const zipWhy = (p: { reason?: ZipProblem; entry?: string }, lang: Lang) => {
  const why = ZIP_PROBLEMS[p.reason ?? 'content'] ?? ZIP_PROBLEMS.content;
  return `${why[lang]}${p.entry ? ` (${p.entry})` : ''}`;
};

/** Why a CSV file cannot be parsed, from csv-parse's error code (its English text is never shown). */
export type CsvProblem = 'quote_not_closed' | 'quote' | 'other';

/** A problem worded by another code, or a zod issue: a definition problem carries either. */
export interface NestedProblem {
  message?: string;
  code?: string;
  params?: unknown;
  issue?: FieldIssue;
}
const nested = (p: NestedProblem | undefined, lang: Lang) =>
  !p ? '' : problemText({ ...p, message: p.message ?? '' }, lang);

const errnoFr: Record<string, string> = {
  ENOENT: "il n'existe pas",
  EACCES: 'accès refusé',
  EPERM: 'accès refusé',
  ENOTDIR: "ce n'est pas un dossier",
};

export const ingestErrors = defineErrors({
  /** A ZIP archive (workbook, LimeSurvey archive) whose structure is damaged; its readers say which file. */
  zip_unreadable: {
    status: 422,
    fr: (p: { reason?: ZipProblem; entry?: string }) => `archive ZIP illisible : ${zipWhy(p, 'fr')}`,
    en: (p: { reason?: ZipProblem; entry?: string }) => `unreadable ZIP archive: ${zipWhy(p, 'en')}`,
  },

  // ----- Folders and files
  ingest_folder_unreadable: {
    status: 422,
    fr: (p: { reason: string }) => `impossible de lire le dossier (${errnoFr[p.reason] ?? p.reason})`,
    en: (p: { reason: string }) => `cannot read the folder (${p.reason})`,
  },
  ingest_several_files: {
    status: 422,
    fr: (p: { stem: string; files: string[] }) =>
      `plusieurs fichiers ${q(p.stem)} (${list(p.files)}) : n'en gardez qu'un`,
    en: (p: { stem: string; files: string[] }) => `several ${p.stem} files (${list(p.files)}): keep only one`,
  },
  ingest_file_missing: {
    status: 422,
    fr: (p: { expected: string[]; found: string[] }) =>
      `aucun fichier ${[p.expected].flat().join(' / ')} dans ce dossier (trouvé : ${list(p.found) || 'rien'})`,
    en: (p: { expected: string[]; found: string[] }) =>
      `no ${[p.expected].flat().join(' / ')} in this folder (found: ${list(p.found) || 'nothing'})`,
  },
  ingest_file_not_found: {
    status: 422,
    fr: () => 'fichier introuvable',
    en: () => 'file not found',
  },
  ingest_file_is_folder: {
    status: 422,
    fr: () => "c'est un dossier, pas un fichier",
    en: () => 'this is a folder, not a file',
  },
  ingest_file_unreadable: {
    status: 422,
    fr: (p: { reason: string }) => `impossible de lire le fichier (${errnoFr[p.reason] ?? p.reason})`,
    en: (p: { reason: string }) => `cannot read the file (${p.reason})`,
  },
  ingest_responses_format: {
    status: 422,
    fr: (p: { ext: string }) =>
      `format de réponses ${q(p.ext)} non pris en charge (attendu : .jsonl, .json, .csv ou .xlsx)`,
    en: (p: { ext: string }) =>
      `unsupported responses format "${p.ext}" (expected .jsonl, .json, .csv or .xlsx)`,
  },
  ingest_table_format: {
    status: 422,
    fr: (p: { ext: string }) => `format de tableau ${q(p.ext)} non pris en charge (attendu : .csv ou .xlsx)`,
    en: (p: { ext: string }) => `unsupported table format "${p.ext}" (expected .csv or .xlsx)`,
  },
  ingest_definition_problem: {
    status: 422,
    fr: (p: { question?: string; problem: NestedProblem }) =>
      `${p.question ? `question ${q(p.question)} : ` : ''}${nested(p.problem, 'fr')}`,
    en: (p: { question?: string; problem: NestedProblem }) =>
      `${p.question ? `question ${dq(p.question)}: ` : ''}${nested(p.problem, 'en')}`,
  },

  // ----- CSV and XLSX tables
  ingest_csv_invalid: {
    status: 422,
    fr: (p: { reason: CsvProblem }) =>
      `le fichier n'est pas un CSV valide : ${
        p.reason === 'quote_not_closed'
          ? "un guillemet ouvert ici n'est jamais fermé"
          : p.reason === 'quote'
            ? 'un guillemet fermant est mal placé (vérifiez les guillemets)'
            : 'vérifiez les guillemets et les séparateurs'
      }`,
    en: (p: { reason: CsvProblem }) =>
      `the file is not valid CSV: ${
        p.reason === 'quote_not_closed'
          ? 'a quote opened here is never closed'
          : p.reason === 'quote'
            ? 'a closing quote is misplaced (check the quotes)'
            : 'check the quotes and separators'
      }`,
  },
  ingest_csv_empty: {
    status: 422,
    fr: () => "le fichier est vide : une ligne d'en-tête est attendue",
    en: () => 'the file is empty: a header line is expected',
  },
  ingest_csv_ragged: {
    status: 422,
    fr: (p: { fields: number; columns: number; separator: string }) =>
      `cette ligne a ${p.fields} champ${p.fields > 1 ? 's' : ''} mais l'en-tête a ${p.columns} colonnes ` +
      `(séparateur ${q(p.separator === 'tab' ? 'tabulation' : p.separator)} ; vérifiez les guillemets et les séparateurs)`,
    en: (p: { fields: number; columns: number; separator: string }) =>
      `this line has ${p.fields} field${p.fields > 1 ? 's' : ''} but the header has ${p.columns} columns ` +
      `(separator "${p.separator}"; check quotes and separators)`,
  },
  ingest_xlsx_unreadable: {
    status: 422,
    fr: (p: { reason?: ZipProblem; entry?: string }) =>
      `le fichier n'est pas un classeur XLSX lisible (${zipWhy(p, 'fr')}) : enregistrez-le à nouveau au format .xlsx`,
    en: (p: { reason?: ZipProblem; entry?: string }) =>
      `the file is not a readable XLSX workbook (${zipWhy(p, 'en')}): save it again as .xlsx`,
  },
  ingest_xlsx_no_sheet: {
    status: 422,
    fr: () => "le classeur n'a aucune feuille",
    en: () => 'the workbook has no sheet',
  },
  ingest_xlsx_empty_header: {
    status: 422,
    fr: () => "la première rangée de la première feuille est vide : une rangée d'en-tête est attendue",
    en: () => 'the first row of the first sheet is empty: a header row is expected',
  },
  ingest_cell_without_header: {
    status: 422,
    fr: (p: { value: string }) => `cette cellule contient ${json(p.value)} mais sa colonne n'a pas d'en-tête`,
    en: (p: { value: string }) => `this cell holds ${json(p.value)} but its column has no header`,
  },
  ingest_unnamed_column: {
    status: 422,
    fr: () => "cette colonne contient des valeurs mais pas de nom dans la ligne d'en-tête",
    en: () => 'this column has values but no header name',
  },
  ingest_duplicate_column: {
    status: 422,
    fr: (p: { column: string; first: number }) =>
      `la colonne ${q(p.column)} apparaît deux fois (aussi colonne ${p.first})`,
    en: (p: { column: string; first: number }) =>
      `the column ${json(p.column)} appears twice (also column ${p.first})`,
  },
  ingest_column_no_comment: {
    status: 422,
    fr: (p: { column: string; question: string }) =>
      `colonne ${q(p.column)} : la question ${q(p.question)} n'a ni choix « autre » ni zone de commentaire`,
    en: (p: { column: string; question: string }) =>
      `column ${json(p.column)}: question "${p.question}" has no "other" item and no comment box`,
  },
  ingest_column_not_choice: {
    status: 422,
    fr: (p: { column: string; value: string; question: string; choices: string[] }) =>
      `colonne ${q(p.column)} : ${q(p.value)} n'est pas un choix de la question ${q(p.question)} (${list(p.choices)})`,
    en: (p: { column: string; value: string; question: string; choices: string[] }) =>
      `column ${json(p.column)}: ${json(p.value)} is not a choice of question "${p.question}" (${list(p.choices)})`,
  },
  ingest_column_not_row: {
    status: 422,
    fr: (p: { column: string; value: string; question: string; rows: string[] }) =>
      `colonne ${q(p.column)} : ${q(p.value)} n'est pas une ligne du tableau ${q(p.question)} (${list(p.rows)})`,
    en: (p: { column: string; value: string; question: string; rows: string[] }) =>
      `column ${json(p.column)}: ${json(p.value)} is not a row of matrix "${p.question}" (${list(p.rows)})`,
  },
  ingest_column_unknown: {
    status: 422,
    fr: (p: { column: string; hint?: string }) =>
      `la colonne ${q(p.column)} n'est pas une question de ce questionnaire` +
      (p.hint
        ? ` ; vouliez-vous dire ${q(p.hint)} ?`
        : ' (attendu : id, structure, submittedAt, un nom de question, <question>/<choix> ou <question>-Comment)'),
    en: (p: { column: string; hint?: string }) =>
      `column ${json(p.column)} is not a question of this survey` +
      (p.hint
        ? `; did you mean "${p.hint}"?`
        : ' (expected id, structure, submittedAt, a question name, <question>/<choice> or <question>-Comment)'),
  },

  // ----- Responses (JSONL, JSON, table rows)
  ingest_json_not_array: {
    status: 422,
    fr: () => 'un fichier de réponses .json doit contenir une liste de réponses (ou {"responses": [...]})',
    en: () => 'a .json responses file must hold an array of responses (or {"responses": [...]})',
  },
  ingest_response_not_object: {
    status: 422,
    fr: (p: { got?: unknown }) =>
      `une réponse doit être un objet {"id", "structure", "submittedAt", "data"} ; reçu : ${got(p, 'fr')}`,
    en: (p: { got?: unknown }) =>
      `a response must be an object {"id", "structure", "submittedAt", "data"}, got ${got(p, 'en')}`,
  },
  ingest_response_id: {
    status: 422,
    fr: (p: { got?: unknown }) =>
      `l'« id » de la réponse doit être un texte non vide ; reçu : ${got(p, 'fr')}`,
    en: (p: { got?: unknown }) => `the response "id" must be a non-empty text, got ${got(p, 'en')}`,
  },
  ingest_response_id_empty: {
    status: 422,
    fr: () => "l'identifiant de la réponse est vide",
    en: () => 'the response id is empty',
  },
  ingest_duplicate_response_id: {
    status: 422,
    fr: (p: { id: string; first?: number; unit?: 'line' | 'row' }) =>
      `identifiant de réponse ${q(p.id)} en double` +
      (p.first ? ` (déjà ${p.unit === 'row' ? 'rangée' : 'ligne'} ${p.first})` : ''),
    en: (p: { id: string; first?: number; unit?: 'line' | 'row' }) =>
      `duplicate response id ${json(p.id)}${p.first ? ` (first on ${p.unit ?? 'line'} ${p.first})` : ''}`,
  },
  ingest_unknown_record_field: {
    status: 422,
    fr: (p: { field: string }) =>
      `champ ${q(p.field)} inconnu (une réponse a id, structure, submittedAt et data)`,
    en: (p: { field: string }) =>
      `unknown field ${json(p.field)} (a response has id, structure, submittedAt and data)`,
  },
  ingest_structure_type: {
    status: 422,
    fr: (p: { got?: unknown }) =>
      `« structure » doit être un identifiant du répertoire ou null ; reçu : ${got(p, 'fr')}`,
    en: (p: { got?: unknown }) => `"structure" must be a registry id or null, got ${got(p, 'en')}`,
  },
  ingest_unknown_structure: {
    status: 422,
    fr: (p: { structure: string; registry?: string }) =>
      `la structure ${q(p.structure)} n'est pas dans ${p.registry ?? 'le répertoire'}`,
    en: (p: { structure: string; registry?: string }) =>
      `the structure ${json(p.structure)} is not in ${p.registry ?? 'the registry'}`,
  },
  ingest_submitted_at: {
    status: 422,
    fr: (p: { got?: unknown }) =>
      `« submittedAt » doit être une date et heure ISO 8601 ; reçu : ${got(p, 'fr')}`,
    en: (p: { got?: unknown }) => `"submittedAt" must be an ISO 8601 date and time, got ${got(p, 'en')}`,
  },
  ingest_submitted_at_cell: {
    status: 422,
    fr: (p: { got?: unknown }) =>
      `${got(p, 'fr')} n'est pas une date et heure (attendu : ISO 8601 comme 2021-02-15T16:15:06+01:00, ou 15/02/2021 16:15)`,
    en: (p: { got?: unknown }) =>
      `${got(p, 'en')} is not a date and time (expected ISO 8601 like 2021-02-15T16:15:06+01:00, or 15/02/2021 16:15)`,
  },
  ingest_data_not_object: {
    status: 422,
    fr: (p: { got?: unknown }) =>
      `« data » doit être un objet de réponses indexé par nom de question ; reçu : ${got(p, 'fr')}`,
    en: (p: { got?: unknown }) =>
      `"data" must be an object of answers keyed by question name, got ${got(p, 'en')}`,
  },
  ingest_checkbox_mark: {
    status: 422,
    fr: (p: { question: string; got?: unknown }) =>
      `question ${q(p.question)} : ${got(p, 'fr')} n'est pas une case cochée ou non (écrivez 1/0, oui/non, x ou laissez vide)`,
    en: (p: { question: string; got?: unknown }) =>
      `question "${p.question}": ${got(p, 'en')} is not a checkbox mark (use 1/0, oui/non, x or leave empty)`,
  },
});

export type IngestProblemCode = keyof typeof ingestErrors;
