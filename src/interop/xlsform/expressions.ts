import { ConditionsParser, type Operand } from 'survey-core';

/**
 * XLSForm (ODK XPath) expressions ↔ SurveyJS expressions, on the part both languages share:
 * `${q}` and `.` (the question itself), literals, comparisons, and/or/not(), arithmetic,
 * `selected(${q}, 'v')`, comparisons with '' (empty / not empty). Anything else (other functions,
 * paths, count-selected…) is refused with the reason, and the caller reports it.
 */
export class UnconvertibleExpression extends Error {}

/** Names of select_multiple / checkbox questions: `selected()` ↔ `contains`. */
export interface ExpressionContext {
  /** The question the expression belongs to (what `.` means). */
  self?: string;
  isMultiple: (name: string) => boolean;
}

type Token = { t: 'ref' | 'str' | 'num' | 'id' | 'op' | 'punct'; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re =
    /\s+|\$\{([^}]+)\}|'([^']*)'|"([^"]*)"|\u2018([^\u2019]*)\u2019|(\d+(?:\.\d+)?)|([A-Za-z_][\w-]*)|(!=|<=|>=|[=<>+\-*])|([(),.])/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new UnconvertibleExpression(`unexpected "${text.slice(at, at + 10)}"`);
    at = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'ref', v: m[1].trim() });
    else if (m[2] !== undefined || m[3] !== undefined || m[4] !== undefined)
      out.push({ t: 'str', v: m[2] ?? m[3] ?? m[4]! });
    else if (m[5]) out.push({ t: 'num', v: m[5] });
    else if (m[6])
      out.push(['and', 'or', 'div', 'mod'].includes(m[6]) ? { t: 'op', v: m[6] } : { t: 'id', v: m[6] });
    else if (m[7]) out.push({ t: 'op', v: m[7] });
    else if (m[8]) out.push({ t: 'punct', v: m[8] });
  }
  return out;
}

type Node =
  | { n: 'ref'; name: string }
  | { n: 'lit'; token: Token }
  | { n: 'bin'; op: string; left: Node; right: Node }
  | { n: 'not'; arg: Node }
  | { n: 'selected'; name: string; value: Token };

const PRECEDENCE: [string[], number][] = [
  [['or'], 1],
  [['and'], 2],
  [['=', '!='], 3],
  [['<', '>', '<=', '>='], 4],
  [['+', '-'], 5],
  [['*', 'div', 'mod'], 6],
];
const LEVEL = new Map(PRECEDENCE.flatMap(([ops, level]) => ops.map((op) => [op, level] as const)));

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly ctx: ExpressionContext,
  ) {}

  parse(): Node {
    const node = this.binary(1);
    if (this.at < this.tokens.length) throw new UnconvertibleExpression('unexpected text after the end');
    return node;
  }

  private next(): Token | undefined {
    return this.tokens[this.at++];
  }

  private binary(level: number): Node {
    if (level > 6) return this.primary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.tokens[this.at];
      if (token?.t !== 'op' || LEVEL.get(token.v) !== level) return left;
      this.at++;
      left = { n: 'bin', op: token.v, left, right: this.binary(level + 1) };
    }
  }

  private expect(v: string): void {
    const token = this.next();
    if (token?.v !== v || token.t !== 'punct') throw new UnconvertibleExpression(`"${v}" expected`);
  }

  private reference(): string {
    const token = this.next();
    if (token?.t === 'ref') return token.v;
    if (token?.t === 'punct' && token.v === '.' && this.ctx.self) return this.ctx.self;
    throw new UnconvertibleExpression('a question reference ${…} expected');
  }

  private primary(): Node {
    const token = this.next();
    if (!token) throw new UnconvertibleExpression('unexpected end');
    if (token.t === 'ref') return { n: 'ref', name: token.v };
    if (token.t === 'str' || token.t === 'num') return { n: 'lit', token };
    if (token.t === 'op' && token.v === '-') {
      const inner = this.primary();
      if (inner.n === 'lit' && inner.token.t === 'num')
        return { n: 'lit', token: { t: 'num', v: `-${inner.token.v}` } };
      throw new UnconvertibleExpression('unary minus on something else than a number');
    }
    if (token.t === 'punct' && token.v === '.') {
      if (!this.ctx.self) throw new UnconvertibleExpression('"." outside a constraint');
      return { n: 'ref', name: this.ctx.self };
    }
    if (token.t === 'punct' && token.v === '(') {
      const inner = this.binary(1);
      this.expect(')');
      return inner;
    }
    if (token.t === 'id') {
      this.expect('(');
      if (token.v === 'not') {
        const arg = this.binary(1);
        this.expect(')');
        return { n: 'not', arg };
      }
      if (token.v === 'selected') {
        const name = this.reference();
        this.expect(',');
        const value = this.next();
        if (!value || (value.t !== 'str' && value.t !== 'num'))
          throw new UnconvertibleExpression('selected() needs a literal value');
        this.expect(')');
        return { n: 'selected', name, value };
      }
      throw new UnconvertibleExpression(`the function ${token.v}() is not translated`);
    }
    throw new UnconvertibleExpression(`unexpected "${token.v}"`);
  }
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const SJS_OPS: Record<string, string> = { '=': '=', '!=': '<>', div: '/', mod: '%' };

