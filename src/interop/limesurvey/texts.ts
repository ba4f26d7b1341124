import type { LsText } from './structure.js';

export type SurveyText = string | Record<string, string>;

/** Built-in labels of LimeSurvey's fixed answer sets, by language (English as fallback). */
const FIXED: Record<string, Record<string, string>> = {
  fr: {
    Y: 'Oui',
    N: 'Non',
    U: 'Incertain',
    F: 'Féminin',
    M: 'Masculin',
    I: 'Augmente',
    S: 'Identique',
    D: 'Diminue',
  },
  en: { Y: 'Yes', N: 'No', U: 'Uncertain', F: 'Female', M: 'Male', I: 'Increase', S: 'Same', D: 'Decrease' },
  de: {
    Y: 'Ja',
    N: 'Nein',
    U: 'Unsicher',
    F: 'Weiblich',
    M: 'Männlich',
    I: 'Zunahme',
    S: 'Gleich',
    D: 'Abnahme',
  },
  es: {
    Y: 'Sí',
    N: 'No',
    U: 'Indeciso',
    F: 'Femenino',
    M: 'Masculino',
    I: 'Aumentar',
    S: 'Igual',
    D: 'Disminuir',
  },
  pt: {
    Y: 'Sim',
    N: 'Não',
    U: 'Incerto',
    F: 'Feminino',
    M: 'Masculino',
    I: 'Aumentar',
    S: 'Igual',
    D: 'Diminuir',
  },
};

/** Plain text of a LimeSurvey HTML text (titles and choices are plain text in Panorama). */
export function plain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/**
 * A SurveyJS text from a LimeSurvey text: a plain string for a one-language survey, otherwise
 * `{ default: main, <lang>: … }`. `missing` is called for each language without its own text.
 */
export function surveyText(
  text: LsText,
  languages: string[],
  options: { html?: boolean; missing?: (lang: string) => void } = {},
): SurveyText | undefined {
  const clean = (value: string) => (options.html ? value.trim() : plain(value));
  const main = languages[0] ?? '';
  const mainText = text[main] ?? Object.values(text)[0];
  if (mainText === undefined) return undefined;
  if (languages.length <= 1) return clean(mainText);
  const out: Record<string, string> = { default: clean(mainText) };
  for (const lang of languages.slice(1)) {
    const own = text[lang];
    if (own === undefined || own === '') {
      if (mainText) options.missing?.(lang);
      continue;
    }
    out[lang] = clean(own);
  }
  return Object.keys(out).length === 1 ? out.default : out;
}

/** A fixed answer's label (Y, N, F, M…) in each survey language. */
export function fixedLabel(code: string, languages: string[]): SurveyText {
  const label = (lang: string) => FIXED[lang.slice(0, 2)]?.[code] ?? FIXED.en![code] ?? code;
  if (languages.length <= 1) return label(languages[0] ?? 'en');
  const out: Record<string, string> = { default: label(languages[0]!) };
  for (const lang of languages.slice(1)) out[lang] = label(lang);
  return out;
}
