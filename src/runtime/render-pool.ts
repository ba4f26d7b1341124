import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { PanoramaError } from '../contract/errors/index.js';
import { BytesLru } from './lru.js';
import type { RenderTask } from './render-tasks.js';
import { workerEntry } from './worker-entry.js';

export interface RenderPoolOptions {
  /** Worker threads rendering at once; default: the cores less one for the event loop (at least 1). */
  threads?: number;
  /** Renders allowed to wait for a thread; beyond that a request gets 503. Default 4 × threads. */
  queue?: number;
  /** Bounds of the in-memory cache of finished documents (default 32 documents, 256 MB). */
  cacheEntries?: number;
  cacheBytes?: number;
}

export interface RenderPoolStats {
  rendered: number;
  cacheHits: number;
  refused: number;
  /** Renders running or waiting now. */
  pending: number;
}

const RETRY_AFTER_SECONDS = 10;

export function defaultRenderThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * DOCX, PDF, XLSX and HTML documents laid out in worker threads (piscina), so that a report of
 * thousands of responses, which takes seconds of CPU, never holds the event loop that answers
 * respondents. Bounded twice: `threads` renders run at once, `queue` more may wait, and any further
 * one is refused at once with a 503 (`render_busy`) rather than piling up memory. Finished
 * documents are cached by the content of their task (the model already holds the campaign, its
 * data, the caller's scope and every option, so equal models make equal documents), and identical
 * renders asked at the same time share one run.
 */
export class RenderPool {
  readonly threads: number;
  readonly queue: number;
  private pool: Piscina | undefined;
  private readonly cache: BytesLru;
  private pending = 0;
  private readonly counts = { rendered: 0, cacheHits: 0, refused: 0 };

  constructor(options: RenderPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? defaultRenderThreads()));
    this.queue = Math.max(0, Math.floor(options.queue ?? 4 * this.threads));
    this.cache = new BytesLru(options.cacheEntries ?? 32, options.cacheBytes ?? 256 * 1024 * 1024);
  }

  get stats(): RenderPoolStats {
    return { ...this.counts, pending: this.pending };
  }

  /** The document, from the cache or a worker; `render_busy` (503) when the queue is full. */
  render(task: RenderTask): Promise<Buffer> {
    const key = renderKey(task);
    const cached = this.cache.get(key);
    if (cached) {
      this.counts.cacheHits += 1;
      return cached;
    }
    if (this.pending >= this.threads + this.queue) {
      this.counts.refused += 1;
      return Promise.reject(this.busy());
    }
    const result = this.run(task);
    this.cache.set(key, result);
    return result;
  }

  /** Stops the workers (running renders are abandoned); the pool starts again on the next render. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private async run(task: RenderTask): Promise<Buffer> {
    this.pending += 1;
    try {
      const bytes = (await this.workers().run(task)) as Uint8Array;
      this.counts.rendered += 1;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (err) {
      // Piscina's own bound is a backstop for ours; both mean the same to the client.
      if (err instanceof Error && /queue is at limit/i.test(err.message)) throw this.busy();
      throw err;
    } finally {
      this.pending -= 1;
    }
  }

  private busy(): PanoramaError<'render_busy'> {
    return new PanoramaError('render_busy', {
      pending: this.pending,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }

  /** Started on first use: a server that never renders a document never starts a thread. */
  private workers(): Piscina {
    if (!this.pool) {
      const entry = workerEntry(new URL('./render-worker', import.meta.url));
      this.pool = new Piscina({
        filename: entry.filename,
        execArgv: entry.execArgv,
        minThreads: 0,
        maxThreads: this.threads,
        maxQueue: this.queue + this.threads,
        // Importing the renderers (pdfmake, docx, ECharts, fonts) costs about a second: keep warm workers a while.
        idleTimeout: 5 * 60_000,
      });
    }
    return this.pool;
  }
}

/** The cache key: a digest of everything the renderer reads. */
export function renderKey(task: RenderTask): string {
  return createHash('sha256').update(JSON.stringify(task)).digest('base64url');
}
