/**
 * Piscina worker: renders one document off the main event loop. The bytes go back as a
 * transferred ArrayBuffer, so the main thread receives them without a copy.
 */
import { move } from 'piscina';
import { runRenderTask, type RenderTask } from './render-tasks.js';

export default async function render(task: RenderTask): Promise<unknown> {
  const buffer = await runRenderTask(task);
  // A fresh, exclusively owned ArrayBuffer: Node's small Buffers share a pool and cannot be transferred.
  return move(new Uint8Array(buffer));
}
