import { CliError } from '../cli/run.js';
import { runCli } from './commands.js';
import { PanoramaError } from '../contract/errors/index.js';
import { pickLang } from '../contract/lang.js';

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (err) {
  if (err instanceof PanoramaError) {
    // PANORAMA_LANG, else the locale (LANG=en_GB.UTF-8 → English); French otherwise.
    const lang = pickLang(process.env.PANORAMA_LANG ?? process.env.LANG?.split('.')[0]?.replace('_', '-'));
    process.stderr.write(`panorama: ${err.messageIn(lang)}\n`);
    process.exitCode = err.status >= 500 ? 70 : 2;
  } else if (err instanceof CliError) {
    process.stderr.write(`panorama: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    // An unexpected failure is a bug of ours: show the stack so it can be reported.
    process.stderr.write(`panorama: internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 70;
  }
}
