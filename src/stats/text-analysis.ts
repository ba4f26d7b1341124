import { analyzeTexts, type TextAnalysis } from '../text/index.js';
import type { ReportLang } from '../report/model.js';

/** Term and repeated-segment tables of free texts (French/English tokeniser of src/text). */
export function analyzeFreeTexts(texts: string[], topN: number, lang: ReportLang): TextAnalysis {
  return analyzeTexts(texts, { topN, lang });
}
