import { analyzeTexts, type TextAnalysis } from '../text/index.js';
import type { ReportLang, TermMode } from '../report/model.js';

/** Term and repeated-segment tables of free texts (French/English tokeniser of src/text). */
export function analyzeFreeTexts(
  texts: string[],
  topN: number,
  lang: ReportLang,
  terms: TermMode = 'grouped',
): TextAnalysis {
  return analyzeTexts(texts, { topN, lang, terms });
}
