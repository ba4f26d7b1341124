import type { SegmentCount, TermCount } from '../report/model.js';
import { DEFAULT_MIN_SEGMENT_COUNT, DEFAULT_TOP_N, TextCorpus } from './corpus.js';
import { rawTerms } from './raw-terms.js';
import type { TextLang } from './stopwords.js';

export interface TextAnalysisOptions {
  /** Rows in the term table and in the segment table; default 20, `Infinity` for all. */
  topN?: number;
  lang?: TextLang;
  /** Repeated segments seen fewer times (over all texts) are dropped; default 2. */
  minSegmentCount?: number;
  /**
   * Term table: "grouped" (default: case, plural and elision grouping) or "raw" (the reference
   * reports' naive counting, every written form apart: see raw-terms.ts). Segments are the same.
   */
  terms?: 'grouped' | 'raw';
}

export interface TextAnalysis {
  /** Content words, case-insensitive, inflections grouped, by count then alphabetical order. */
  terms: TermCount[];
  /** Repeated 2–4-token segments starting and ending with a content word. */
  segments: SegmentCount[];
  /** Every token read, stopwords and elided words ("l'") included. */
  tokenCount: number;
}

/** Term table ("Terme / Total") and repeated segments of a set of free-text answers. */
export function analyzeTexts(texts: readonly string[], options: TextAnalysisOptions = {}): TextAnalysis {
  const corpus = new TextCorpus(options.lang ?? 'fr');
  for (const text of texts) corpus.add(text);
  const { terms, segments } = corpus.tables(options);
  const table =
    options.terms === 'raw' ? rawTerms(texts, options.topN ?? DEFAULT_TOP_N, options.lang) : terms;
  return { terms: table, segments, tokenCount: corpus.tokenCount };
}

/** Repeated segments only (same rules as in `analyzeTexts`). */
export function repeatedSegments(
  texts: readonly string[],
  options: TextAnalysisOptions = {},
): SegmentCount[] {
  return analyzeTexts(texts, options).segments;
}

export { DEFAULT_MIN_SEGMENT_COUNT, DEFAULT_TOP_N };
