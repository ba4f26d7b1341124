import { PanoramaError } from '../../contract/errors/index.js';
import { parseXml, textOf } from '../xml.js';

/** One row of a LimeSurvey export table: column → text ("" for empty or absent). */
export type LsRow = Record<string, string>;

export interface LsDocument {
  docType: string;
  dbVersion: number;
  languages: string[];
  tables: Map<string, LsRow[]>;
}

/** Elements that repeat: table rows, field names and the document's language list. */
const isArray = (name: string, path: string) =>
  name === 'row' || name === 'fieldname' || path === 'document.languages.language';

/**
 * Reads a LimeSurvey XML export (.lss structure, .lsr responses, .lst participants): each top-level
 * element with `<rows><row>…</row></rows>` becomes a table. Response columns (`_123X4X5SQ001`,
 * written with a leading `_` and `#` as `-` because XML names cannot hold them) are given back
 * under their field names (`123X4X5SQ001`, `…#0`).
 */
export function readLsDocument(text: string, file: string): LsDocument {
  const parsed = parseXml(text, file, isArray);
  const document = parsed.document as Record<string, unknown> | undefined;
  if (!document || typeof document !== 'object') {
    throw new PanoramaError('lss_not_a_survey', { file, found: Object.keys(parsed)[0] ?? '' });
  }
  const languagesNode = document.languages as { language?: unknown[] } | undefined;
  const languages = (languagesNode?.language ?? []).map(textOf).filter(Boolean);
  const tables = new Map<string, LsRow[]>();
  for (const [name, value] of Object.entries(document)) {
    if (!value || typeof value !== 'object') continue;
    const node = value as { rows?: { row?: unknown[] }; fields?: { fieldname?: unknown[] } };
    const rows = node.rows?.row;
    if (!Array.isArray(rows)) continue;
    const fields = (node.fields?.fieldname ?? []).map(textOf);
    const rename = fieldRenames(fields);
    tables.set(
      name,
      rows.map((raw) => {
        const row: LsRow = {};
        if (raw && typeof raw === 'object') {
          for (const [key, cell] of Object.entries(raw as Record<string, unknown>)) {
            row[rename.get(key) ?? key] = textOf(cell);
          }
        }
        return row;
      }),
    );
  }
  return {
    docType: textOf(document.LimeSurveyDocType),
    dbVersion: Number(textOf(document.DBVersion)) || 0,
    languages,
    tables,
  };
}

/** Field names as the XML element names spell them → the real field names. */
function fieldRenames(fields: string[]): Map<string, string> {
  const rename = new Map<string, string>();
  for (const field of fields) {
    const element = /^[0-9]/.test(field) ? `_${field}` : field;
    rename.set(element.replace(/#/g, '-'), field);
  }
  return rename;
}

export function table(doc: LsDocument, name: string): LsRow[] {
  return doc.tables.get(name) ?? [];
}
