import { PanoramaError, parseFields } from '../../contract/errors/index.js';
import { reportOptions, type ReportFormat } from '../../contract/reports.js';
import type { ReportOptions as EngineOptions } from '../../stats/index.js';

/** What the statistics engine takes from the caller's options (the registry and configuration aside). */
export type ReportEngineOptions = Pick<
  EngineOptions,
  'lang' | 'filters' | 'by' | 'quartiles' | 'base' | 'profile' | 'terms'
>;

/** A report request: the format, and the engine's options. */
export interface ReportRequest {
  format: ReportFormat;
  engine: ReportEngineOptions;
  /** Only the answers validated by a correspondent (campaigns; src/app/review). */
  validatedOnly: boolean;
}

/** `KEY=VALUE` filters, each trimmed; anything without a key before `=` is refused. */
export function parseFilters(
  where: string | readonly string[] | undefined,
): { key: string; value: string }[] {
  const list = where === undefined ? [] : typeof where === 'string' ? [where] : where;
  return list.map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw new PanoramaError('report_filter_syntax', { item });
    return { key: item.slice(0, at).trim(), value: item.slice(at + 1).trim() };
  });
}

/**
 * Reads the options of a report (the contract's `reportOptions`: HTTP query, command-line
 * options, web page), the same way for every caller; a 400 `bad_request` naming the fields
 * otherwise.
 */
export function reportRequest(input: unknown): ReportRequest {
  const parsed = parseFields(reportOptions, input);
  if (!parsed.ok) {
    throw new PanoramaError('bad_request', { issues: parsed.issues }).with(
      parsed.issues.map((issue) => ({ path: issue.field, issue })),
    );
  }
  const { format, where, by, lang, quartiles, base, profile, terms, validatedOnly } = parsed.data;
  return {
    format,
    validatedOnly: validatedOnly ?? false,
    engine: {
      filters: parseFilters(where),
      ...(by !== undefined ? { by } : {}),
      ...(lang !== undefined ? { lang } : {}),
      ...(quartiles !== undefined ? { quartiles } : {}),
      ...(base !== undefined ? { base } : {}),
      ...(profile !== undefined ? { profile } : {}),
      ...(terms !== undefined ? { terms } : {}),
    },
  };
}
