import { ConditionRunner } from 'survey-core';

/**
 * Simple visibility conditions ("show this question when question X = value"), written as SurveyJS
 * expressions (`{x} = 'v'`) so that survey-core evaluates them in the form and the server checks
 * them like any uploaded condition. Anything else stays a raw expression.
 */
export const OPERATORS = ['=', '<>', 'contains', 'notcontains', 'notempty', 'empty'] as const;
export type Operator = (typeof OPERATORS)[number];

export type ConditionValue = string | number | boolean;

export interface SimpleCondition {
  question: string;
  operator: Operator;
  value?: ConditionValue;
}

export const takesValue = (operator: Operator) => operator !== 'notempty' && operator !== 'empty';

function literal(value: ConditionValue): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function writeCondition(condition: SimpleCondition): string {
  const left = `{${condition.question}}`;
  if (!takesValue(condition.operator)) return `${left} ${condition.operator}`;
  return `${left} ${condition.operator} ${literal(condition.value ?? '')}`;
}

function parseLiteral(text: string): ConditionValue | undefined {
  const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(text) ?? /^"((?:[^"\\]|\\.)*)"$/.exec(text);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/** The simple form of an expression, or undefined when it is anything more elaborate. */
export function parseCondition(expression: string): SimpleCondition | undefined {
  const text = expression.trim();
  const unary = /^\{([^{}]+)\}\s+(notempty|empty)$/.exec(text);
  if (unary) return { question: unary[1]!, operator: unary[2] as Operator };
  const binary = /^\{([^{}]+)\}\s*(=|<>|!=|notcontains|contains)\s*(.+)$/.exec(text);
  if (!binary) return undefined;
  const value = parseLiteral(binary[3]!.trim());
  if (value === undefined) return undefined;
  const operator = binary[2] === '!=' ? '<>' : (binary[2] as Operator);
  return { question: binary[1]!, operator, value };
}

/** Whether survey-core can run the expression, and the question names it reads. */
export function inspectExpression(expression: string): { valid: boolean; variables: string[] } {
  const runner = new ConditionRunner(expression);
  if (!runner.canRun()) return { valid: false, variables: [] };
  return {
    valid: true,
    variables: runner.getVariables().map((v) => v.replace(/-Comment$/, '').split(/[.[]/)[0]!),
  };
}
