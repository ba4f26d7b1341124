import { Resvg } from '@resvg/resvg-js';
import { XMLParser } from 'fast-xml-parser';
import { PanoramaError } from '../../contract/errors/index.js';
import { MAX_LOGO_BYTES, type LogoType } from '../../contract/identity.js';

/** Longest side accepted, in pixels (a larger bitmap is a photo, not a logo). */
export const MAX_LOGO_SIDE = 4000;
/** Width of the PNG drawn from an SVG logo for Word and PDF covers. */
const COVER_PNG_WIDTH = 600;

export interface CheckedLogo {
  type: LogoType;
  width: number;
  height: number;
  /** The file as it will be served (an SVG only after its checks passed). */
  bytes: Buffer;
  /** For an SVG, its PNG rendering (Word cannot show SVG alone); undefined for bitmaps. */
  png?: Buffer;
}

/**
 * Reads an uploaded logo: PNG, JPEG or SVG, recognised by their bytes (never by the file name),
 * bounded in size and in pixels. An SVG is refused rather than cleaned when it holds anything that
 * could run or fetch (scripts, event attributes, outside links, foreign content): a cleaned file
 * could look different from what the federation drew, a refusal says what to change.
 */
export function checkLogo(file: string, bytes: Buffer): CheckedLogo {
  if (bytes.length > MAX_LOGO_BYTES)
    throw new PanoramaError('identity_logo_too_large', {
      file,
      kilobytes: Math.ceil(bytes.length / 1024),
      limitKilobytes: MAX_LOGO_BYTES / 1024,
    });
  const bitmap = pngSize(bytes) ?? jpegSize(bytes);
  if (bitmap) {
    checkSides(file, bitmap.width, bitmap.height);
    return { ...bitmap, bytes };
  }
  const text = bytes.toString('utf8');
  if (!/<svg[\s>]/.test(text.slice(0, 4096))) throw new PanoramaError('identity_logo_type', { file });
  const found = unsafeSvgPart(text);
  if (found) throw new PanoramaError('identity_logo_unsafe_svg', { file, found });
  let resvg: Resvg;
  try {
    resvg = new Resvg(text, { fitTo: { mode: 'width', value: COVER_PNG_WIDTH } });
  } catch {
    throw new PanoramaError('identity_logo_unreadable', { file });
  }
  const width = Math.round(resvg.width);
  const height = Math.round(resvg.height);
  checkSides(file, width, height);
  const png = resvg.render().asPng();
  return { type: 'image/svg+xml', width, height, bytes, png };
}

function checkSides(file: string, width: number, height: number): void {
  if (width < 16 || height < 16 || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE)
    throw new PanoramaError('identity_logo_dimensions', { file, width, height, limit: MAX_LOGO_SIDE });
}

function pngSize(b: Buffer): { type: LogoType; width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (b.length < 24 || b.subarray(0, 8).toString('hex') !== signature) return undefined;
  if (b.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { type: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegSize(b: Buffer): { type: LogoType; width: number; height: number } | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    const length = b.readUInt16BE(at + 2);
    // SOF0–SOF15 carry the size; C4 (Huffman), C8 (reserved) and CC (arithmetic) do not.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { type: 'image/jpeg', height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return undefined;
}

// Drawing elements only. Editors' own namespaces (Inkscape, Sodipodi, RDF metadata) are inert.
const SVG_ELEMENTS = new Set(
  (
    'svg g path rect circle ellipse line polyline polygon text tspan textPath defs symbol use title desc ' +
    'metadata linearGradient radialGradient stop clipPath mask pattern marker image style switch ' +
    'filter feGaussianBlur feOffset feBlend feColorMatrix feFlood feComposite feMerge feMergeNode ' +
    'feMorphology feDropShadow'
  ).split(' '),
);
const INERT_PREFIXES = ['sodipodi:', 'inkscape:', 'rdf:', 'cc:', 'dc:', 'sketch:', 'serif:'];

/** The first part of an SVG that could run or fetch something, or undefined when there is none. */
export function unsafeSvgPart(text: string): string | undefined {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return '<!DOCTYPE>';
  if (/<\?xml-stylesheet/i.test(text)) return '<?xml-stylesheet?>';
  let nodes: unknown[];
  try {
    nodes = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      processEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
    }).parse(text) as unknown[];
  } catch {
    return 'XML';
  }
  return walk(nodes, false);
}

function walk(nodes: unknown[], inert: boolean): string | undefined {
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === ':@' || key === '#text' || key === '?xml' || key === '#comment') {
        if (key === ':@') {
          const bad = unsafeAttribute(value as Record<string, string>);
          if (bad) return bad;
        }
        continue;
      }
      const local = key.replace(/^svg:/, '');
      const isInert = inert || INERT_PREFIXES.some((p) => key.startsWith(p));
      if (!isInert && !SVG_ELEMENTS.has(local)) return `<${key}>`;
      if (local === 'style' && Array.isArray(value)) {
        const css = value.map((v) => String((v as Record<string, unknown>)['#text'] ?? '')).join('');
        if (unsafeCss(css)) return '<style> @import / url()';
      }
      if (Array.isArray(value)) {
        const bad = walk(value, isInert);
        if (bad) return bad;
      }
    }
  }
  return undefined;
}

function unsafeCss(css: string): boolean {
  return /@import|expression\s*\(|javascript:/i.test(css) || /url\(\s*['"]?(?!#)/i.test(css);
}

function unsafeAttribute(attributes: Record<string, string>): string | undefined {
  for (const [name, raw] of Object.entries(attributes)) {
    const value = String(raw);
    if (/^on/i.test(name)) return name;
    if (/(^|:)href$/i.test(name) && !value.startsWith('#') && !/^data:image\/(png|jpeg);base64,/i.test(value))
      return `${name}="${value.slice(0, 40)}"`;
    if (/javascript:/i.test(value)) return `${name}="${value.slice(0, 40)}"`;
    if (name === 'style' && unsafeCss(value)) return `style="${value.slice(0, 40)}"`;
    if (!/^(xmlns|xml:)/.test(name) && /^(url\(\s*['"]?(?!#))/i.test(value))
      return `${name}="${value.slice(0, 40)}"`;
  }
  return undefined;
}
