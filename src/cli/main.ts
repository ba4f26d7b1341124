import { CliError, runCli } from './run.js';

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (err) {
  if (err instanceof CliError) {
    process.stderr.write(`panorama: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    // An unexpected failure is a bug of ours: show the stack so it can be reported.
    process.stderr.write(`panorama: internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 70;
  }
}
