import { CHAR_CLASS, CHAR_TABLE, classifySlow } from './chars.js';
import { FNV, hashRange } from './hash.js';

// Module-local copies: imported bindings are getter calls under tsx (see chars.ts).
const { APOSTROPHE, DIGIT, HIGH_SURROGATE, HYPHEN, LETTER, MARK, NEWLINE, SPACE } = CHAR_CLASS;
const TABLE = CHAR_TABLE;
const { OFFSET, PRIME } = FNV;
const classify = classifySlow;

function charClass(code: number): number {
  const cls = TABLE[code]!;
  return cls !== 0 ? cls : classify(code);
}

/**
 * Receives tokens in text order. Most tokens arrive as `range` (the surface form is exactly
 * `text.slice(start, end)`, left unsliced so that a sink can look it up in place, with its
 * `hashRange` computed during the scan); tokens that
 * had to be rewritten (typographic apostrophes, split compounds) arrive as `token`. `boundary`
 * marks punctuation or a line break between two tokens.
 */
export interface TokenSink {
  token(surface: string): void;
  range(text: string, start: number, end: number, hash: number): void;
  boundary(): void;
}

/** Elided words, written without their apostrophe, split off the word they precede ("l'emploi"). */
export const ELISION_PREFIXES: ReadonlySet<string> = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  'quelqu',
]);

/** Pronouns that follow a verb after a hyphen ("dit-il", "pensez-vous"): split off the verb. */
const CLITICS: ReadonlySet<string> = new Set([
  'je',
  'tu',
  'il',
  'ils',
  'elle',
  'elles',
  'on',
  'nous',
  'vous',
  'ce',
  'le',
  'la',
  'les',
  'lui',
  'leur',
  'moi',
  'toi',
  'en',
  'y',
]);

/** Hyphenated nouns whose last part looks like a clitic pronoun. */
const KEEP_HYPHENATED: ReadonlySet<string> = new Set(['rendez-vous', 'chez-soi', 'va-et-vient']);

const MAX_ELISION_LENGTH = 6;
const AT = 0x40;
const DOT = 0x2e;
const COMMA = 0x2c;
const ASCII_APOSTROPHE = 0x27;
const ASCII_HYPHEN = 0x2d;

/**
 * Splits a text into word tokens: elisions split off ("l'", "jusqu'", with ' or ’, written back
 * with '), hyphenated compounds kept ("vis-à-vis", "Pas-de-Calais") except for trailing pronouns
 * ("a-t-il" → "a", "il"), numbers kept ("2018", "10,5"), URLs and e-mail addresses kept whole,
 * punctuation, symbols and emojis dropped. Surface forms keep their case.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  scanText(text, {
    token: (surface) => {
      tokens.push(surface);
    },
    range: (source, start, end) => {
      tokens.push(source.slice(start, end));
    },
    boundary: () => {},
  });
  return tokens;
}

/** Single pass over `text`, one char-code lookup per character; feeds `sink`. */
export function scanText(text: string, sink: TokenSink): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === LETTER || cls === DIGIT) {
      i = scanWord(text, i, sink);
      continue;
    }
    if (cls !== SPACE) {
      // An emoji or other astral character: skip its second half too (a lone half stands alone).
      if (cls === HIGH_SURROGATE && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      sink.boundary();
    }
    i++;
  }
}

