import { errorMessage, PanoramaError, type ErrorCode, type ErrorParamsOf } from '../contract/errors/index.js';
import { PRINTED_PROBLEMS, wordFileProblem, wordFileProblems } from '../contract/errors/files.js';
import type { Lang } from '../contract/lang.js';

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

export { PRINTED_PROBLEMS };

/**
 * A located problem with its catalogue code: `code` and `params` word it in the user's language at
 * the edge; `message` keeps the English text for logs and programmatic callers.
 */
export function codedProblem<C extends ErrorCode>(
  location: Omit<InputProblem, 'message' | 'code' | 'params'>,
  code: C,
  ...[params]: [ErrorParamsOf<C>] extends [undefined]
    ? []
    : object extends ErrorParamsOf<C>
      ? [params?: ErrorParamsOf<C>]
      : [params: ErrorParamsOf<C>]
): InputProblem {
  const p = (params ?? {}) as ErrorParamsOf<C>;
  return { ...location, code, params: p as Record<string, unknown>, message: errorMessage(code, p, 'en') };
}

/**
 * Bad input: every problem found in the whole input, not only the first. A PanoramaError
 * (`input_problems`): the edge words the list in the user's language, each problem from its code
 * when it has one (its English `message` otherwise).
 */
export class InputError extends PanoramaError<'input_problems'> {
  constructor(readonly problems: InputProblem[]) {
    super('input_problems', { problems });
    // For logs and programmatic callers, `message` stays the English list it always was; users get
    // messageIn(lang) at the edge.
    this.message = this.messageIn('en');
    this.name = 'InputError';
  }
}

/** One problem, located, in `lang` (English by default, as the command line printed it). */
export function formatProblem(p: InputProblem, lang: Lang = 'en'): string {
  return wordFileProblem(p, lang);
}

export function formatProblems(
  problems: InputProblem[],
  limit = PRINTED_PROBLEMS,
  lang: Lang = 'en',
): string {
  return wordFileProblems(problems, lang, limit);
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
