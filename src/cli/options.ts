import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PanoramaError } from '../contract/errors/index.js';

/** An option restricted to a few values; anything else is a CliError listing them. */
export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new PanoramaError('cli_option_choice', { option: name, value, allowed: [...allowed] });
  }
  return value as T;
}

/** The absolute path of an existing folder. */
export function existingFolder(path: string): string {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new PanoramaError('cli_not_a_folder', { path });
  }
  return dir;
}

/** The one input folder a command takes as its only positional argument. */
export function inputFolder(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new PanoramaError('cli_one_folder', { count: positionals.length, command });
  }
  return existingFolder(positionals[0]!);
}
