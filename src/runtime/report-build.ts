import { on } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import type { ReportOptions } from '../stats/engine.js';
import type { SurveyModel } from '../survey/model.js';
import type { Registry, ResponseRecord } from '../survey/records.js';
import type { Store, StoreOptions } from '../store/index.js';
import type { ReportBuilder } from '../stats/engine.js';
import { renderKey } from './render-key.js';
import type { DocumentCover } from '../report/render/cover.js';

/**
 * A report built AND rendered in a worker thread, so that neither the responses nor the model
 * (megabytes of tables and verbatims for thousands of responses) ever cross to, or live on, the
 * main thread: it only receives the document's bytes (transferred, not copied).
 *
 * Where the responses come from (`source`):
 * - `store`: the worker reads them itself through its own read-only store (SQLite: a read-only
 *   connection to the same file, WAL lets it read while the main thread writes; PostgreSQL: a
 *   small read-only pool). The main thread does nothing while they are read.
 * - `stream`: the main thread streams them through `port` in batches (`null` ends them) and the
 *   worker acknowledges each batch, so that at most a few wait in memory (stores that cannot be
 *   opened from another thread).
 *
 * Once the model is built, the worker sends its cache key (`{ key }`) through `port` and the main
 * thread answers `{ cached }`: a document already rendered (or being rendered) for an equal model
 * is not rendered again. JSON is rendered here too but never cached.
 */
export interface ReportJobTask {
  kind: 'report-job';
  survey: SurveyModel;
  options: Omit<ReportOptions, 'config'>;
  /** Set when the model has none (the campaign's name). */
  title: string;
  format: 'json' | 'html' | 'docx' | 'pdf' | 'xlsx';
  source: ReportStoreSource | { stream: true };
  port: MessagePort;
  /** Set when only validated answers are read: how many, out of how many submitted. */
  validated?: ValidatedCount;
  /** The federation on the title page (src/app/identity); the Panorama identity when absent. */
  cover?: DocumentCover;
}

export interface ValidatedCount {
  validated: number;
  submitted: number;
}

/** The note naming a report restricted to validated answers, in the report's language. */
export function validatedNote(lang: 'fr' | 'en', count: ValidatedCount): string {
  return lang === 'en'
    ? `Validated answers only: ${count.validated} of ${count.submitted} submitted answers validated by a correspondent.`
    : `Réponses validées uniquement\u00a0: ${count.validated} des ${count.submitted} réponses envoyées ont été validées par un correspondant.`;
}

export interface ReportStoreSource {
  store: StoreOptions;
  campaignId: string;
  /** The caller's scope (absent: every structure). */
  structureIds?: readonly string[];
  /** The structures whose answers are read, when narrower than the scope (validated answers only). */
  responseStructureIds?: readonly string[];
}

/**
 * The registry a report is computed over: the campaign's invited structures that the caller may
 * see (`visible`; absent: all), with their attributes. Read by the worker from its own store, or
 * by the route when the responses are streamed.
 */
export async function reportRegistry(
  store: Pick<Store, 'invitations' | 'structures'>,
  campaignId: string,
  visible: readonly string[] | undefined,
): Promise<Registry> {
  const invited = (await store.invitations.list(campaignId))
    .map((i) => i.structureId)
    .filter((s): s is string => s !== null);
  const visibleSet = visible ? new Set(visible) : undefined;
  const population = visibleSet ? invited.filter((s) => visibleSet.has(s)) : invited;
  return population.length
    ? store.structures.registry({ ids: population })
    : { structures: [], attributes: [] };
}

/** What the worker answers: the document's bytes, a cache hit, or options that do not fit. */
export type ReportJobResult =
  | Uint8Array
  | { cached: true }
  /** The options do not fit the survey (unknown `by` key...): the catalogue error, for a 400. */
  | { optionsError: ReportOptionsProblem };

/** A ReportOptionsError as plain data, to cross the thread boundary and be thrown again there. */
export interface ReportOptionsProblem {
  code: string;
  params: unknown;
}

/** Messages the worker sends through the port: a batch acknowledgement, or the cache question. */
export type ReportJobMessage = number | { key: string };

export const END_OF_RESPONSES = null;
/** Sent instead of the end when reading failed on the main thread: the worker gives up. */
export const ABORT = 'abort';

/** Responses read per query by the worker (it blocks nobody: pages can be larger than on the main thread). */
const WORKER_PAGE_SIZE = 500;

/** One read-only store per worker and location, opened on first use and kept while the worker lives. */
const readers = new Map<string, Promise<Store>>();

function readerStore(options: StoreOptions): Promise<Store> {
  const id = JSON.stringify(options);
  let store = readers.get(id);
  if (!store) {
    store = import('../store/index.js').then(({ openStore }) => openStore({ ...options, readOnly: true }));
    // A failed open is not kept: the next task tries again.
    store.catch(() => readers.delete(id));
    readers.set(id, store);
  }
  return store;
}

/** Runs in the worker. */
export async function runReportJob(task: ReportJobTask): Promise<ReportJobResult> {
  const { ReportBuilder, ReportOptionsError } = await import('../stats/index.js');
  const { port } = task;
  const messages = on(port, 'message')[Symbol.asyncIterator]() as AsyncIterator<[unknown]>;
  const next = async () => (await messages.next()).value?.[0];
  try {
    if ('store' in task.source) {
      const { store: options, campaignId, structureIds, responseStructureIds } = task.source;
      const store = await readerStore(options);
      const registry = await reportRegistry(store, campaignId, structureIds);
      const builder = new ReportBuilder(task.survey, { ...task.options, registry });
      const read = responseStructureIds ?? structureIds;
      const scope = read ? { structureIds: read } : {};
      for await (const record of store.responses.listSubmitted(campaignId, {
        ...scope,
        pageSize: WORKER_PAGE_SIZE,
      }))
        builder.add(record);
      return await finish(builder);
    }
    const builder = new ReportBuilder(task.survey, task.options);
    for (;;) {
      const batch = (await next()) as ResponseRecord[] | null | typeof ABORT;
      if (batch === END_OF_RESPONSES) break;
      if (batch === ABORT) throw new Error('the main thread stopped reading the responses');
      for (const record of batch) builder.add(record);
      port.postMessage(batch.length satisfies ReportJobMessage);
    }
    return await finish(builder);
  } catch (err) {
    if (err instanceof ReportOptionsError) return { optionsError: { code: err.code, params: err.params } };
    throw err;
  } finally {
    void messages.return?.();
    port.close();
  }

  async function finish(builder: ReportBuilder): Promise<ReportJobResult> {
    const model = builder.finish();
    model.title = model.title || task.title;
    if (task.validated) model.method.notes.push(validatedNote(model.lang, task.validated));
    const { runRenderTask } = await import('./render-tasks.js');
    if (task.format === 'json') {
      const { renderReport } = await import('../report/render/index.js');
      return new Uint8Array(await renderReport(model, 'json'));
    }
    const render = {
      kind: 'report',
      format: task.format,
      model,
      ...(task.cover ? { cover: task.cover } : {}),
    } as const;
    port.postMessage({ key: renderKey(render) } satisfies ReportJobMessage);
    const answer = (await next()) as { cached: boolean } | undefined;
    if (answer?.cached) return { cached: true };
    // A fresh, exclusively owned ArrayBuffer, so that it can be transferred.
    return new Uint8Array(await runRenderTask(render));
  }
}
