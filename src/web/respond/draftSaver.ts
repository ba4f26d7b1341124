/**
 * Debounced, serialised autosave: at most one request in flight, the latest data always wins,
 * a failed save is retried. Framework-free so it can be tested without a browser.
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string; fatal: boolean };

export interface DraftSaverOptions<T> {
  /** Sends one draft; resolves with the server's `savedAt`. */
  send: (data: T) => Promise<string>;
  /** Debounce delay while the user is typing. */
  delayMs?: number;
  /** Delay before retrying after a failure that is not fatal. */
  retryMs?: number;
  /** A fatal error (campaign closed, link revoked) stops saving. */
  isFatal?: (error: unknown) => boolean;
  /** The server refused this data (a value it does not accept): not retried, newer data is still sent. */
  isRefused?: (error: unknown) => boolean;
  onState?: (state: SaveState) => void;
}

export class DraftSaver<T> {
  private pending: { data: T } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;
  private readonly delayMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: DraftSaverOptions<T>) {
    this.delayMs = options.delayMs ?? 800;
    this.retryMs = options.retryMs ?? 5000;
  }

  /** Remembers `data` and saves it after the debounce delay (restarted by each call). */
  schedule(data: T): void {
    if (this.stopped) return;
    this.pending = { data };
    this.arm(this.delayMs);
  }

  /** Saves what is pending now (page change, before submitting); resolves when it is done. */
  async flush(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    if (this.stopped || !this.pending) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.start();
  }

  /** What would be sent next, for a last-chance `keepalive` request when the page is closed. */
  takePending(): T | undefined {
    const data = this.pending?.data;
    this.pending = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    return data;
  }

  hasPending(): boolean {
    return this.pending !== undefined;
  }

  /** No more saves (after a submission, or when the campaign closed). */
  stop(): void {
    this.stopped = true;
    this.pending = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // While a request is in flight, start() re-arms when it ends.
      if (!this.inFlight) void this.start();
    }, ms);
  }

  private start(): Promise<void> {
    const promise = this.run().then((failed) => {
      this.inFlight = undefined;
      if (!this.stopped && this.pending && !this.timer) this.arm(failed ? this.retryMs : this.delayMs);
    });
    this.inFlight = promise;
    return promise;
  }

  /** Sends the pending data; true when the request failed. */
  private async run(): Promise<boolean> {
    const next = this.pending;
    this.pending = undefined;
    if (!next || this.stopped) return false;
    this.options.onState?.({ kind: 'saving' });
    try {
      const at = await this.options.send(next.data);
      if (!this.stopped) this.options.onState?.({ kind: 'saved', at });
      return false;
    } catch (error) {
      const fatal = this.options.isFatal?.(error) ?? false;
      const message = error instanceof Error ? error.message : String(error);
      this.options.onState?.({ kind: 'failed', message, fatal });
      if (fatal) this.stop();
      else if (this.options.isRefused?.(error))
        return false; // resending the same data cannot help
      else if (!this.pending) this.pending = next; // newer data, if any, supersedes the failed one
      return true;
    }
  }
}
