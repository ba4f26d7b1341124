import { readFileSync } from 'node:fs';
import { knownMigrations, latestMigration } from '../../store/copy/index.js';

/** Panorama's version, from package.json (the same file in the sources and next to dist/). */
export function appVersion(): string {
  try {
    const url = new URL('../../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? 'inconnue';
  } catch {
    return 'inconnue';
  }
}

/**
 * The schema version this code writes: the name of the latest migration of src/store/migrations,
 * read from the migration list at run time, never written down here.
 */
export async function currentSchemaVersion(): Promise<string> {
  return latestMigration();
}

/** True when this code knows the migration `version` (same or older schema). */
export async function isKnownSchema(version: string): Promise<boolean> {
  return (await knownMigrations()).includes(version);
}
