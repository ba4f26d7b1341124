import { cliLang, withoutGlobalLang } from '../cli/lang.js';
import { runCli } from './commands.js';

const argv = process.argv.slice(2);
try {
  process.exitCode = await runCli(withoutGlobalLang(argv));
} catch (err) {
  // Loaded on failure only: `panorama --help` stays a few files away from node's own start-up.
  const [{ asPanoramaError }, { CliError }] = await Promise.all([
    import('../app/errors.js'),
    import('../cli/run.js'),
  ]);
  const known = asPanoramaError(err);
  if (known) {
    // --lang, else PANORAMA_LANG, else the locale (LANG=en_GB.UTF-8 → English); French otherwise.
    const lang = cliLang(argv);
    process.stderr.write(`panorama: ${known.messageIn(lang)}\n`);
    process.exitCode = known.status >= 500 ? 70 : 2;
  } else if (err instanceof CliError) {
    process.stderr.write(`panorama: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    // An unexpected failure is a bug of ours: show the stack so it can be reported.
    process.stderr.write(`panorama: internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 70;
  }
}
