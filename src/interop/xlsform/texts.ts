import type { FormSheet } from './workbook.js';

/** Column of Panorama's XLSForm export holding, as JSON, the SurveyJS properties XLSForm has no column for. */
export const SURVEYJS_COLUMN = 'surveyjs';

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  francais: 'fr',
  français: 'fr',
  swahili: 'sw',
  chinese: 'zh',
  spanish: 'es',
  espanol: 'es',
  español: 'es',
  german: 'de',
  deutsch: 'de',
  portuguese: 'pt',
  arabic: 'ar',
  italian: 'it',
  dutch: 'nl',
  russian: 'ru',
  hindi: 'hi',
};

/** `English (en)` → `en`, `English` → `en`, `EN` → `en`, anything else lower-cased. */
export function languageCode(raw: string): string {
  const text = raw.trim();
  const code = /\(([A-Za-z]{2,3}(?:-[A-Za-z]+)?)\)\s*$/.exec(text);
  if (code) return code[1]!.toLowerCase();
  const lower = text.toLowerCase();
  return LANGUAGE_NAMES[lower] ?? lower;
}

/**
 * The languages of a form's text columns (`label`, `label::English (en)`, `hint::fr`…) and the text
 * of a row in each: a plain string when the form has one language, `{ default, <code>… }` otherwise.
 */
export class TextColumns {
  readonly languages: string[] = [];
  /** The main language: the `default_language` setting, or the first one found. */
  readonly main: string;
  private readonly columnOf = new Map<string, string>();

  constructor(sheets: (FormSheet | undefined)[], defaultLanguage?: string) {
    for (const sheet of sheets) {
      for (const header of sheet?.header ?? []) {
        const [, language] = header.split('::');
        if (language === undefined) {
          if (
            /^(label|hint|constraint_message|required_message)$/.test(header) &&
            !this.languages.includes('default')
          )
            this.languages.push('default');
          continue;
        }
        const code = languageCode(language);
        this.columnOf.set(`${header.split('::')[0]}::${code}`, header);
        if (!this.languages.includes(code)) this.languages.push(code);
      }
    }
    const wanted = defaultLanguage ? languageCode(defaultLanguage) : undefined;
    this.main = wanted && this.languages.includes(wanted) ? wanted : (this.languages[0] ?? 'default');
  }

  text(cells: Record<string, string>, field: string): string | Record<string, string> | undefined {
    const of = (language: string) =>
      language === 'default'
        ? cells[field]
        : cells[this.columnOf.get(`${field}::${language}`) ?? `${field}::${language}`];
    const main = of(this.main) ?? cells[field] ?? this.languages.map(of).find((t) => t !== undefined);
    if (main === undefined) return undefined;
    const piped = (text: string) => text.replace(/\$\{([^}]+)\}/g, '{$1}');
    const others = this.languages.filter((l) => l !== this.main && l !== 'default');
    if (others.length === 0) return piped(main);
    const out: Record<string, string> = { default: piped(main) };
    for (const language of others) {
      const text = of(language);
      if (text !== undefined) out[language] = piped(text);
    }
    return Object.keys(out).length === 1 ? out.default : out;
  }
}
