import { defineErrors } from './define.js';

/**
 * Uploaded files refused for their size before they are expanded (XLSX workbooks are ZIP archives).
 * Each message names the file and the limit, and says what to do instead.
 */
const q = (text: string) => `« ${text} »`;
const fr = (n: number) => n.toLocaleString('fr-FR');
const en = (n: number) => n.toLocaleString('en-GB');

export const uploadErrors = defineErrors({
  xlsx_too_large: {
    status: 413,
    fr: (p: { file: string; megabytes: number; limitMegabytes: number }) =>
      `Le fichier ${q(p.file)} est refusé : une fois décompressé, il occuperait ${fr(p.megabytes)} Mo, ` +
      `au-delà de la limite de ${fr(p.limitMegabytes)} Mo. Retirez les feuilles ou images inutiles, ` +
      'ou envoyez les données en CSV.',
    en: (p: { file: string; megabytes: number; limitMegabytes: number }) =>
      `The file "${p.file}" is refused: decompressed, it would take ${en(p.megabytes)} MB, ` +
      `beyond the limit of ${en(p.limitMegabytes)} MB. Remove unneeded sheets or images, or send the data as CSV.`,
  },
  xlsx_too_many_entries: {
    status: 413,
    fr: (p: { file: string; limit: number }) =>
      `Le fichier ${q(p.file)} est refusé : il contient plus de ${fr(p.limit)} éléments, ` +
      "ce qui n'est pas un classeur ordinaire. Enregistrez-le à nouveau depuis votre tableur, ou envoyez un CSV.",
    en: (p: { file: string; limit: number }) =>
      `The file "${p.file}" is refused: it holds more than ${en(p.limit)} members, ` +
      'which is not an ordinary workbook. Save it again from your spreadsheet, or send a CSV.',
  },
  xlsx_compression_ratio: {
    status: 413,
    fr: (p: { file: string; entry: string; ratio: number; limit: number }) =>
      `Le fichier ${q(p.file)} est refusé : son élément ${q(p.entry)} se décompresse ${fr(p.ratio)} fois ` +
      `(limite : ${fr(p.limit)} fois), ce qui n'est pas un classeur ordinaire (« bombe ZIP »). ` +
      'Enregistrez-le à nouveau depuis votre tableur, ou envoyez un CSV.',
    en: (p: { file: string; entry: string; ratio: number; limit: number }) =>
      `The file "${p.file}" is refused: its member "${p.entry}" expands ${en(p.ratio)} times ` +
      `(limit: ${en(p.limit)} times), which is not an ordinary workbook (a "ZIP bomb"). ` +
      'Save it again from your spreadsheet, or send a CSV.',
  },
  xlsx_too_many_rows: {
    status: 413,
    fr: (p: { file: string; sheet: string; limit: number }) =>
      `Le fichier ${q(p.file)} est refusé : la feuille ${q(p.sheet)} dépasse ${fr(p.limit)} lignes. ` +
      'Supprimez les lignes vides en bas de la feuille, découpez le fichier ou envoyez un CSV.',
    en: (p: { file: string; sheet: string; limit: number }) =>
      `The file "${p.file}" is refused: the sheet "${p.sheet}" goes beyond ${en(p.limit)} rows. ` +
      'Delete the empty rows at the bottom of the sheet, split the file or send a CSV.',
  },
  xlsx_too_many_columns: {
    status: 413,
    fr: (p: { file: string; sheet: string; column: string; limit: number }) =>
      `Le fichier ${q(p.file)} est refusé : la feuille ${q(p.sheet)} va jusqu'à la colonne ${p.column}, ` +
      `au-delà de la limite de ${fr(p.limit)} colonnes. Supprimez les colonnes vides à droite ou inutiles.`,
    en: (p: { file: string; sheet: string; column: string; limit: number }) =>
      `The file "${p.file}" is refused: the sheet "${p.sheet}" reaches column ${p.column}, ` +
      `beyond the limit of ${en(p.limit)} columns. Delete the empty or unneeded columns on the right.`,
  },
  xlsx_too_many_cells: {
    status: 413,
    fr: (p: { file: string; sheet: string; rows: number; columns: number; limit: number }) =>
      `Le fichier ${q(p.file)} est refusé : la feuille ${q(p.sheet)} couvre ${fr(p.rows)} lignes × ` +
      `${fr(p.columns)} colonnes, au-delà de la limite de ${fr(p.limit)} cellules. Découpez le fichier ou envoyez un CSV.`,
    en: (p: { file: string; sheet: string; rows: number; columns: number; limit: number }) =>
      `The file "${p.file}" is refused: the sheet "${p.sheet}" spans ${en(p.rows)} rows × ` +
      `${en(p.columns)} columns, beyond the limit of ${en(p.limit)} cells. Split the file or send a CSV.`,
  },
});