function scanWord(text: string, start: number, sink: TokenSink): number {
  const first = text.charCodeAt(start);
  if ((first === 0x68 || first === 0x77) && isUrlStart(text, start)) return scanUrl(text, start, sink);
  const n = text.length;
  let s = start;
  let i = start + 1;
  let hyphens = 0;
  // Set when the word holds a typographic apostrophe/hyphen or a combining mark to normalise.
  let fancy = false;
  // hashRange(text, s, i), kept up to date so that sinks need not read the token again.
  let h = Math.imul(OFFSET ^ first, PRIME);
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === LETTER || cls === DIGIT) {
      h = Math.imul(h ^ code, PRIME);
      i++;
      continue;
    }
    if (cls === MARK) {
      fancy = true;
      i++;
      continue;
    }
    if (i + 1 >= n) break;
    const next = charClass(text.charCodeAt(i + 1));
    if (cls === APOSTROPHE) {
      if (next !== LETTER) break;
      if (
        hyphens === 0 &&
        i - s <= MAX_ELISION_LENGTH &&
        ELISION_PREFIXES.has(text.slice(s, i).toLowerCase())
      ) {
        if (code === ASCII_APOSTROPHE) sink.range(text, s, i + 1, Math.imul(h ^ code, PRIME));
        else sink.token(text.slice(s, i) + "'");
        s = i + 1;
        h = Math.imul(OFFSET ^ text.charCodeAt(i + 1), PRIME);
        i += 2;
        continue;
      }
      if (code !== ASCII_APOSTROPHE) fancy = true;
      h = Math.imul(Math.imul(h ^ code, PRIME) ^ text.charCodeAt(i + 1), PRIME);
      i += 2;
      continue;
    }
    if (cls === HYPHEN) {
      if (next !== LETTER && next !== DIGIT) break;
      if (code !== ASCII_HYPHEN) fancy = true;
      hyphens++;
      h = Math.imul(Math.imul(h ^ code, PRIME) ^ text.charCodeAt(i + 1), PRIME);
      i += 2;
      continue;
    }
    if ((code === DOT || code === COMMA) && next === DIGIT && charClass(text.charCodeAt(i - 1)) === DIGIT) {
      h = Math.imul(Math.imul(h ^ code, PRIME) ^ text.charCodeAt(i + 1), PRIME);
      i += 2;
      continue;
    }
    break;
  }
  if (i < n && isEmailJoiner(text.charCodeAt(i))) {
    const end = emailEnd(text, s, i);
    if (end > 0) {
      sink.range(text, s, end, hashRange(text, s, end));
      return end;
    }
  }
  if (fancy) emitWord(normalizeSurface(text.slice(s, i)), hyphens, sink);
  else if (hyphens === 0) sink.range(text, s, i, h);
  else emitWord(text.slice(s, i), hyphens, sink);
  return i;
}

/** Typographic apostrophes and hyphens become ASCII; decomposed accents are composed (NFC). */
export function normalizeSurface(word: string): string {
  return word
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/[\u2010\u2011]/g, '-')
    .normalize('NFC');
}

function emitWord(word: string, hyphens: number, sink: TokenSink): void {
  if (hyphens === 0) {
    sink.token(word);
    return;
  }
  const parts = word.split('-');
  let head = parts.length;
  while (head > 1 && CLITICS.has(parts[head - 1]!.toLowerCase())) head--;
  // Euphonic "t" between a verb and its pronoun ("a-t-il") belongs to neither.
  if (head > 1 && head < parts.length && parts[head - 1]!.toLowerCase() === 't') head--;
  if (head === parts.length || KEEP_HYPHENATED.has(word.toLowerCase())) {
    sink.token(word);
    return;
  }
  sink.token(parts.slice(0, head).join('-'));
  for (let k = head; k < parts.length; k++) {
    const part = parts[k]!;
    if (part.toLowerCase() !== 't') sink.token(part);
  }
}

function isUrlStart(text: string, i: number): boolean {
  return text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i);
}

function scanUrl(text: string, start: number, sink: TokenSink): number {
  const n = text.length;
  let i = start;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === SPACE || cls === NEWLINE || cls === HIGH_SURROGATE) break;
    if (code === 0x3c || code === 0x3e || code === 0x22 || code === 0xab || code === 0xbb) break;
    i++;
  }
  let end = i;
  // Sentence punctuation right after a URL is not part of it.
  while (end > start && '.,;:!?)]\'"'.includes(text[end - 1]!)) end--;
  sink.range(text, start, end, hashRange(text, start, end));
  return end;
}

function isEmailJoiner(code: number): boolean {
  return code === AT || code === DOT || code === 0x5f || code === 0x2b || code === ASCII_HYPHEN;
}

/** End of an e-mail address starting at `start` (the word scan stopped at `from`), or -1. */
function emailEnd(text: string, start: number, from: number): number {
  const n = text.length;
  let q = from;
  let at = -1;
  while (q < n) {
    const code = text.charCodeAt(q);
    const cls = charClass(code);
    if (
      cls === LETTER ||
      cls === DIGIT ||
      code === DOT ||
      code === 0x5f ||
      code === 0x2b ||
      code === ASCII_HYPHEN
    ) {
      q++;
    } else if (code === AT && at < 0) {
      at = q;
      q++;
    } else break;
  }
  while (q > from && (text.charCodeAt(q - 1) === DOT || text.charCodeAt(q - 1) === ASCII_HYPHEN)) q--;
  if (at <= start || at + 1 >= q) return -1;
  const domainDot = text.indexOf('.', at + 1);
  if (domainDot < 0 || domainDot >= q - 1) return -1;
  return q;
}
