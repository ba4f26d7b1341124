import type { Lang } from '../lang.js';

/**
 * One error of the catalogue: the HTTP status it carries and its message in each language, made
 * from the error's parameters. Messages are written here, never inside the domain code: the
 * domain throws a code and parameters, the edge (HTTP, CLI, web UI) words it in the user's language.
 */
export interface ErrorSpec<P> {
  status: number;
  fr: (params: P) => string;
  en: (params: P) => string;
}

/** Keeps each entry's parameter type (inferred from its `fr` function) for PanoramaError's checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineErrors<T extends Record<string, ErrorSpec<any>>>(specs: T): T {
  return specs;
}

export type MessageOf = { [L in Lang]: string };
