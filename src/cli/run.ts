import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ServerConfig, ServerConfigInput } from '../app/config.js';

/** A user mistake: printed as one clear message, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliCommand {
  summary: string;
  run(args: string[]): Promise<number>;
}

/**
 * node:util parseArgs where a mistake on the command line (unknown option, missing value) becomes a
 * CliError: the parser's message followed by `hint` (the command's help, or where to find it).
 */
export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T,
  hint: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new CliError(`${(err as Error).message}${hint}`);
  }
}

/** The server configuration (file, environment, then `overrides`), a bad value being a CliError. */
export async function loadCliConfig(overrides: ServerConfigInput): Promise<ServerConfig> {
  // Loaded on demand: commands that never touch the server (report) start without it.
  const { loadConfig, ConfigError } = await import('../app/config.js');
  try {
    return loadConfig({ overrides });
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}
