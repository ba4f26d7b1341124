/** SurveyJS texts are either a plain string or a map of locale → string ("default" being the survey locale). */
export type LocalizedText = string | Record<string, string>;

export function localize(text: LocalizedText | undefined, lang?: string): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  return (lang && text[lang]) ?? text.default ?? Object.values(text)[0];
}
