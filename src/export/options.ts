/**
 * The options of an analysts' export of raw answers (src/contract/exports.ts reads them from a
 * query; this folder only consumes them).
 */
export interface ExportOptions {
  /** Answers written as their codes (`en_progression`) or their labels ("En progression"). */
  values: 'codes' | 'labels';
  /** A multiple-choice question as one 0/1 column per choice, or one cell of values joined by " | ". */
  choices: 'columns' | 'cell';
  /** With the structure's name and registry attributes (territory levels included), or its id only. */
  registry: boolean;
  /**
   * Language of labels and of the CSV's conventions: `fr` → `;`, decimal comma, dates
   * "JJ/MM/AAAA HH:MM" in Europe/Paris; `en` → `,`, decimal point, "YYYY-MM-DD HH:MM" (Paris too).
   */
  lang: 'fr' | 'en';
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  values: 'codes',
  choices: 'columns',
  registry: true,
  lang: 'fr',
};

/** One output file of an export (a bundle holds the data and its labelling script). */
export interface ExportFile {
  name: string;
  bytes: Buffer;
}
