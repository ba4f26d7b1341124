import type { TextLang } from './stopwords.js';

/**
 * The `n` rows with the highest counts, ties in French (or English) alphabetical order. Only the
 * rows that can reach the top are collated, so a long tail of rare words costs a numeric sort.
 */
export function topByCount<T extends { count: number }>(
  rows: T[],
  labelOf: (row: T) => string,
  n: number,
  lang: TextLang,
): T[] {
  if (n <= 0 || rows.length === 0) return [];
  let candidates = rows;
  if (n < rows.length) {
    // The n-th highest count, from a native numeric sort; only rows reaching it are collated.
    const counts = Int32Array.from(rows, (row) => row.count).sort();
    const threshold = counts[counts.length - n]!;
    candidates = rows.filter((row) => row.count >= threshold);
  }
  const collator = collatorFor(lang);
  const labelled = candidates.map((row) => ({ row, label: labelOf(row) }));
  labelled.sort((a, b) => b.row.count - a.row.count || collator.compare(a.label, b.label));
  return labelled.slice(0, n).map(({ row }) => row);
}

const collators = new Map<TextLang, Intl.Collator>();
function collatorFor(lang: TextLang): Intl.Collator {
  let collator = collators.get(lang);
  if (collator === undefined) {
    collator = new Intl.Collator(lang);
    collators.set(lang, collator);
  }
  return collator;
}
