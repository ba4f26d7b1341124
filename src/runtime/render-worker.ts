/**
 * Piscina worker: renders one document, or builds one report model, off the main event loop.
 * Document bytes go back as a transferred ArrayBuffer, so the main thread receives them without a copy.
 */
import { move } from 'piscina';
import { runRenderTask, type RenderTask } from './render-tasks.js';
import { buildReportFromPort, type BuildReportResult, type BuildReportTask } from './report-build.js';

export async function runTask(task: RenderTask | BuildReportTask): Promise<Uint8Array | BuildReportResult> {
  if (task.kind === 'build-report') return buildReportFromPort(task);
  // A fresh, exclusively owned ArrayBuffer: Node's small Buffers share a pool and cannot be transferred.
  return new Uint8Array(await runRenderTask(task));
}

export default async function work(task: RenderTask | BuildReportTask): Promise<unknown> {
  const result = await runTask(task);
  return result instanceof Uint8Array ? move(result) : result;
}
