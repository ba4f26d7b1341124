import type { CliCommand } from '../cli/run.js';

/**
 * The command table of `panorama`. Each command lives in its own module, loaded only when used, so
 * `panorama --help` never loads the statistics engine, the store or the server.
 * `start` lives here, beside the entry point, because it is the one command that assembles the
 * server: src/cli stays a set of adapters over src/app and never imports src/server.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  report: {
    summary: 'compute a survey report from a folder of raw answers',
    load: async () => (await import('../cli/report.js')).reportCommand,
  },
  brochure: {
    summary: 'publish a territorial key-figures brochure',
    load: async () => (await import('../cli/brochure.js')).brochureCommand,
  },
  start: {
    summary: 'run the Panorama web application',
    load: async () => (await import('./start.js')).startCommand,
  },
  import: {
    summary: 'import a finished campaign folder into the database',
    load: async () => (await import('../cli/import.js')).importCommand,
  },
  admin: {
    summary: 'manage accounts (admin create, reset-password, enable)',
    load: async () => (await import('../cli/admin.js')).adminCommand,
  },
  backup: {
    summary: 'save the whole database to one file (portable archive or SQLite copy)',
    load: async () => (await import('../cli/backup.js')).backupCommand,
  },
  restore: {
    summary: 'restore a backup into an empty database',
    load: async () => (await import('../cli/backup.js')).restoreCommand,
  },
  'migrate-to': {
    summary: 'copy the embedded SQLite database into PostgreSQL',
    load: async () => (await import('../cli/backup.js')).migrateToCommand,
  },
  campaign: {
    summary: 'export a campaign to an archive file, or import one (campaign export|import)',
    load: async () => (await import('../cli/campaign-archive.js')).campaignCommand,
  },
  solidarity: {
    summary: 'digital solidarity: programme figures, directory exports',
    load: async () => (await import('../cli/solidarity.js')).solidarityCommand,
  },
  survey: {
    summary: 'import a questionnaire (LimeSurvey .lss/.lsa, XLSForm .xlsx, SurveyJS .json)',
    load: async () => (await import('../cli/survey.js')).surveyCommand,
  },
  check: {
    summary: 'check a campaign folder against coherence rules',
    load: async () => (await import('../cli/check.js')).checkCommand,
  },
  export: {
    summary: 'export the raw answers of a folder for analysts (CSV, XLSX, R, SPSS)',
    load: async () => (await import('../cli/export.js')).exportCommand,
  },
  demo: {
    summary: 'remove the demo data (demo remove)',
    load: async () => (await import('../cli/demo.js')).demoCommand,
  },
  privacy: {
    summary: 'personal data: retention purge, a person’s export or erasure',
    load: async () => (await import('../cli/privacy.js')).privacyCommand,
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
  if (!entry) {
    // The error catalogue (every module's messages) is loaded only when a message is needed.
    const { PanoramaError } = await import('../contract/errors/index.js');
    throw new PanoramaError('cli_unknown_command', { command: name });
  }
  const command = await entry.load();
  return command.run(rest);
}
