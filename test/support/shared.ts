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

/**
 * A tool a test needs (PostgreSQL, Chromium, pdftotext) is missing: on a user's clone the test is
 * skipped with a loud message; in CI (PANORAMA_REQUIRE_ALL=1, set by .ci/run) it is a failure, so
 * a broken CI machine can never pass by skipping.
 */
export function missingTool(reason: string): string {
  if (process.env.PANORAMA_REQUIRE_ALL === '1') {
    throw new Error(`${reason} — PANORAMA_REQUIRE_ALL=1: CI must run every test, install it.`);
  }
  const message = `SKIPPED: ${reason}`;
  process.stderr.write(`\n*** ${message}\n`);
  return message;
}
