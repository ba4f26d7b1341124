import type { Lang } from '../lang.js';
import { ERROR_CATALOGUE, type ErrorCode, type ErrorParamsOf } from './catalogue.js';

export { ERROR_CATALOGUE, type ErrorCode, type ErrorParamsOf } from './catalogue.js';
export { defineErrors, type ErrorSpec } from './define.js';

/** Optional parameters may be left out: `new PanoramaError('forbidden')`. */
type ParamsArg<C extends ErrorCode> = [ErrorParamsOf<C>] extends [undefined]
  ? []
  : object extends ErrorParamsOf<C>
    ? [params?: ErrorParamsOf<C>]
    : [params: ErrorParamsOf<C>];

/**
 * The one error type of Panorama: a stable code from the catalogue, its parameters, the status
 * the catalogue gives it, and optional structured details (e.g. the list of problems of a file).
 * `message` is the French text, for logs only: users get `messageIn(lang)` at the edge.
 */
export class PanoramaError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParamsOf<C>;
  readonly status: number;
  details?: unknown;

  constructor(code: C, ...[params]: ParamsArg<C>) {
    const p = (params ?? {}) as ErrorParamsOf<C>;
    super(errorMessage(code, p, 'fr'));
    this.name = 'PanoramaError';
    this.code = code;
    this.params = p;
    this.status = ERROR_CATALOGUE[code].status;
  }

  /** Attaches structured details (problems of an input file, per-question errors...). */
  with(details: unknown): this {
    this.details = details;
    return this;
  }

  messageIn(lang: Lang): string {
    return errorMessage(this.code, this.params, lang);
  }
}

/** The message of a code in a language; an unknown code (from an older server) falls back to a generic text. */
export function errorMessage<C extends ErrorCode>(code: C, params: ErrorParamsOf<C>, lang: Lang): string {
  const spec = ERROR_CATALOGUE[code] as
    { fr: (p: unknown) => string; en: (p: unknown) => string } | undefined;
  if (!spec) return ERROR_CATALOGUE.internal[lang]();
  return spec[lang](params ?? {});
}

export function isPanoramaError(value: unknown): value is PanoramaError {
  return value instanceof PanoramaError;
}
