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

/** Each command lives in its own module, loaded only when used (start-up stays fast). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  report: {
    summary: 'compute a survey report from a folder of raw answers',
    load: async () => (await import('./report.js')).reportCommand,
  },
  brochure: {
    summary: 'publish a territorial key-figures brochure',
    load: async () => (await import('./brochure.js')).brochureCommand,
  },
  start: {
    summary: 'run the Panorama web application',
    load: async () => (await import('./start.js')).startCommand,
  },
  import: {
    summary: 'import a finished campaign folder into the database',
    load: async () => (await import('./import.js')).importCommand,
  },
  admin: {
    summary: 'manage administrator accounts (admin create)',
    load: async () => (await import('./admin.js')).adminCommand,
  },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: panorama <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "panorama <command> --help" for a command's options.\n`;
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) throw new CliError(`unknown command "${name}".\n${usage()}`);
  const command = await entry.load();
  return command.run(rest);
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
