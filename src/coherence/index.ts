export { checkResponses, numericValue, SEVERITY_RANK, type Anomaly, type CheckOptions } from './engine.js';
export {
  checkRulesAgainstSurvey,
  parseRuleSet,
  ruleQuestions,
  ruleSchema,
  ruleSetSchema,
  RULE_KINDS,
  SEVERITIES,
  templateFields,
  validateRuleSet,
  type Rule,
  type RuleKind,
  type RuleSet,
  type Severity,
} from './rules.js';
export { formatAmount, formatNumber, formatPercent } from './format.js';
