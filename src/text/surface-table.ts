import { hashRange } from './hash.js';

/**
 * Interns token surface forms. Lookups hash and compare the characters in place in the source
 * text against a pool of UTF-16 code units, so a token already seen costs no string allocation
 * and no polymorphic string-to-string comparison; only new forms are copied. Stored forms do not
 * keep their source text alive (a sliced string would).
 */
const EMPTY = -1;
// The pool holds UTF-16 code units in platform order, little-endian on every supported platform.
const UTF16 = new TextDecoder('utf-16le');
const MAX_LOAD = 0.5;

export class SurfaceTable {
  private size_ = 0;
  private chars = new Uint16Array(1 << 12);
  private charsUsed = 0;
  private offsets = new Int32Array(256);
  private lengths = new Int32Array(256);
  private hashes = new Int32Array(256);
  private slots: Int32Array;
  private mask: number;

  constructor(initialCapacity = 256) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  /** Number of distinct surface forms; entries are numbered 0…size−1 in order of appearance. */
  get size(): number {
    return this.size_;
  }

  /** Entry index of `text.slice(start, end)`, added when new; `h` is its `hashRange`. */
  addRange(text: string, start: number, end: number, h: number): number {
    const { slots, mask, chars, offsets, lengths, hashes } = this;
    const length = end - start;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === EMPTY) break;
      if (hashes[entry] === h && lengths[entry] === length) {
        const offset = offsets[entry]! - start;
        let i = start;
        while (i < end && chars[offset + i] === text.charCodeAt(i)) i++;
        if (i === end) return entry;
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(text, start, end, h, slot);
  }

  /** Entry index of `surface`, added when new. */
  add(surface: string): number {
    return this.addRange(surface, 0, surface.length, hashRange(surface, 0, surface.length));
  }

  /** The surface form of an entry (a new string: it keeps no source text alive). */
  surface(entry: number): string {
    const offset = this.offsets[entry]!;
    return UTF16.decode(this.chars.subarray(offset, offset + this.lengths[entry]!));
  }

  private insert(text: string, start: number, end: number, h: number, slot: number): number {
    const entry = this.size_++;
    if (entry === this.hashes.length) {
      this.offsets = grown(this.offsets);
      this.lengths = grown(this.lengths);
      this.hashes = grown(this.hashes);
    }
    const length = end - start;
    while (this.charsUsed + length > this.chars.length) {
      const chars = new Uint16Array(this.chars.length * 2);
      chars.set(this.chars);
      this.chars = chars;
    }
    for (let i = 0; i < length; i++) this.chars[this.charsUsed + i] = text.charCodeAt(start + i);
    this.offsets[entry] = this.charsUsed;
    this.lengths[entry] = length;
    this.hashes[entry] = h;
    this.charsUsed += length;
    this.slots[slot] = entry;
    if (this.size_ > (this.mask + 1) * MAX_LOAD) this.rehash();
    return entry;
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    for (let entry = 0; entry < this.size_; entry++) {
      let slot = this.hashes[entry]! & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry;
    }
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(array.length * 2);
  out.set(array);
  return out;
}
