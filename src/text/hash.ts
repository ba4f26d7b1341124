/** FNV-1a over UTF-16 code units: the tokenizer computes it while scanning, interning reuses it. */
export const FNV = { OFFSET: 0x811c9dc5 | 0, PRIME: 0x01000193 } as const;

export function hashRange(text: string, start: number, end: number): number {
  let h = FNV.OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV.PRIME);
  return h;
}
