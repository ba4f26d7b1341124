import { formatProblems, type InputProblem } from '../ingest/problems.js';
import { cliLang } from './lang.js';

/** How many left-out values a warning prints before summarising the rest. */
const PRINTED_WARNINGS = 20;

/**
 * The values `--lenient` left out, on stderr in the command line's language (the report goes on
 * to stdout or --out meanwhile).
 */
export function warnLeftOut(problems: readonly InputProblem[]): void {
  if (problems.length === 0) return;
  const lang = cliLang(process.argv.slice(2));
  const head =
    lang === 'fr'
      ? 'panorama: attention : valeurs écartées (--lenient) :'
      : 'panorama: warning: values left out (--lenient):';
  process.stderr.write(`${head}\n${formatProblems([...problems], PRINTED_WARNINGS, lang)}\n`);
}

/** The number of values an import left out (`panorama import --lenient`). */
export function warnLeftOutCount(count: number): void {
  if (count === 0) return;
  const lang = cliLang(process.argv.slice(2));
  process.stderr.write(
    lang === 'fr'
      ? `panorama: attention : ${count} valeur(s) invalide(s) écartée(s) (--lenient).\n`
      : `panorama: warning: ${count} invalid values left out (--lenient).\n`,
  );
}
