import type { SegmentCount } from '../report/model.js';
import type { NgramCounter } from './ngram-counter.js';
import { NgramTable, ngramHash } from './ngram-table.js';
import { topByCount } from './ranking.js';
import type { TextLang } from './stopwords.js';

const NONE = -1;
const MIN_WORDS = 2;

/** Tokens back into text: no space after an elided word ("accès à l'emploi"). */
export function joinTokens(tokens: readonly string[]): string {
  let out = '';
  for (const token of tokens) {
    if (out !== '' && !out.endsWith("'")) out += ' ';
    out += token;
  }
  return out;
}

/**
 * The top repeated segments among the counted n-grams: those seen at least `minCount` times,
 * minus those always seen inside a longer counted segment (same count), which add nothing.
 */
export function segmentRows(
  ngrams: NgramCounter,
  contentKey: Uint8Array,
  display: readonly string[],
  minCount: number,
  topN: number,
  lang: TextLang,
): SegmentCount[] {
  if (topN <= 0) return [];
  const found = ngrams.collect(Math.max(1, minCount));
  const { ids, counts } = found;
  const ascending = counts.slice(0, found.length).sort();
  const absorbed = new NgramTable();
  const sub = [NONE, NONE, NONE, NONE];
  // Segments at or above this count have had their sub-segments looked at.
  let absorbedDownTo = Infinity;
  let rows: { r: number; count: number; segment: string }[] = [];
  // Only segments that can reach the top N are checked for absorption: a segment can only be
  // absorbed by one with the same count, so a count threshold bounds both. The threshold is
  // lowered until N segments survive (or every segment was considered).
  for (let wanted = topN; ; wanted *= 2) {
    const threshold = wanted >= found.length ? (ascending[0] ?? 0) : ascending[found.length - wanted]!;
    for (let r = 0; r < found.length; r++) {
      const size = found.size(r);
      const count = counts[r]!;
      if (size <= MIN_WORDS || count < threshold || count >= absorbedDownTo) continue;
      const o = r * 4;
      for (let from = 0; from < size; from++) {
        for (let to = from + MIN_WORDS; to <= size; to++) {
          if (to - from === size || !contentKey[ids[o + from]!] || !contentKey[ids[o + to - 1]!]) continue;
          for (let k = 0; k < 4; k++) sub[k] = from + k < to ? ids[o + from + k]! : NONE;
          const [a, b, c, d] = sub as [number, number, number, number];
          if (ngrams.get(a, b, c, d) === count) absorbed.add(ngramHash(a, b, c, d), a, b, c, d);
        }
      }
    }
    absorbedDownTo = threshold;
    rows = [];
    for (let r = 0; r < found.length; r++) {
      if (counts[r]! < threshold) continue;
      const o = r * 4;
      const [a, b, c, d] = [ids[o]!, ids[o + 1]!, ids[o + 2]!, ids[o + 3]!];
      if (absorbed.length === 0 || absorbed.get(ngramHash(a, b, c, d), a, b, c, d) === 0) {
        rows.push({ r, count: counts[r]!, segment: '' });
      }
    }
    if (rows.length >= topN || wanted >= found.length) break;
  }
  const label = (row: { r: number; segment: string }): string => {
    if (row.segment === '') {
      const words: string[] = [];
      for (let k = 0; k < found.size(row.r); k++) words.push(display[ids[row.r * 4 + k]!]!);
      row.segment = joinTokens(words);
    }
    return row.segment;
  };
  return topByCount(rows, label, topN, lang).map((row) => ({ segment: label(row), count: row.count }));
}
