export { analyzeTexts, repeatedSegments, type TextAnalysis, type TextAnalysisOptions } from './analyze.js';
export {
  DEFAULT_MIN_SEGMENT_COUNT,
  DEFAULT_TOP_N,
  TextCorpus,
  isAcronym,
  normalizeKey,
  type CorpusResultOptions,
} from './corpus.js';
export { joinTokens } from './segments.js';
export { groupInflections, inflectionBases, type InflectionOptions } from './inflections.js';
export { ENGLISH_STOPWORDS, FRENCH_STOPWORDS, stopwords, type TextLang } from './stopwords.js';
export { ELISION_PREFIXES, normalizeSurface, scanText, tokenize, type TokenSink } from './tokenize.js';
export { rawTermCounts, rawTerms } from './raw-terms.js';
