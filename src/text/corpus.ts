import type { SegmentCount, TermCount } from '../report/model.js';
import { groupInflections } from './inflections.js';
import { NgramCounter } from './ngram-counter.js';
import { NgramTable, ngramHash } from './ngram-table.js';
import { stopwords, type TextLang } from './stopwords.js';
import { SurfaceTable } from './surface-table.js';
import { normalizeSurface, scanText, type TokenSink } from './tokenize.js';

export interface CorpusResultOptions {
  /** Rows kept in each table (terms, segments); default 20, `Infinity` for all. */
  topN?: number;
  /** Segments seen fewer times are dropped; default 2. */
  minSegmentCount?: number;
}

export const DEFAULT_TOP_N = 20;
export const DEFAULT_MIN_SEGMENT_COUNT = 2;
// Segments are 2–4 tokens long: the token handler keeps the three previous tokens.
const MIN_SEGMENT_WORDS = 2;
const NONE = -1;

/** Case-insensitive grouping key of a surface form: lowercase, accents kept, apostrophes ASCII. */
export function normalizeKey(surface: string): string {
  return normalizeSurface(surface).toLowerCase();
}

/** All-caps tokens of 2–5 letters ("CAF", "CCAS", "CG59") are acronyms and keep their caps. */
export function isAcronym(surface: string): boolean {
  if (surface !== surface.toUpperCase()) return false;
  let letters = 0;
  for (const ch of surface) if (ch.toLowerCase() !== ch) letters++;
  return letters >= 2 && letters <= 5;
}

/**
 * Accumulates texts one at a time (so a caller can stream answers) and counts, in the same
 * single pass, surface forms and the 2–4-token segments whose ends are content words. Memory
 * grows with the vocabulary and the distinct segments, not with the number of texts.
 */
export class TextCorpus implements TokenSink {
  tokenCount = 0;
  private readonly surfaces = new SurfaceTable();
  /** Per surface entry: occurrences and key id. */
  private surfaceCounts: number[] = [];
  private surfaceKeys: number[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly contentKey: boolean[] = [];
  private readonly stop: ReadonlySet<string>;
  private readonly ngrams = new NgramCounter();
  // The three previous token keys; NONE after a boundary.
  private w1 = NONE;
  private w2 = NONE;
  private w3 = NONE;

  constructor(readonly lang: TextLang = 'fr') {
    this.stop = stopwords(lang);
  }

  add(text: string): void {
    scanText(text, this);
    this.boundary();
  }

  token(surface: string): void {
    this.count(this.surfaces.add(surface));
  }

  range(text: string, start: number, end: number): void {
    this.count(this.surfaces.addRange(text, start, end));
  }

  private count(entry: number): void {
    if (entry === this.surfaceKeys.length) {
      this.surfaceKeys.push(this.keyIdOf(this.surfaces.surface(entry)));
      this.surfaceCounts.push(0);
    }
    this.surfaceCounts[entry]!++;
    this.tokenCount++;
    const x = this.surfaceKeys[entry]!;
    if (this.contentKey[x]) {
      const { w1, w2, w3, contentKey, ngrams } = this;
      if (w3 !== NONE) {
        if (contentKey[w3]) ngrams.add(w3, x, NONE, NONE);
        if (w2 !== NONE) {
          if (contentKey[w2]) ngrams.add(w2, w3, x, NONE);
          if (w1 !== NONE && contentKey[w1]) ngrams.add(w1, w2, w3, x);
        }
      }
    }
    this.w1 = this.w2;
    this.w2 = this.w3;
    this.w3 = x;
  }

  boundary(): void {
    this.w1 = NONE;
    this.w2 = NONE;
    this.w3 = NONE;
  }

  private keyIdOf(surface: string): number {
    const key = normalizeKey(surface);
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keyIds.set(key, id);
      this.keys.push(key);
      this.contentKey.push(isContentKey(key, this.stop));
    }
    return id;
  }

  /** Display form of each key: its most frequent surface form, lowercased unless an acronym. */
  private displayForms(): { display: string[]; counts: number[] } {
    const best: string[] = new Array<string>(this.keys.length);
    const bestCount: number[] = new Array<number>(this.keys.length).fill(0);
    const counts: number[] = new Array<number>(this.keys.length).fill(0);
    for (let entry = 0; entry < this.surfaces.size; entry++) {
      const surface = this.surfaces.surface(entry);
      const key = this.surfaceKeys[entry]!;
      const count = this.surfaceCounts[entry]!;
      counts[key]! += count;
      // Strictly greater: on a tie the form met first wins, which keeps results deterministic.
      if (count > bestCount[key]!) {
        best[key] = surface;
        bestCount[key] = count;
      }
    }
    const display = this.keys.map((key, id) => (isAcronym(best[id]!) ? normalizeSurface(best[id]!) : key));
    return { display, counts };
  }

