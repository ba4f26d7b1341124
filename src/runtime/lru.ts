/**
 * A least-recently-used cache bounded both by entry count and by total bytes. Values are promises
 * so that identical requests arriving together share one computation: a pending entry counts 0
 * bytes until it settles, a rejected one is dropped (failures are never cached).
 */
export class BytesLru {
  private readonly entries = new Map<string, { value: Promise<Buffer>; bytes: number }>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  /** The cached or pending value, marked as most recently used. */
  get(key: string): Promise<Buffer> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores the computation under `key` once; it is evicted again if it fails or is too large. */
  set(key: string, value: Promise<Buffer>): void {
    if (this.maxEntries <= 0) return;
    this.delete(key);
    const entry = { value, bytes: 0 };
    this.entries.set(key, entry);
    value.then(
      (buffer) => {
        if (this.entries.get(key) !== entry) return;
        if (buffer.length > this.maxBytes) return void this.delete(key);
        entry.bytes = buffer.length;
        this.total += buffer.length;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.delete(key);
      },
    );
    this.evict();
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total -= entry.bytes;
    this.entries.delete(key);
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.total <= this.maxBytes) return;
      this.delete(key);
    }
  }
}
