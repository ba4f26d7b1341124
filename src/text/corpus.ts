import type { SegmentCount, TermCount } from '../report/model.js';
import { groupInflections } from './inflections.js';
import { NgramCounter } from './ngram-counter.js';
import { stopwords, type TextLang } from './stopwords.js';
import { topByCount } from './ranking.js';
import { segmentRows } from './segments.js';
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
    const minCount = options.minSegmentCount ?? DEFAULT_MIN_SEGMENT_COUNT;
    const segments = segmentRows(this.ngrams, this.contentKey, display, minCount, topN, this.lang);
    return { terms, segments };
  }
}

function isContentKey(key: string, stop: ReadonlySet<string>): boolean {
  return key.length >= 2 && !stop.has(key) && !key.endsWith("'");
}

