import { on } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import type { ReportOptions } from '../stats/engine.js';
import type { ReportModel } from '../report/model.js';
import type { SurveyModel } from '../survey/model.js';
import type { ResponseRecord } from '../survey/records.js';
import { renderKey } from './render-key.js';

/**
 * A report built in a worker thread: the main thread streams the responses it reads from the
 * store through `port` in batches (`null` ends them), the worker feeds the engine and answers each
 * batch with an acknowledgement, so that at most a few batches wait in memory.
 */
export interface BuildReportTask {
  kind: 'build-report';
  survey: SurveyModel;
  options: Omit<ReportOptions, 'config'>;
  /** Set when the model has none (the campaign's name). */
  title: string;
  /** The format the model will be rendered to: the answer carries that render's cache key. */
  format: 'json' | 'html' | 'docx' | 'pdf' | 'xlsx';
  port: MessagePort;
}

export type BuildReportResult =
  | { model: ReportModel; key: string }
  /** The options do not fit the survey (unknown `by` key...): a message for a 400. */
  | { optionsError: string };

export const END_OF_RESPONSES = null;

/** Runs in the worker. */
export async function buildReportFromPort(task: BuildReportTask): Promise<BuildReportResult> {
  const { ReportBuilder, ReportOptionsError } = await import('../stats/index.js');
  const { port } = task;
  try {
    const builder = new ReportBuilder(task.survey, task.options);
    for await (const [batch] of on(port, 'message') as AsyncIterable<[ResponseRecord[] | null]>) {
      if (batch === END_OF_RESPONSES) break;
      for (const record of batch) builder.add(record);
      port.postMessage(batch.length);
    }
    const model = builder.finish();
    model.title = model.title || task.title;
    const key = renderKey({ kind: 'report', format: task.format, model });
    return { model, key };
  } catch (err) {
    if (err instanceof ReportOptionsError) return { optionsError: err.message };
    throw err;
  } finally {
    port.close();
  }
}
