export { buildReport, checkReportOptions, ReportBuilder, type ReportOptions } from './engine.js';
export {
  reportConfigSchema,
  parseReportConfig,
  validateReportConfig,
  checkConfigAgainstSurvey,
  ReportConfigError,
  type ReportConfig,
  type NumericClass,
  type QuestionConfig,
  type RowOrder,
} from './config.js';
export { quartiles, numericStats, numericStatsOfCounts, FloatBuffer } from './quantiles.js';
export { ReportOptionsError } from './keys.js';
