/**
 * Character classes for the tokenizer. A lookup table over the whole BMP is filled eagerly for
 * Latin scripts (what French text is made of) and lazily for everything else, so the hot loop
 * is one typed-array read per character instead of a Unicode regex.
 *
 * Hot code should copy the constants into module-local `const`s (destructure `CHAR_CLASS`):
 * under tsx every read of an imported binding is a getter call, which cost 40 % of the run.
 */
const UNKNOWN = 0;
/** Horizontal whitespace: separates tokens, does not break a segment. */
const SPACE = 1;
/** Line breaks: separate tokens and break repeated segments (one list item per line). */
const NEWLINE = 2;
/** Any other symbol: separates tokens and breaks repeated segments. */
const PUNCT = 3;
const LETTER = 4;
const DIGIT = 5;
/** Combining marks (decomposed accents) continue the current word. */
const MARK = 6;
const APOSTROPHE = 7;
const HYPHEN = 8;
/** First half of a surrogate pair (emoji, rare scripts): skipped with its pair, as punctuation. */
const HIGH_SURROGATE = 9;

export const CHAR_CLASS = {
  SPACE,
  NEWLINE,
  PUNCT,
  LETTER,
  DIGIT,
  MARK,
  APOSTROPHE,
  HYPHEN,
  HIGH_SURROGATE,
} as const;

/** Class of every UTF-16 code unit; 0 = not classified yet (see `classifySlow`). */
export const CHAR_TABLE = new Uint8Array(0x10000);
const table = CHAR_TABLE;

function setRange(from: number, to: number, cls: number): void {
  table.fill(cls, from, to + 1);
}

setRange(0x00, 0x24f, PUNCT);
setRange(0x30, 0x39, DIGIT);
setRange(0x41, 0x5a, LETTER);
setRange(0x61, 0x7a, LETTER);
for (const c of [0xaa, 0xb5, 0xba]) table[c] = LETTER;
setRange(0xc0, 0x24f, LETTER);
table[0xd7] = PUNCT; // ×
table[0xf7] = PUNCT; // ÷
for (const c of [0x20, 0x09, 0x0b, 0x0c, 0xa0]) table[c] = SPACE;
for (const c of [0x0a, 0x0d, 0x85]) table[c] = NEWLINE;
table[0x27] = APOSTROPHE;
table[0x2d] = HYPHEN;
// Typographic apostrophes (’ and ʼ) are as common as ' in French input.
table[0x2019] = APOSTROPHE;
table[0x02bc] = APOSTROPHE;
table[0x2010] = HYPHEN;
table[0x2011] = HYPHEN;
setRange(0x0300, 0x036f, MARK);
setRange(0x2000, 0x200b, SPACE);
for (const c of [0x202f, 0x205f, 0x3000, 0xfeff]) table[c] = SPACE;
table[0x2028] = NEWLINE;
table[0x2029] = NEWLINE;
setRange(0xd800, 0xdbff, HIGH_SURROGATE);
setRange(0xdc00, 0xdfff, PUNCT);

const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\p{Nd}/u;
const MARK_RE = /\p{M}/u;
const SPACE_RE = /\s/u;

/** Classifies a code unit outside the Latin ranges and remembers the answer in the table. */
export function classifySlow(code: number): number {
  const ch = String.fromCharCode(code);
  const cls = LETTER_RE.test(ch)
    ? LETTER
    : DIGIT_RE.test(ch)
      ? DIGIT
      : MARK_RE.test(ch)
        ? MARK
        : SPACE_RE.test(ch)
          ? SPACE
          : PUNCT;
  table[code] = cls;
  return cls;
}

/** Class of a UTF-16 code unit. */
export function charClass(code: number): number {
  const cls = table[code]!;
  return cls !== UNKNOWN ? cls : classifySlow(code);
}
