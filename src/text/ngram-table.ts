/**
 * Counts n-grams of 2–4 integer ids in an open-addressing hash table over typed arrays: no object
 * or string is allocated per occurrence, which keeps segment counting from dominating the text
 * analysis. Unused id slots hold -1.
 */
const SLOTS = 4;
const EMPTY = -1;
const MAX_LOAD = 0.6;

export class NgramTable {
  private ids: Int32Array;
  private counts: Int32Array;
  private mask: number;
  private size = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.ids = new Int32Array(capacity * SLOTS);
    this.counts = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.size;
  }

  /** Adds one occurrence; pass -1 for the unused trailing ids. */
  add(a: number, b: number, c: number, d: number): void {
    let slot = hash(a, b, c, d) & this.mask;
    const { ids, counts } = this;
    for (;;) {
      const count = counts[slot]!;
      const o = slot * SLOTS;
      if (count === 0) {
        ids[o] = a;
        ids[o + 1] = b;
        ids[o + 2] = c;
        ids[o + 3] = d;
        counts[slot] = 1;
        this.size++;
        if (this.size > (this.mask + 1) * MAX_LOAD) this.grow();
        return;
      }
      if (ids[o] === a && ids[o + 1] === b && ids[o + 2] === c && ids[o + 3] === d) {
        counts[slot] = count + 1;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Occurrences of an n-gram (0 when absent). */
  get(a: number, b: number, c: number, d: number): number {
    let slot = hash(a, b, c, d) & this.mask;
    const { ids, counts } = this;
    for (;;) {
      const count = counts[slot]!;
      if (count === 0) return 0;
      const o = slot * SLOTS;
      if (ids[o] === a && ids[o + 1] === b && ids[o + 2] === c && ids[o + 3] === d) return count;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Calls `visit` for every n-gram counted at least `minCount` times. */
  forEach(minCount: number, visit: (ids: number[], count: number) => void): void {
    const { ids, counts } = this;
    for (let slot = 0; slot <= this.mask; slot++) {
      const count = counts[slot]!;
      if (count < minCount || count === 0) continue;
      const o = slot * SLOTS;
      const gram = [ids[o]!, ids[o + 1]!];
      if (ids[o + 2] !== EMPTY) gram.push(ids[o + 2]!);
      if (ids[o + 3] !== EMPTY) gram.push(ids[o + 3]!);
      visit(gram, count);
    }
  }

  private grow(): void {
    const oldIds = this.ids;
    const oldCounts = this.counts;
    const capacity = (this.mask + 1) * 2;
    this.ids = new Int32Array(capacity * SLOTS);
    this.counts = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let slot = 0; slot < oldCounts.length; slot++) {
      const count = oldCounts[slot]!;
      if (count === 0) continue;
      const o = slot * SLOTS;
      let target = hash(oldIds[o]!, oldIds[o + 1]!, oldIds[o + 2]!, oldIds[o + 3]!) & this.mask;
      while (this.counts[target] !== 0) target = (target + 1) & this.mask;
      const t = target * SLOTS;
      this.ids[t] = oldIds[o]!;
      this.ids[t + 1] = oldIds[o + 1]!;
      this.ids[t + 2] = oldIds[o + 2]!;
      this.ids[t + 3] = oldIds[o + 3]!;
      this.counts[target] = count;
    }
  }
}

function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x2545f491, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ d, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}
