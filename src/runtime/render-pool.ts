import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { PanoramaError } from '../contract/errors/index.js';
import { BytesLru } from './lru.js';
import type { RenderTask } from './render-tasks.js';
import type { ResponseRecord } from '../survey/records.js';
import { renderKey } from './render-key.js';
import { cooperative } from './cooperative.js';
import {
  ABORT,
  END_OF_RESPONSES,
  type ReportJobMessage,
  type ReportOptionsProblem,
  type ReportJobResult,
  type ReportJobTask,
  type ReportStoreSource,
} from './report-build.js';
import { workerEntry } from './worker-entry.js';

export interface RenderPoolOptions {
  /** Worker threads rendering at once; default: the cores less one for the event loop (at least 1). */
  threads?: number;
  /** Renders allowed to wait for a thread; beyond that a request gets 503. Default 4 × threads. */
  queue?: number;
  /** Bounds of the in-memory cache of finished documents (default 32 documents, 256 MB). */
  cacheEntries?: number;
  cacheBytes?: number;
  /**
   * Niceness added to the worker threads (0 to 19, default 10): renders are background work, so
   * on a busy machine the kernel runs the event loop first.
   */
  nice?: number;
  /**
   * Render on the calling thread instead (same queue bound and cache): only for benchmarks that
   * measure what the event loop suffered before the pool.
   */
  inline?: boolean;
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
  private readonly inline: boolean;
  private readonly nice: number;

  constructor(options: RenderPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? defaultRenderThreads()));
    this.queue = Math.max(0, Math.floor(options.queue ?? 4 * this.threads));
    this.inline = options.inline ?? false;
    this.nice = Math.min(19, Math.max(0, Math.floor(options.nice ?? 10)));
    this.cache = new BytesLru(options.cacheEntries ?? 32, options.cacheBytes ?? 256 * 1024 * 1024);
  }

  get stats(): RenderPoolStats {
    return { ...this.counts, pending: this.pending };
  }

  /**
   * The document, from the cache or a worker; `render_busy` (503) when the queue is full. `key`
   * is `renderKey(task)`, given when a worker already computed it (buildReport).
   */
  render(task: RenderTask, key = renderKey(task)): Promise<Buffer> {
    const cached = this.cache.get(key);
    if (cached) {
      this.counts.cacheHits += 1;
      return cached;
    }
    try {
      this.admit();
    } catch (err) {
      return Promise.reject(err);
    }
    const result = this.run(task).then((value) => {
      const bytes = value as Uint8Array;
      this.counts.rendered += 1;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    });
    this.cache.set(key, result);
    return result;
  }

  /**
   * A report built and rendered in a worker (report-build.ts): only the document's bytes come back
   * to this thread. `source` is where the worker reads the responses: from its own read-only
   * store (`{ store, campaignId, structureIds }`, nothing to do here), or from records this
   * thread reads and streams to it in batches of `batchSize`, with at most `window` batches
   * unacknowledged, yielding to other requests as it goes. Once the model is built the worker
   * asks for its cache key: an equal document, finished or being rendered, is served from the
   * cache instead (JSON is never cached).
   */
  async report(
    task: Omit<ReportJobTask, 'kind' | 'port' | 'source'>,
    source: ReportStoreSource | AsyncIterable<ResponseRecord>,
    { batchSize = 250, window = 4 } = {},
  ): Promise<{ body: Buffer } | { optionsError: ReportOptionsProblem }> {
    this.admit();
    const { port1, port2 } = new MessageChannel();
    const streamed = Symbol.asyncIterator in source;
    let hit: Promise<Buffer> | undefined;
    let mine: { resolve: (b: Buffer) => void; reject: (e: unknown) => void } | undefined;
    let unacknowledged = 0;
    let wake = () => {};
    port1.on('message', (message: ReportJobMessage) => {
      if (typeof message === 'number') {
        unacknowledged -= 1;
        return wake();
      }
      hit = this.cache.get(message.key);
      if (hit) {
        this.counts.cacheHits += 1;
      } else {
        // Reserved now, so that an equal report asked meanwhile joins this render.
        this.cache.set(message.key, new Promise<Buffer>((resolve, reject) => (mine = { resolve, reject })));
      }
      port1.postMessage({ cached: hit !== undefined });
    });
    let settled = false;
    const job = { ...task, kind: 'report-job' as const, port: port2 };
    const result = this.run(streamed ? { ...job, source: { stream: true } } : { ...job, source }, [
      port2,
    ]).finally(() => {
      settled = true;
      wake();
    });
    // Awaited below; if reading fails first, its own error is the one reported.
    result.catch(() => undefined);
    try {
      if (streamed)
        await this.stream(
          source,
          port1,
          { batchSize, window },
          {
            isSettled: () => settled,
            pending: () => unacknowledged,
            sent: () => (unacknowledged += 1),
            wait: () => new Promise<void>((r) => (wake = r)),
          },
        );
      const value = (await result) as ReportJobResult;
      if ('optionsError' in value) return { optionsError: value.optionsError };
      if (!(value instanceof Uint8Array)) return { body: await hit! };
      const body = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      if (mine) {
        this.counts.rendered += 1;
        mine.resolve(body);
      }
      return { body };
    } catch (err) {
      mine?.reject(err);
      throw err;
    } finally {
      port1.close();
    }
  }

  /** Streams `records` to a report job through `port`, as long as the job runs. */
  private async stream(
    records: AsyncIterable<ResponseRecord>,
    port: MessagePort,
    { batchSize, window }: { batchSize: number; window: number },
    job: { isSettled(): boolean; pending(): number; sent(): void; wait(): Promise<void> },
  ): Promise<void> {
    const pause = cooperative();
    let batch: ResponseRecord[] = [];
    const send = async (items: ResponseRecord[]) => {
      while (job.pending() >= window && !job.isSettled()) await job.wait();
      if (job.isSettled()) return;
      job.sent();
      port.postMessage(items);
    };
    try {
      for await (const record of records) {
        if (job.isSettled()) return; // the worker failed or refused the options: stop reading
        batch.push(record);
        if (batch.length >= batchSize) {
          await send(batch);
          batch = [];
        }
        await pause();
      }
      if (batch.length) await send(batch);
      if (!job.isSettled()) port.postMessage(END_OF_RESPONSES);
    } catch (err) {
      // Reading failed here: tell the worker to give up rather than wait for the rest.
      if (!job.isSettled()) port.postMessage(ABORT);
      throw err;
    }
  }

  /** Stops the workers (running renders are abandoned); the pool starts again on the next render. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  /** Refuses at once (503) when `threads` tasks run and `queue` more wait. */
  private admit(): void {
    if (this.pending < this.threads + this.queue) return;
    this.counts.refused += 1;
    throw this.busy();
  }

  private async run(task: RenderTask | ReportJobTask, transferList?: MessagePort[]): Promise<unknown> {
    this.pending += 1;
    try {
      if (this.inline) {
        const { runTask } = await import('./render-worker.js');
        return await runTask(task);
      }
      // Piscina's types know DOM transferables only; a worker_threads MessagePort is one too.
      return await this.workers().run(task, transferList ? { transferList: transferList as never } : {});
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
        // Renders are background work: on a machine with few cores, the kernel serves the event
        // loop (and the other processes) first. Linux applies nice to the worker's thread alone.
        niceIncrement: this.nice,
      });
    }
    return this.pool;
  }
}

export { renderKey };
