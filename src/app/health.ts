import type { AppDeps } from './deps.js';
import type { Dialect } from '../store/index.js';

export const VERSION = '0.1.0';
/** A database that does not answer a trivial query within this delay counts as down. */
export const HEALTH_TIMEOUT_MS = 3000;

export type Health =
  | { status: 'ok'; database: Dialect; version: string }
  | { status: 'unavailable'; database: Dialect; version: string; reason: string };

/**
 * Whether Panorama can serve: the database answers `SELECT 1` in time. A load balancer or a
 * monitoring probe reading only "ok" would otherwise keep sending respondents to a server whose
 * database is gone.
 */
export async function checkHealth(
  deps: Pick<AppDeps, 'store'>,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<Health> {
  const { store } = deps;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([store.ping(), timeout]);
    return { status: 'ok', database: store.dialect, version: VERSION };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'unavailable', database: store.dialect, version: VERSION, reason };
  } finally {
    clearTimeout(timer);
  }
}
