import { CliError, type CliCommand } from './run.js';

// Placeholder until the command lands; replaced by its real implementation.
export const reportCommand: CliCommand = {
  summary: 'report',
  async run() {
    throw new CliError('the "report" command is not available yet');
  },
};
