import { join } from 'node:path';
import { ROOT } from './shared.js';

/**
 * Node arguments that run the `panorama` command from the TypeScript sources (through tsx), so a
 * test exercises the code under test and not a stale dist/. test/build checks the compiled entry.
 */
export function cliArgs(...args: string[]): string[] {
  return ['--import', 'tsx', join(ROOT, 'src/main/panorama.ts'), ...args];
}