  terms(options: CorpusResultOptions = {}): TermCount[] {
    return this.tables(options).terms;
  }

  /** Top terms (inflections grouped) and top repeated segments. */
  tables(options: CorpusResultOptions = {}): { terms: TermCount[]; segments: SegmentCount[] } {
    const topN = options.topN ?? DEFAULT_TOP_N;
    const { display, counts } = this.displayForms();
    const termCounts = new Map<string, number>();
    this.keys.forEach((key, id) => {
      if (this.contentKey[id]) termCounts.set(key, counts[id]!);
    });
    const leads = groupInflections(termCounts, { lang: this.lang });
    const grouped = new Map<string, number>();
    for (const [key, count] of termCounts) {
      const lead = leads.get(key) ?? key;
      grouped.set(lead, (grouped.get(lead) ?? 0) + count);
    }
    const termRows = [...grouped].map(([key, count]) => ({ term: display[this.keyIds.get(key)!]!, count }));
    const terms = topByCount(termRows, (row) => row.term, topN, this.lang);
    const segments = this.segmentRows(display, options.minSegmentCount ?? DEFAULT_MIN_SEGMENT_COUNT, topN);
    return { terms, segments };
  }

  private segmentRows(display: string[], minCount: number, topN: number): SegmentCount[] {
    const found: { ids: number[]; count: number }[] = [];
    this.ngrams.forEach(Math.max(1, minCount), (ids, count) => found.push({ ids, count }));
    const absorbed = new NgramTable();
    const at = (ids: number[], k: number): number => (k < ids.length ? ids[k]! : NONE);
    // A segment always seen inside a longer one (same count) adds nothing: keep the longer one.
    for (const { ids, count } of found) {
      if (ids.length <= MIN_SEGMENT_WORDS) continue;
      for (let from = 0; from < ids.length; from++) {
        for (let to = from + MIN_SEGMENT_WORDS; to <= ids.length; to++) {
          if (to - from === ids.length || !this.contentKey[ids[from]!] || !this.contentKey[ids[to - 1]!]) continue;
          const sub = ids.slice(from, to);
          const [a, b, c, d] = [at(sub, 0), at(sub, 1), at(sub, 2), at(sub, 3)];
          if (this.ngrams.get(a, b, c, d) === count) absorbed.add(ngramHash(a, b, c, d), a, b, c, d);
        }
      }
    }
    const rows = found
      .filter(({ ids }) => {
        const [a, b, c, d] = [at(ids, 0), at(ids, 1), at(ids, 2), at(ids, 3)];
        return absorbed.get(ngramHash(a, b, c, d), a, b, c, d) === 0;
      })
      .map(({ ids, count }) => ({ ids, count, segment: '' }));
    const label = (row: { ids: number[]; segment: string }): string => {
      if (row.segment === '') row.segment = joinTokens(row.ids.map((id) => display[id]!));
      return row.segment;
    };
    return topByCount(rows, label, topN, this.lang).map((row) => ({ segment: label(row), count: row.count }));
  }
}

function isContentKey(key: string, stop: ReadonlySet<string>): boolean {
  return key.length >= 2 && !stop.has(key) && !key.endsWith("'");
}

/** Tokens back into text: no space after an elided word ("accès à l'emploi"). */
export function joinTokens(tokens: readonly string[]): string {
  let out = '';
  for (const token of tokens) {
    if (out !== '' && !out.endsWith("'")) out += ' ';
    out += token;
  }
  return out;
}

/**
 * The `n` rows with the highest counts, ties in French (or English) alphabetical order. Only the
 * rows that can reach the top are collated, so a long tail of rare words costs a numeric sort.
 */
function topByCount<T extends { count: number }>(
  rows: T[],
  labelOf: (row: T) => string,
  n: number,
  lang: TextLang,
): T[] {
  if (n <= 0 || rows.length === 0) return [];
  const byCount = rows.slice().sort((a, b) => b.count - a.count);
  if (n < byCount.length) {
    const threshold = byCount[n - 1]!.count;
    let end = n;
    while (end < byCount.length && byCount[end]!.count === threshold) end++;
    byCount.length = end;
  }
  const collator = collatorFor(lang);
  const labelled = byCount.map((row) => ({ row, label: labelOf(row) }));
  labelled.sort((a, b) => b.row.count - a.row.count || collator.compare(a.label, b.label));
  return labelled.slice(0, n).map(({ row }) => row);
}

const collators = new Map<TextLang, Intl.Collator>();
function collatorFor(lang: TextLang): Intl.Collator {
  let collator = collators.get(lang);
  if (collator === undefined) {
    collator = new Intl.Collator(lang);
    collators.set(lang, collator);
  }
  return collator;
}
