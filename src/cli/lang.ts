import { pickLang, type Lang } from '../contract/lang.js';

/**
 * The language of the command line's messages: `--lang fr|en` when given (before the command, or
 * as the command's own option), else PANORAMA_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG:
 * `en_GB.UTF-8` → English); French otherwise.
 */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang' && argv[i + 1]) return pickLang(argv[i + 1]);
    if (arg.startsWith('--lang=')) return pickLang(arg.slice('--lang='.length));
  }
  const locale = env.PANORAMA_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG;
  // POSIX locales: en_GB.UTF-8, fr_FR@euro, C.
  return pickLang(locale?.split(/[.@]/)[0]?.replace('_', '-'));
}

/** `--lang X` given before the command is the command line's own option: taken out of the arguments. */
export function withoutGlobalLang(argv: readonly string[]): string[] {
  const out = [...argv];
  while (out[0] === '--lang' || out[0]?.startsWith('--lang=')) out.splice(0, out[0] === '--lang' ? 2 : 1);
  return out;
}
