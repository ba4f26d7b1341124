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
const NONE = -1;
const MAX_SEGMENT_TOKENS = 4;
const MAX_STREAM_CHUNK = 1 << 16;

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
  private surfaceCounts = new Int32Array(1024);
  private surfaceKeys = new Int32Array(1024);
  private knownSurfaces = 0;
  private readonly surfaceStrings: string[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly keys: string[] = [];
  /** Per key: 1 for a content word (may start or end a segment), 0 for a stopword. */
  private contentKey = new Uint8Array(1024);
  private readonly stop: ReadonlySet<string>;
  private readonly ngrams = new NgramCounter();
  /**
   * Key ids of the tokens read, NONE at boundaries, handed to the n-gram counter in chunks (a
   * tight loop over a typed array beats counting from the per-token callback). Entries before
   * `streamFrom` are the previous chunk's last tokens, kept as context for segments across it.
   */
  private stream = new Int32Array(1024);
  private streamLength = 0;
  private streamFrom = 0;

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

  range(text: string, start: number, end: number, hash: number): void {
    this.count(this.surfaces.addRange(text, start, end, hash));
  }

  private count(entry: number): void {
    if (entry === this.knownSurfaces) this.addSurface(entry);
    this.surfaceCounts[entry]!++;
    this.tokenCount++;
    this.push(this.surfaceKeys[entry]!);
  }

  boundary(): void {
    const n = this.streamLength;
    if (n > 0 && this.stream[n - 1] !== NONE) this.push(NONE);
  }

  private push(id: number): void {
    if (this.streamLength === this.stream.length) {
      if (this.stream.length < MAX_STREAM_CHUNK) {
        const stream = new Int32Array(this.stream.length * 2);
        stream.set(this.stream);
        this.stream = stream;
      } else this.flushStream();
    }
    this.stream[this.streamLength++] = id;
  }

  private flushStream(): void {
    const { stream, streamLength } = this;
    this.ngrams.addSequence(stream, this.streamFrom, streamLength, this.contentKey);
    const keep = Math.min(MAX_SEGMENT_TOKENS - 1, streamLength);
    stream.copyWithin(0, streamLength - keep, streamLength);
    this.streamFrom = keep;
    this.streamLength = keep;
  }

  private addSurface(entry: number): void {
    if (entry === this.surfaceKeys.length) {
      this.surfaceKeys = grownInt32(this.surfaceKeys);
      this.surfaceCounts = grownInt32(this.surfaceCounts);
    }
    const surface = this.surfaces.surface(entry);
    this.surfaceStrings.push(surface);
    this.surfaceKeys[entry] = this.keyIdOf(surface);
    this.knownSurfaces++;
  }

  private keyIdOf(surface: string): number {
    const key = normalizeKey(surface);
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keyIds.set(key, id);
      this.keys.push(key);
      if (id === this.contentKey.length) {
        const grown = new Uint8Array(id * 2);
        grown.set(this.contentKey);
        this.contentKey = grown;
      }
      this.contentKey[id] = isContentKey(key, this.stop) ? 1 : 0;
    }
    return id;
  }

  /** Display form of each key: its most frequent surface form, lowercased unless an acronym. */
  private displayForms(): { display: string[]; counts: number[] } {
    const best: string[] = new Array<string>(this.keys.length);
    const bestCount: number[] = new Array<number>(this.keys.length).fill(0);
    const counts: number[] = new Array<number>(this.keys.length).fill(0);
    for (let entry = 0; entry < this.surfaces.size; entry++) {
      const surface = this.surfaceStrings[entry]!;
      const key = this.surfaceKeys[entry]!;
      const count = this.surfaceCounts[entry]!;
      counts[key]! += count;
      // On a tie the form met first wins (deterministic), except that capitals must win outright
      // to be shown: "ŒUVRE" once and "œuvre" once is "œuvre".
      const current = best[key];
      if (
        count > bestCount[key]! ||
        (count === bestCount[key]! && current !== undefined && isAcronym(current) && !isAcronym(surface))
      ) {
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
    this.flushStream();
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

function grownInt32(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(array.length * 2);
  out.set(array);
  return out;
}
