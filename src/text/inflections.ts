import { stopwords, type TextLang } from './stopwords.js';

export interface InflectionOptions {
  lang?: TextLang;
  /** Also merge feminine adjective forms into the masculine ("partagée" → "partagé"). Off by default. */
  feminine?: boolean;
}

/** Words ending in s/x whose form without it is a different word ("fils"/"fil", "cours"/"cour"). */
const FRENCH_INVARIABLE: ReadonlySet<string> = new Set([
  'fils',
  'cours',
  'paris',
  'bras',
  'vis',
  'sens',
  'gens',
  'lors',
  'tous',
  'pas',
  'plus',
  'moins',
  'mois',
  'temps',
  'fois',
  'os',
  'divers',
  'concours',
  'recours',
  'secours',
  'parcours',
  'discours',
  'taux',
  'faux',
  'prix',
  'choix',
  'voix',
  'corps',
  'avis',
  'pays',
  'repas',
  'bois',
  'jus',
  'puis',
]);

/** Nouns in -ée/-ale… that are not the feminine of the word without the ending. */
const FRENCH_NOT_FEMININE: ReadonlySet<string> = new Set([
  'locale',
  'morale',
  'capitale',
  'finale',
  'entrée',
  'arrivée',
  'pensée',
  'durée',
  'portée',
  'montée',
  'levée',
  'tournée',
  'rentrée',
  'allée',
  'armée',
  'poupée',
  'fusée',
  'musée',
  'lycée',
  'active',
  'marche',
  'elle',
  'belle',
  'nouvelle',
  'chapelle',
  'ère',
  'mère',
  'frère',
  'père',
]);

const ENGLISH_INVARIABLE: ReadonlySet<string> = new Set([
  'news',
  'series',
  'species',
  'us',
  'bus',
  'gas',
  'this',
  'its',
  'his',
  'is',
  'was',
  'has',
  'does',
  'analysis',
  'basis',
  'crisis',
  'status',
  'campus',
  'focus',
  'process',
]);

const WORD_RE = /^[\p{L}\p{M}'-]+$/u;

/** Singular forms a French plural may come from, most likely first. */
function frenchSingulars(key: string): string[] {
  if (FRENCH_INVARIABLE.has(key) || key.length < 3) return [];
  const out: string[] = [];
  if (key.endsWith('aux') && key.length >= 5) {
    const stem = key.slice(0, -3);
    // -al/-aux (sociaux), -ail/-aux (travaux), -au/-aux (tuyaux, and -eau/-eaux)
    out.push(`${stem}al`, `${stem}ail`, key.slice(0, -1));
  } else if ((key.endsWith('eux') || key.endsWith('oux')) && key.length >= 4) {
    out.push(key.slice(0, -1));
  } else if (key.endsWith('s') && !key.endsWith('ss')) {
    out.push(key.slice(0, -1));
  }
  return out;
}

const FEMININE_ENDINGS: readonly [string, string][] = [
  ['ienne', 'ien'],
  ['euse', 'eux'],
  ['elle', 'el'],
  ['ale', 'al'],
  ['ive', 'if'],
  ['ère', 'er'],
  ['ée', 'é'],
];

function frenchMasculine(key: string): string | undefined {
  if (FRENCH_NOT_FEMININE.has(key) || key.length < 4) return undefined;
  for (const [feminine, masculine] of FEMININE_ENDINGS) {
    if (key.endsWith(feminine)) return key.slice(0, -feminine.length) + masculine;
  }
  return undefined;
}

function englishSingulars(key: string): string[] {
  if (ENGLISH_INVARIABLE.has(key) || key.length < 3 || key.includes("'")) return [];
  const out: string[] = [];
  if (key.endsWith('ies') && key.length >= 5) out.push(`${key.slice(0, -3)}y`);
  if (/(?:ss|x|ch|sh|z)es$/.test(key)) out.push(key.slice(0, -2));
  if (key.endsWith('s') && !key.endsWith('ss') && !key.endsWith('us') && !key.endsWith('is')) {
    out.push(key.slice(0, -1));
  }
  return out;
}

/** Base forms `key` may be an inflection of; only attested ones are ever used. */
export function inflectionBases(key: string, options: InflectionOptions = {}): string[] {
  if (!WORD_RE.test(key)) return [];
  if (options.lang === 'en') return englishSingulars(key);
  const singulars = frenchSingulars(key);
  if (!options.feminine) return singulars;
  const out = [...singulars];
  for (const form of [...singulars, key]) {
    const masculine = frenchMasculine(form);
    if (masculine !== undefined) out.push(masculine);
  }
  return out;
}

/**
 * Groups inflected forms among lowercase keys. A form joins a base form only when that base is
 * itself present in `counts` (attested in the same corpus) and is not a stopword, so two distinct
 * words are never merged on suffix rules alone. Returns, for every key, the key its group is
 * displayed under: the group's most frequent form, the base form on a tie.
 */
export function groupInflections(
  counts: ReadonlyMap<string, number>,
  options: InflectionOptions = {},
): Map<string, string> {
  const stop = stopwords(options.lang);
  const parent = new Map<string, string>();
  for (const key of counts.keys()) {
    for (const base of inflectionBases(key, options)) {
      if (base !== key && counts.has(base) && !stop.has(base)) {
        parent.set(key, base);
        break;
      }
    }
  }
  const rootOf = (key: string): string => {
    let current = key;
    // Chains are at most plural → feminine → masculine; the bound guards against cycles.
    for (let step = 0; step < 4; step++) {
      const next = parent.get(current);
      if (next === undefined) break;
      current = next;
    }
    return current;
  };
  const leadByRoot = new Map<string, string>();
  for (const key of counts.keys()) {
    const root = rootOf(key);
    const lead = leadByRoot.get(root) ?? root;
    const leadCount = counts.get(lead) ?? 0;
    const count = counts.get(key) ?? 0;
    if (count > leadCount) leadByRoot.set(root, key);
    else if (!leadByRoot.has(root)) leadByRoot.set(root, root);
  }
  const result = new Map<string, string>();
  for (const key of counts.keys()) result.set(key, leadByRoot.get(rootOf(key))!);
  return result;
}
