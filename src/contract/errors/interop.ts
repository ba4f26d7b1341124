import { defineErrors } from './define.js';

/**
 * Questionnaire imports (LimeSurvey .lss/.lsa, XLSForm .xlsx, SurveyJS .json): each message names
 * the file and what is wrong in it, and says what to do.
 */
const q = (text: string) => `« ${text} »`;
const fr = (n: number) => n.toLocaleString('fr-FR');
const en = (n: number) => n.toLocaleString('en-GB');

/** Why a file cannot be read, worded in each language (never a library's own message). */
export interface UnreadableParams {
  file: string;
  problem: 'zip' | 'zip_bomb' | 'doctype' | 'xml' | 'workbook' | 'encoding';
  /** The archive member concerned, when there is one. */
  member?: string;
  line?: number;
  column?: number;
}

const UNREADABLE: Record<UnreadableParams['problem'], MessageOfParams> = {
  zip: {
    fr: (p) => `ce n'est pas une archive ZIP intacte${p.member ? ` (élément ${q(p.member)})` : ''}`,
    en: (p) => `it is not an intact ZIP archive${p.member ? ` (member "${p.member}")` : ''}`,
  },
  zip_bomb: {
    fr: (p) => `l'élément ${q(p.member ?? '?')} se décompresse de façon anormale (bombe ZIP)`,
    en: (p) => `the member "${p.member ?? '?'}" expands abnormally (ZIP bomb)`,
  },
  doctype: {
    fr: () => 'les déclarations de type de document (DOCTYPE, ENTITY) sont refusées',
    en: () => 'document type declarations (DOCTYPE, ENTITY) are refused',
  },
  xml: {
    fr: (p) =>
      `XML mal formé${p.member ? ` dans ${q(p.member)}` : ''}, ligne ${p.line ?? '?'}, colonne ${p.column ?? '?'}`,
    en: (p) =>
      `malformed XML${p.member ? ` in "${p.member}"` : ''}, line ${p.line ?? '?'}, column ${p.column ?? '?'}`,
  },
  workbook: {
    fr: () => "ce n'est pas un classeur Excel (.xlsx) lisible",
    en: () => 'it is not a readable Excel workbook (.xlsx)',
  },
  encoding: {
    fr: () => "le texte n'est pas en UTF-8",
    en: () => 'the text is not UTF-8',
  },
};

/** The wording of `p.problem` (a generic one for an unknown problem). */
const unreadable = (p: UnreadableParams): MessageOfParams =>
  (UNREADABLE as Partial<typeof UNREADABLE>)[p.problem] ?? {
    fr: () => 'son contenu est invalide',
    en: () => 'its content is invalid',
  };

type MessageOfParams = { fr: (p: UnreadableParams) => string; en: (p: UnreadableParams) => string };

export const interopErrors = defineErrors({
  import_format_unknown: {
    status: 415,
    fr: (p: { file: string }) =>
      `Le fichier ${q(p.file)} n'est pas un format de questionnaire connu. Formats acceptés : ` +
      'LimeSurvey (.lss, .lsa), XLSForm (.xlsx) et SurveyJS (.json).',
    en: (p: { file: string }) =>
      `The file "${p.file}" is not a known questionnaire format. Accepted: ` +
      'LimeSurvey (.lss, .lsa), XLSForm (.xlsx) and SurveyJS (.json).',
  },
  import_too_large: {
    status: 413,
    fr: (p: { file: string; megabytes: number; limitMegabytes: number }) =>
      `Le fichier ${q(p.file)} est refusé : il occupe ${fr(p.megabytes)} Mo (une fois décompressé), ` +
      `au-delà de la limite de ${fr(p.limitMegabytes)} Mo.`,
    en: (p: { file: string; megabytes: number; limitMegabytes: number }) =>
      `The file "${p.file}" is refused: it takes ${en(p.megabytes)} MB (decompressed), ` +
      `beyond the limit of ${en(p.limitMegabytes)} MB.`,
  },
  import_unreadable: {
    status: 422,
    fr: (p: UnreadableParams) =>
      `Le fichier ${q(p.file)} ne peut pas être lu : ${unreadable(p).fr(p)}. ` +
      "Exportez-le à nouveau depuis l'outil d'origine.",
    en: (p: UnreadableParams) =>
      `The file "${p.file}" cannot be read: ${unreadable(p).en(p)}. Export it again from the tool that made it.`,
  },
  lss_not_a_survey: {
    status: 422,
    fr: (p: { file: string; found: string }) =>
      `Le fichier ${q(p.file)} n'est pas une structure de questionnaire LimeSurvey (type trouvé : ${q(p.found)}). ` +
      'Dans LimeSurvey, utilisez « Exporter › Structure du questionnaire (.lss) » ou « Archive (.lsa) ».',
    en: (p: { file: string; found: string }) =>
      `The file "${p.file}" is not a LimeSurvey survey structure (type found: "${p.found}"). ` +
      'In LimeSurvey, use "Export › Survey structure (.lss)" or "Survey archive (.lsa)".',
  },
  lsa_member_missing: {
    status: 422,
    fr: (p: { file: string; member: string }) =>
      `L'archive ${q(p.file)} ne contient pas de fichier ${p.member}. Une archive LimeSurvey (.lsa) contient ` +
      'la structure (.lss) et, le cas échéant, les réponses (.lsr) et les participants (.lst).',
    en: (p: { file: string; member: string }) =>
      `The archive "${p.file}" holds no ${p.member} file. A LimeSurvey archive (.lsa) holds the ` +
      'structure (.lss) and, when there are some, the responses (.lsr) and participants (.lst).',
  },
  xlsform_sheet_missing: {
    status: 422,
    fr: (p: { file: string; sheet: string }) =>
      `Le classeur ${q(p.file)} n'a pas de feuille ${q(p.sheet)} : un XLSForm décrit ses questions dans la feuille « survey ».`,
    en: (p: { file: string; sheet: string }) =>
      `The workbook "${p.file}" has no "${p.sheet}" sheet: an XLSForm lists its questions in the "survey" sheet.`,
  },
  xlsform_column_missing: {
    status: 422,
    fr: (p: { file: string; sheet: string; column: string }) =>
      `La feuille ${q(p.sheet)} du classeur ${q(p.file)} n'a pas de colonne ${q(p.column)}.`,
    en: (p: { file: string; sheet: string; column: string }) =>
      `The sheet "${p.sheet}" of the workbook "${p.file}" has no "${p.column}" column.`,
  },
  import_nothing_converted: {
    status: 422,
    fr: (p: { file: string; skipped: number }) =>
      `Aucune question du fichier ${q(p.file)} n'a pu être convertie (${fr(p.skipped)} non reprise(s)) : ` +
      'consultez le rapport de conversion.',
    en: (p: { file: string; skipped: number }) =>
      `No question of the file "${p.file}" could be converted (${en(p.skipped)} left out): see the conversion report.`,
  },
});
