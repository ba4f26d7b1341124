/**
 * Piscina worker: renders one document, or builds and renders one report, off the main event
 * loop. Document bytes go back as a transferred ArrayBuffer, so the main thread receives them
 * without a copy.
 */
import { move } from 'piscina';
import { runRenderTask, type RenderTask } from './render-tasks.js';
import { runReportJob, type ReportJobResult, type ReportJobTask } from './report-build.js';

export async function runTask(task: RenderTask | ReportJobTask): Promise<ReportJobResult> {
  if (task.kind === 'report-job') return runReportJob(task);
  // A fresh, exclusively owned ArrayBuffer: Node's small Buffers share a pool and cannot be transferred.
  return new Uint8Array(await runRenderTask(task));
}

export default async function work(task: RenderTask | ReportJobTask): Promise<unknown> {
  const result = await runTask(task);
  return result instanceof Uint8Array ? move(result) : result;
}
