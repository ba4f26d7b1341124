/**
 * Counts n-grams of 2–4 integer ids in an open-addressing hash table over one typed array: no
 * object or string is allocated per occurrence, and a slot's count and ids share a cache line.
 * Unused trailing ids hold -1. Used per hash partition by `NgramCounter` (ngram-counter.ts).
 */
const STRIDE = 5; // count, a, b, c, d
const EMPTY = -1;
const MAX_LOAD = 0.6;

export class NgramTable {
  private slots: Int32Array<ArrayBuffer>;
  private mask: number;
  private size = 0;

  constructor(initialCapacity = 16) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Int32Array(capacity * STRIDE);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.size;
  }

  /** Adds `times` occurrences; `h` is `ngramHash(a, b, c, d)`, -1 for unused trailing ids. */
  add(h: number, a: number, b: number, c: number, d: number, times = 1): void {
    const slots = this.slots;
    const mask = this.mask;
    let o = (h & mask) * STRIDE;
    for (;;) {
      const count = slots[o]!;
      if (count === 0) {
        slots[o] = times;
        slots[o + 1] = a;
        slots[o + 2] = b;
        slots[o + 3] = c;
        slots[o + 4] = d;
        if (++this.size > (mask + 1) * MAX_LOAD) this.grow();
        return;
      }
      if (slots[o + 1] === a && slots[o + 2] === b && slots[o + 3] === c && slots[o + 4] === d) {
        slots[o] = count + times;
        return;
      }
      o = o + STRIDE === slots.length ? 0 : o + STRIDE;
    }
  }

  /** Occurrences of an n-gram (0 when absent). */
  get(h: number, a: number, b: number, c: number, d: number): number {
    const slots = this.slots;
    let o = (h & this.mask) * STRIDE;
    for (;;) {
      const count = slots[o]!;
      if (count === 0) return 0;
      if (slots[o + 1] === a && slots[o + 2] === b && slots[o + 3] === c && slots[o + 4] === d) return count;
      o = o + STRIDE === slots.length ? 0 : o + STRIDE;
    }
  }

  /** Appends every n-gram counted at least `minCount` times to `out`. */
  collect(minCount: number, out: GramList): void {
    const slots = this.slots;
    for (let o = 0; o < slots.length; o += STRIDE) {
      const count = slots[o]!;
      if (count !== 0 && count >= minCount)
        out.push(slots[o + 1]!, slots[o + 2]!, slots[o + 3]!, slots[o + 4]!, count);
    }
  }

  /** Calls `visit` for every n-gram counted at least `minCount` times. */
  forEach(minCount: number, visit: (ids: number[], count: number) => void): void {
    const slots = this.slots;
    for (let o = 0; o < slots.length; o += STRIDE) {
      const count = slots[o]!;
      if (count === 0 || count < minCount) continue;
      const gram = [slots[o + 1]!, slots[o + 2]!];
      if (slots[o + 3] !== EMPTY) gram.push(slots[o + 3]!);
      if (slots[o + 4] !== EMPTY) gram.push(slots[o + 4]!);
      visit(gram, count);
    }
  }

  /** Grows ahead so that `entries` distinct n-grams fit without intermediate rehashing. */
  reserve(entries: number): void {
    let capacity = this.mask + 1;
    while (entries > capacity * MAX_LOAD) capacity *= 2;
    if (capacity > this.mask + 1) this.grow(capacity);
  }

  private grow(capacity = (this.mask + 1) * 2): void {
    const old = this.slots;
    const slots = new Int32Array(capacity * STRIDE);
    const mask = capacity - 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from] === 0) continue;
      let o = (ngramHash(old[from + 1]!, old[from + 2]!, old[from + 3]!, old[from + 4]!) & mask) * STRIDE;
      while (slots[o] !== 0) o = o + STRIDE === slots.length ? 0 : o + STRIDE;
      slots[o] = old[from]!;
      slots[o + 1] = old[from + 1]!;
      slots[o + 2] = old[from + 2]!;
      slots[o + 3] = old[from + 3]!;
      slots[o + 4] = old[from + 4]!;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** 32-bit mix of an n-gram's ids; its top bits choose the partition, its low bits the slot. */
export function ngramHash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x2545f491, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ d, 0x27d4eb2f);
  return h ^ (h >>> 15);
}

/** A growable flat list of n-grams: ids (4 per n-gram, -1 padded) and counts. */
export class GramList {
  ids = new Int32Array(256 * 4);
  counts = new Int32Array(256);
  length = 0;

  push(a: number, b: number, c: number, d: number, count: number): void {
    if (this.length === this.counts.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    const o = this.length * 4;
    this.ids[o] = a;
    this.ids[o + 1] = b;
    this.ids[o + 2] = c;
    this.ids[o + 3] = d;
    this.counts[this.length++] = count;
  }

  /** Number of ids of n-gram `r` (2–4). */
  size(r: number): number {
    const o = r * 4;
    return this.ids[o + 3] !== -1 ? 4 : this.ids[o + 2] !== -1 ? 3 : 2;
  }
}
