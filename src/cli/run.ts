import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ServerConfig, ServerConfigInput } from '../app/config.js';
import { PanoramaError } from '../contract/errors/index.js';

/**
 * A user mistake: printed as one clear message, never with a stack trace.
 * @deprecated Throw a PanoramaError (code `cli_*` of src/contract/errors/cli.ts): its message is
 * printed in the user's language. Kept for the commands not converted yet (English only).
 */
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
    throw parseArgsError(err as NodeJS.ErrnoException, /panorama (\w+)/.exec(hint)?.[1]);
  }
}

/** node:util parseArgs' English refusals as catalogue errors naming the option or argument. */
function parseArgsError(err: NodeJS.ErrnoException, command: string | undefined): PanoramaError {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const cmd = command ? { command } : {};
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new PanoramaError('cli_unknown_option', { option: quoted, ...cmd });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new PanoramaError('cli_option_value', { option: quoted.split(' ')[0] ?? quoted, ...cmd });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new PanoramaError('cli_unexpected_argument', { argument: quoted, ...cmd });
    default:
      return new PanoramaError('cli_unknown_option', { option: quoted, ...cmd });
  }
}

/** The server configuration (file, environment, then `overrides`); a bad value is a ConfigError. */
export async function loadCliConfig(overrides: ServerConfigInput): Promise<ServerConfig> {
  // Loaded on demand: commands that never touch the server (report) start without it.
  const { loadConfig } = await import('../app/config.js');
  return loadConfig({ overrides });
}
