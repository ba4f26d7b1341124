import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PanoramaError } from '../contract/errors/index.js';

/** Largest XML document an importer reads (a LimeSurvey structure is rarely above a few MB). */
export const MAX_XML_BYTES = 32 * 1024 * 1024;

const MB = 1024 * 1024;

/**
 * Parses an XML document into plain objects, every text as a string (never a number: answer codes
 * like `01` must keep their zeros). A document type declaration is refused: LimeSurvey never writes
 * one, and entity definitions are how XML bombs expand.
 */
export function parseXml(
  text: string,
  file: string,
  isArray: (name: string, path: string) => boolean,
): Record<string, unknown> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_XML_BYTES) {
    throw new PanoramaError('import_too_large', {
      file,
      megabytes: Math.round((bytes / MB) * 10) / 10,
      limitMegabytes: MAX_XML_BYTES / MB,
    });
  }
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
    throw new PanoramaError('import_unreadable', { file, problem: 'doctype' });
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new PanoramaError('import_unreadable', {
      file,
      problem: 'xml',
      line: valid.err.line,
      column: valid.err.col,
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name, path) => isArray(name, String(path)),
  });
  return parser.parse(text) as Record<string, unknown>;
}

/** Text of a parsed node: strings as they are, empty elements as "". */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  return '';
}
