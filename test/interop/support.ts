import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Model } from 'survey-core';
import { SHARED_DIR } from '../support/shared.js';

/** ../shared/interop: files written by other tools (LimeSurvey, XLSForm…), never copied here. */
export const INTEROP_DIR = join(SHARED_DIR, 'interop');

/** Every file of ../shared/interop/<folder> ending with one of `extensions`, sorted. */
export function interopFiles(folder: string, extensions: readonly string[]): string[] {
  const dir = join(INTEROP_DIR, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.toLowerCase().endsWith(ext)))
    .sort()
    .map((name) => join(dir, name));
}

/** For node:test's `skip`: a loud reason when ../shared/interop/<folder> is absent or empty. */
export function skipWithoutInterop(folder: string, extensions: readonly string[]): string | false {
  if (interopFiles(folder, extensions).length > 0) return false;
  const reason = `SKIPPED: no ${extensions.join('/')} file in ${join(INTEROP_DIR, folder)} (../shared is only present in CI and developer checkouts; set PANORAMA_SHARED_DIR)`;
  process.stderr.write(`\n*** ${reason}\n`);
  return reason;
}

type Row = Record<string, string>;

/**
 * The rows of one table of a LimeSurvey XML document (`<name><rows><row>…`), read here with the
 * XML library directly, independently of the importer, so tests compare against the file itself.
 */
export function lsTable(xml: string, name: string): Row[] {
  const doc = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (tag) => tag === 'row',
  }).parse(xml) as { document?: Record<string, { rows?: { row?: Record<string, unknown>[] } }> };
  const rows = doc.document?.[name]?.rows?.row ?? [];
  return rows.map((row) => {
    const out: Row = {};
    for (const [key, value] of Object.entries(row))
      out[key.replace(/^_/, '')] =
        typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    return out;
  });
}

/** A SurveyJS model of the converted questionnaire, as the respondent form would build it. */
export function surveyModel(json: unknown): Model {
  return new Model(json);
}
