import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared (reference documents and fixtures) sits beside the clone in CI, not in a user's clone. */
export const SHARED_DIR = process.env.PANORAMA_SHARED_DIR ?? join(ROOT, '..', 'shared');

export function fixtureDir(name: string): string {
  return join(SHARED_DIR, 'fixtures', name);
}

/**
 * For node:test's `skip` option: a reason string when the fixture is missing, so the run says
 * loudly why a check did not happen instead of passing silently.
 */
export function skipWithoutFixture(name: string): string | false {
  const dir = fixtureDir(name);
  if (existsSync(dir)) return false;
  const reason = `SKIPPED: fixture ${name} not found at ${dir} (../shared is only present in CI and developer checkouts)`;
  process.stderr.write(`\n*** ${reason}\n`);
  return reason;
}
