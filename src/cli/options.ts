import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './run.js';

/** An option restricted to a few values; anything else is a CliError listing them. */
export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`--${name} "${value}" is not supported; use one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** The absolute path of an existing folder; `what` names it in the message ("the input folder"). */
export function existingFolder(path: string, what: string): string {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError(`${what} ${path} does not exist or is not a folder.`);
  }
  return dir;
}

/** The one input folder a command takes as its only positional argument. */
export function inputFolder(positionals: string[], help: string): string {
  if (positionals.length !== 1) {
    throw new CliError(`give exactly one input folder (got ${positionals.length}).\n\n${help}`);
  }
  return existingFolder(positionals[0]!, 'the input folder');
}
