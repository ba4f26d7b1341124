/** A problem found in an input file, located precisely enough for a person to fix it. */
export interface InputProblem {
  file: string;
  /** Physical line in a text file (1-based), or the row number in a spreadsheet. */
  line?: number;
  /** Column: a header name with its letter for tables (`C "qpv"`), a character position for JSON. */
  column?: string | number;
  /** The column's header name alone (`qpv`), for tables. */
  header?: string;
  /** Spreadsheet sheet name and cell address (e.g. `C7`), for XLSX inputs. */
  sheet?: string;
  cell?: string;
  responseId?: string;
  question?: string;
  value?: unknown;
  /** English text, for the command line; `code` and `params` word it in other languages. */
  message: string;
  /** Error code of src/contract/errors, when the problem has one. */
  code?: string;
  params?: Record<string, unknown>;
}

/** How many problems an error message prints before summarising the rest. */
export const PRINTED_PROBLEMS = 50;

/** Bad input: every problem found in the whole input, not only the first. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(formatProblems(problems));
    this.name = 'InputError';
  }
}

export function formatProblem(p: InputProblem): string {
  const where: string[] = [p.file];
  if (p.sheet !== undefined) where.push(`sheet "${p.sheet}"`);
  if (p.cell !== undefined) where.push(`cell ${p.cell}`);
  else if (p.line !== undefined) where.push(`line ${p.line}`);
  if (p.column !== undefined) where.push(`column ${p.column}`);
  const who = p.responseId !== undefined ? `response ${JSON.stringify(p.responseId)}: ` : '';
  return `${where.join(', ')}: ${who}${p.message}`;
}

export function formatProblems(problems: InputProblem[], limit = PRINTED_PROBLEMS): string {
  if (problems.length === 0) return 'no problem';
  const files = [...new Set(problems.map((p) => p.file))];
  const head =
    problems.length === 1
      ? `1 problem in ${files.join(', ')}:`
      : `${problems.length} problems in ${files.join(', ')}:`;
  const lines = problems.slice(0, limit).map((p) => `  - ${formatProblem(p)}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return [head, ...lines].join('\n');
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