function toSjs(node: Node, ctx: ExpressionContext, top = false): string {
  switch (node.n) {
    case 'ref':
      return `{${node.name}}`;
    case 'lit':
      return node.token.t === 'num' ? node.token.v : quote(node.token.v);
    case 'not':
      return `!(${toSjs(node.arg, ctx, true)})`;
    case 'selected': {
      const value = node.value.t === 'num' ? quote(node.value.v) : quote(node.value.v);
      return ctx.isMultiple(node.name) ? `{${node.name}} contains ${value}` : `{${node.name}} = ${value}`;
    }
    case 'bin': {
      const blank = (n: Node) => n.n === 'lit' && n.token.t === 'str' && n.token.v === '';
      if ((node.op === '=' || node.op === '!=') && (blank(node.right) || blank(node.left))) {
        const other = blank(node.right) ? node.left : node.right;
        return `${toSjs(other, ctx)} ${node.op === '=' ? 'empty' : 'notempty'}`;
      }
      const text = `${toSjs(node.left, ctx)} ${SJS_OPS[node.op] ?? node.op} ${toSjs(node.right, ctx)}`;
      return top ? text : `(${text})`;
    }
  }
}

/** The SurveyJS expression for an XLSForm `relevant` or `constraint` (`.` = ctx.self). */
export function xlsformToSurveyJs(expression: string, ctx: ExpressionContext): string {
  return toSjs(new Parser(tokenize(expression.trim()), ctx).parse(), ctx, true);
}

const XLS_OPS: Record<string, string> = {
  equal: '=',
  notequal: '!=',
  less: '<',
  lessorequal: '<=',
  greater: '>',
  greaterorequal: '>=',
  plus: '+',
  minus: '-',
  multiply: '*',
  divide: 'div',
  modulo: 'mod',
  and: 'and',
  or: 'or',
};

/** The XLSForm expression for a SurveyJS condition (`{self}` written `.` when `self` is given). */
export function surveyJsToXlsform(expression: string, self?: string): string {
  const operand = new ConditionsParser().parseExpression(expression);
  if (!operand) throw new UnconvertibleExpression('the expression cannot be parsed');
  return fromSjs(operand, self, true);
}

interface OperandNode {
  getType(): string;
  operatorName?: string;
  left?: OperandNode;
  right?: OperandNode;
  expressionValue?: OperandNode;
  variableName?: string;
  value?: unknown;
}

function fromSjs(operand: Operand | OperandNode, self: string | undefined, top = false): string {
  const node = operand as unknown as OperandNode;
  const type = node.getType();
  if (type === 'variable') {
    const name = node.variableName ?? '';
    if (name.includes('.') || name.includes('['))
      throw new UnconvertibleExpression(`{${name}}: matrix cells have no XLSForm equivalent`);
    return name === self ? '.' : `\${${name}}`;
  }
  if (type === 'const') {
    const value = node.value;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? 'true()' : 'false()';
    return `'${String(value).replace(/'/g, '’')}'`;
  }
  if (type === 'unary') {
    const inner = node.expressionValue!;
    if (node.operatorName === 'negate') return `not(${fromSjs(inner, self, true)})`;
    if (node.operatorName === 'empty') return `${fromSjs(inner, self)} = ''`;
    if (node.operatorName === 'notempty') return `${fromSjs(inner, self)} != ''`;
    throw new UnconvertibleExpression(`the operator ${node.operatorName} is not translated`);
  }
  if (type === 'binary') {
    const op = node.operatorName ?? '';
    if (op === 'contains' || op === 'notcontains') {
      const target = node.left!;
      if (target.getType() !== 'variable')
        throw new UnconvertibleExpression('contains on something else than a question');
      const selected = `selected(${fromSjs(target, self)}, ${fromSjs(node.right!, self)})`;
      return op === 'contains' ? selected : `not(${selected})`;
    }
    const xls = XLS_OPS[op];
    if (!xls) throw new UnconvertibleExpression(`the operator ${op} is not translated`);
    const text = `${fromSjs(node.left!, self)} ${xls} ${fromSjs(node.right!, self)}`;
    return top ? text : `(${text})`;
  }
  throw new UnconvertibleExpression(`${type} expressions are not translated`);
}
