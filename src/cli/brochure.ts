import { CliError, type CliCommand } from './run.js';

// Placeholder until the command lands; replaced by its real implementation.
export const brochureCommand: CliCommand = {
  summary: 'brochure',
  async run() {
    throw new CliError('the "brochure" command is not available yet');
  },
};
