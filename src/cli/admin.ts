import { CliError, type CliCommand } from './run.js';

// Placeholder until the command lands; replaced by its real implementation.
export const adminCommand: CliCommand = {
  summary: 'admin',
  async run() {
    throw new CliError('the "admin" command is not available yet');
  },
};
