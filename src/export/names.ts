/** Words SPSS keeps for itself: a variable cannot be called so. */
const SPSS_RESERVED = new Set([
  'ALL',
  'AND',
  'BY',
  'EQ',
  'GE',
  'GT',
  'LE',
  'LT',
  'NE',
  'NOT',
  'OR',
  'TO',
  'WITH',
]);
const MAX_LENGTH = 64;

/**
 * Variable names that both R and SPSS accept, one per column and all different (case aside):
 * ASCII letters, digits and `_`, starting with a letter, at most 64 characters.
 * "q3/en_progression" → "q3_en_progression", "3-ages" → "v3_ages".
 */
export function statisticalNames(keys: readonly string[]): string[] {
  const used = new Set<string>();
  return keys.map((key) => {
    let base = key
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/_+/g, '_')
      .replace(/^_|_$/g, '');
    if (!/^[A-Za-z]/.test(base)) base = `v${base ? `_${base}` : ''}`;
    if (SPSS_RESERVED.has(base.toUpperCase())) base = `${base}_v`;
    base = base.slice(0, MAX_LENGTH);
    let name = base;
    for (let n = 2; used.has(name.toUpperCase()); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, MAX_LENGTH - suffix.length) + suffix;
    }
    used.add(name.toUpperCase());
    return name;
  });
}

/** Text cut to at most `maxBytes` bytes of UTF-8, never in the middle of a character. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let size = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > maxBytes) break;
    out += ch;
    size += n;
  }
  return out;
}
