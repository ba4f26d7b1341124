import type { SegmentCount, TermCount } from '../report/model.js';

export interface TextAnalysis {
  terms: TermCount[];
  segments: SegmentCount[];
  tokenCount: number;
}
type Analyzer = (texts: string[], options: { topN?: number; lang?: string }) => TextAnalysis;

// src/text (French tokeniser, another engineer's module) is loaded by a computed specifier so the
// engine keeps working while it is not committed yet; term tables are simply absent until then.
const TEXT_MODULE = '../text/index.js';
let analyzer: Analyzer | undefined;
try {
  const loaded = (await import(TEXT_MODULE)) as { analyzeTexts?: Analyzer };
  analyzer = loaded.analyzeTexts;
} catch {
  analyzer = undefined;
}

/** Term and repeated-segment tables of free texts, or undefined when src/text is unavailable. */
export function analyzeFreeTexts(texts: string[], topN: number, lang: string): TextAnalysis | undefined {
  return analyzer ? analyzer(texts, { topN, lang }) : undefined;
}
