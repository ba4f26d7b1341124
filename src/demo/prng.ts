/** Small seeded PRNG (mulberry32): the same seed gives the same demo on every machine. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks with relative weights: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Each item kept with its own probability; at least `min` items. */
  subset<T>(items: readonly (readonly [T, number])[], min = 0): T[] {
    const out = items.filter(([, p]) => this.chance(p)).map(([v]) => v);
    while (out.length < min) {
      const v = this.pick(items)[0];
      if (!out.includes(v)) out.push(v);
    }
    return out;
  }

  /** Roughly normal (sum of uniforms), rounded and clamped. */
  around(mean: number, spread: number, min: number, max: number, decimals = 0): number {
    const u = (this.next() + this.next() + this.next() - 1.5) / 1.5;
    const v = Math.min(max, Math.max(min, mean + u * spread));
    const f = 10 ** decimals;
    return Math.round(v * f) / f;
  }
}
