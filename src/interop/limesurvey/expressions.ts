/**
 * LimeSurvey Expression Manager relevance equations → SurveyJS conditions. The common part of the
 * language is translated: comparisons, and/or/not, parentheses, `is_empty()`, question codes with
 * `.NAOK`/`.value`/`.code`, subquestion codes (`Q1_SQ001`). Anything else (other functions,
 * `.shown`, arithmetic on answers, `self`/`that`) makes the whole equation unconvertible: the caller
 * reports it and leaves the question unconditioned rather than guessing.
 */

/** How a LimeSurvey variable reads in SurveyJS. */
export type VariableRef =
  | { kind: 'value'; name: string }
  /** A subquestion of a multiple choice: "Y" when ticked. */
  | { kind: 'ticked'; name: string; value: string }
  /** A row of a matrix: `{name.row}`. */
  | { kind: 'row'; name: string; row: string };

export class UnconvertibleExpression extends Error {}

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: string }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string }
  | { t: 'punct'; v: string };

type Node =
  | { n: 'lit'; token: Token }
  | { n: 'var'; ref: VariableRef }
  | { n: 'not'; arg: Node }
  | { n: 'bool'; op: 'and' | 'or'; left: Node; right: Node }
  | { n: 'cmp'; op: string; left: Node; right: Node }
  | { n: 'empty'; arg: Node };

const WORD_OPS: Record<string, string> = {
  and: '&&',
  or: '||',
  not: '!',
  eq: '==',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re =
    /\s+|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\d+(?:\.\d+)?)|([A-Za-z_][\w.#]*)|(==|!=|<=|>=|&&|\|\||[<>!])|([(),])/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new UnconvertibleExpression(`unexpected "${text.slice(at, at + 10)}"`);
    at = re.lastIndex;
    if (m[1]) out.push({ t: 'str', v: m[1].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[2]) out.push({ t: 'num', v: m[2] });
    else if (m[3]) {
      const word = m[3].toLowerCase();
      if (WORD_OPS[word]) out.push({ t: 'op', v: WORD_OPS[word] });
      else out.push({ t: 'id', v: m[3] });
    } else if (m[4]) out.push({ t: 'op', v: m[4] });
    else if (m[5]) out.push({ t: 'punct', v: m[5] });
  }
  return out;
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly resolve: (name: string) => VariableRef | undefined,
  ) {}

  parse(): Node {
    const node = this.or();
    if (this.at < this.tokens.length) throw new UnconvertibleExpression('unexpected text after the end');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private accept(t: Token['t'], v?: string): boolean {
    const token = this.peek();
    if (token && token.t === t && (v === undefined || token.v === v)) {
      this.at++;
      return true;
    }
    return false;
  }

  private or(): Node {
    let left = this.and();
    while (this.accept('op', '||')) left = { n: 'bool', op: 'or', left, right: this.and() };
    return left;
  }

  private and(): Node {
    let left = this.comparison();
    while (this.accept('op', '&&')) left = { n: 'bool', op: 'and', left, right: this.comparison() };
    return left;
  }

  private comparison(): Node {
    const left = this.unary();
    const token = this.peek();
    if (token?.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(token.v)) {
      this.at++;
      return { n: 'cmp', op: token.v, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.accept('op', '!')) return { n: 'not', arg: this.unary() };
    return this.primary();
  }

  private primary(): Node {
    const token = this.peek();
    if (!token) throw new UnconvertibleExpression('unexpected end');
    this.at++;
    if (token.t === 'punct' && token.v === '(') {
      const inner = this.or();
      if (!this.accept('punct', ')')) throw new UnconvertibleExpression('missing ")"');
      return inner;
    }
    if (token.t === 'str' || token.t === 'num') return { n: 'lit', token };
    if (token.t === 'id') {
      if (this.accept('punct', '(')) {
        if (token.v.toLowerCase() !== 'is_empty') {
          throw new UnconvertibleExpression(`function ${token.v}() is not translated`);
        }
        const arg = this.or();
        if (!this.accept('punct', ')')) throw new UnconvertibleExpression('missing ")"');
        return { n: 'empty', arg };
      }
      return { n: 'var', ref: this.variable(token.v) };
    }
    throw new UnconvertibleExpression(`unexpected "${token.v}"`);
  }

  private variable(raw: string): VariableRef {
    const [name, suffix] = raw.split('.', 2) as [string, string | undefined];
    if (suffix !== undefined && !['NAOK', 'value', 'code'].includes(suffix)) {
      throw new UnconvertibleExpression(`${raw}: the property .${suffix} is not translated`);
    }
    const ref = this.resolve(name);
    if (!ref) throw new UnconvertibleExpression(`${name} is not a question of this survey`);
    return ref;
  }
}

function literal(token: Token): string {
  if (token.t === 'num') return token.v;
  return `'${token.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function reference(ref: VariableRef): string {
  if (ref.kind === 'row') return `{${ref.name}.${ref.row}}`;
  if (ref.kind === 'ticked') throw new UnconvertibleExpression('a ticked choice must be compared with "Y"');
  return `{${ref.name}}`;
}

const CMP: Record<string, string> = { '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function emit(node: Node): string {
  switch (node.n) {
    case 'lit':
      return literal(node.token);
    case 'var':
      return reference(node.ref);
    case 'not':
      return `!(${emit(node.arg)})`;
    case 'bool':
      return `(${emit(node.left)} ${node.op} ${emit(node.right)})`;
    case 'empty': {
      if (node.arg.n !== 'var')
        throw new UnconvertibleExpression('is_empty() of something else than a question');
      const ref = node.arg.ref;
      if (ref.kind === 'ticked') return `{${ref.name}} notcontains '${ref.value}'`;
      return `${reference(ref)} empty`;
    }
    case 'cmp':
      return comparison(node);
  }
}

function comparison(node: Extract<Node, { n: 'cmp' }>): string {
  let { left, right, op } = node;
  if (left.n === 'lit' && right.n === 'var') {
    [left, right] = [right, left];
    op = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' }[op] ?? op;
  }
  if (left.n === 'var' && right.n === 'lit') {
    const ref = left.ref;
    const isBlank = right.token.t === 'str' && right.token.v === '';
    if (ref.kind === 'ticked') {
      const ticked = right.token.v === 'Y';
      if (!ticked && !isBlank)
        throw new UnconvertibleExpression('a ticked choice compared with something else than "Y"');
      const wantTicked = (op === '==') === ticked;
      if (op !== '==' && op !== '!=')
        throw new UnconvertibleExpression('a ticked choice compared with an order');
      return `{${ref.name}} ${wantTicked ? 'contains' : 'notcontains'} '${ref.value}'`;
    }
    if (isBlank && (op === '==' || op === '!='))
      return `${reference(ref)} ${op === '==' ? 'empty' : 'notempty'}`;
  }
  return `${emit(left)} ${CMP[op]!} ${emit(right)}`;
}

/**
 * The SurveyJS condition for a LimeSurvey relevance equation; `undefined` when it always holds
 * ("1", empty). Throws UnconvertibleExpression with the reason otherwise.
 */
export function convertRelevance(
  equation: string,
  resolve: (name: string) => VariableRef | undefined,
): string | undefined {
  const text = equation.trim();
  if (text === '' || text === '1') return undefined;
  if (/[{}]/.test(text)) throw new UnconvertibleExpression('embedded {…} expressions are not translated');
  const node = new Parser(tokenize(text), resolve).parse();
  const out = emit(node);
  return out.startsWith('(') && out.endsWith(')') && balanced(out.slice(1, -1)) ? out.slice(1, -1) : out;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
