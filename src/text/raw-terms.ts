import type { TermCount } from '../report/model.js';
import { topByCount } from './ranking.js';
import { stopwords, type TextLang } from './stopwords.js';

/**
 * Term mode "raw": the naive counting of the reference reports (HDF 2019), so that a federation
 * can set its old term tables beside Panorama's. Every written form is its own term:
 *
 * - lowercased, acronyms included ("CCAS" → "ccas"); typographic apostrophes made ASCII;
 * - a token is a run of letters and digits, apostrophes inside it kept ("l'emploi",
 *   "d'insertion" are terms) and hyphens splitting it ("ex-PDI" → "ex", "pdi");
 * - no singular/plural grouping ("logement" and "logements" are two terms);
 * - left out: one-character tokens, function words (the stopword list without its common verb
 *   forms: "peut", "fait", "faut" are counted, as the reference counts them) and elided function
 *   words ("d'un", "qu'il", "c'est").
 *
 * Order: by count, then French alphabetical order. On the HDF 2019 fixture this reproduces 102 of
 * the reference's 103 term counts; the one left ("séniors") is spelt "seniors" in the fixture.
 */
const COUNTED_VERB_FORMS = `
peut peuvent peux pouvoir pourra pourraient pourrait pouvait pouvons pouvez doit doivent
fai fais faisaient faisait faisant fait faite faites faits fallait falloir fasse faudra faudrait faut
va vais vont
`
  .split(/\s+/)
  .filter(Boolean);

const rawStopwords = new Map<TextLang, ReadonlySet<string>>();
function rawStopwordsOf(lang: TextLang): ReadonlySet<string> {
  let set = rawStopwords.get(lang);
  if (!set) {
    const words = new Set(stopwords(lang));
    for (const form of COUNTED_VERB_FORMS) words.delete(form);
    rawStopwords.set(lang, (set = words));
  }
  return set;
}

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const APOSTROPHES = /[\u2019\u2018\u02bc`\u00b4]/g;

function isFunctionWord(token: string, stop: ReadonlySet<string>): boolean {
  if (stop.has(token)) return true;
  const apostrophe = token.indexOf("'");
  // "d'un", "qu'il": an elided function word before another one.
  return apostrophe > 0 && stop.has(token.slice(0, apostrophe + 1)) && stop.has(token.slice(apostrophe + 1));
}

/** Counts of every raw term of the texts (see the module comment). */
export function rawTermCounts(texts: Iterable<string>, lang: TextLang = 'fr'): Map<string, number> {
  const stop = rawStopwordsOf(lang);
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const [token] of text.toLowerCase().replace(APOSTROPHES, "'").matchAll(TOKEN)) {
      if (token.length < 2 || isFunctionWord(token, stop)) continue;
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
  return counts;
}

/** The `topN` most frequent raw terms (ties in alphabetical order). */
export function rawTerms(texts: Iterable<string>, topN: number, lang: TextLang = 'fr'): TermCount[] {
  const rows = [...rawTermCounts(texts, lang)].map(([term, count]) => ({ term, count }));
  return topByCount(rows, (row) => row.term, topN, lang);
}
