import { CliError, type CliCommand } from './run.js';

// Placeholder until the command lands; replaced by its real implementation.
export const startCommand: CliCommand = {
  summary: 'start',
  async run() {
    throw new CliError('the "start" command is not available yet');
  },
};
