/**
 * Free-text analysis throughput (issue 5 target: ≥ 5 M tokens/s for the full analysis).
 *
 *   node --import tsx bench/text-throughput.ts [--tokens 2000000] [--repeat 5] [--seed 7]
 *
 * Generates seeded French answers (Zipf-distributed vocabulary of several thousand words with
 * plurals, accents, capitals, acronyms, elisions, hyphenated names, numbers, punctuation and line
 * breaks, ~45 % stopwords) and reports tokens/s for tokenisation alone and for the full analysis
 * (tokens, term table with inflections grouped, repeated segments). Best of --repeat runs after
 * one warm-up run; the generated text is built before timing.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { analyzeTexts, scanText } from '../src/text/index.js';
import { mulberry32 } from './synthetic.js';

const STEMS = [
  'accompagn',
  'financ',
  'partenari',
  'logement',
  'habit',
  'quartier',
  'famill',
  'bénévol',
  'jeun',
  'numéri',
  'atelier',
  'projet',
  'départ',
  'conférenc',
  'autonom',
  'insert',
  'emploi',
  'santé',
  'cultur',
  'sport',
  'loisir',
  'parent',
  'enfant',
  'scolar',
  'mobilit',
  'transport',
  'alimentat',
  'solidar',
  'isolement',
  'précar',
  'accueil',
  'permanenc',
  'animat',
  'citoyen',
  'écolog',
  'jardin',
  'déchet',
  'énerg',
  'réseau',
  'associat',
  'territoir',
  'commun',
  'métropol',
  'régional',
  'national',
];
const SUFFIXES = [
  'e',
  's',
  'ement',
  'ements',
  'eur',
  'eurs',
  'ation',
  'ations',
  'ité',
  'ités',
  'al',
  'aux',
  'ale',
  'ales',
  'ique',
  'iques',
  'é',
  'ée',
  'er',
  'ent',
];
const PROPER = [
  'Département',
  'CAF',
  'CCAS',
  'CARSAT',
  'ARS',
  'Pas-de-Calais',
  'Villeneuve-d’Ascq',
  'Fondation de France',
  'Uni Cités',
  'Mission Locale',
];
const STOP = [
  'le',
  'la',
  'les',
  'de',
  'des',
  'du',
  'et',
  'à',
  'au',
  'aux',
  'en',
  'pour',
  'avec',
  'dans',
  'sur',
  'par',
  'un',
  'une',
  'est',
  'sont',
  'a',
  'ont',
  'qui',
  'que',
  'nous',
  'il',
  'ce',
  'leur',
  'plus',
  'pas',
];
const ELIDED = ['l’', "l'", 'd’', "d'", 'qu’', "jusqu'", 'n’', 's’', 'c’'];
const PUNCT = [', ', '. ', ' ; ', ' : ', ' (', ') ', ' / ', '\n', ' - ', ' ! '];

function buildVocabulary(): string[] {
  const words: string[] = [];
  for (const stem of STEMS) for (const suffix of SUFFIXES) words.push(stem + suffix);
  // Rarer words: a long tail so that the maps see a realistic number of distinct forms.
  for (let i = 0; i < 3000; i++)
    words.push(`${STEMS[i % STEMS.length]}${SUFFIXES[(i * 7) % SUFFIXES.length]}${i}x`);
  return words;
}

/** Texts of about 40 tokens each, `targetTokens` tokens in all (counted as the generator emits them). */
export function generateFrenchTexts(targetTokens: number, seed = 7): string[] {
  const random = mulberry32(seed);
  const vocabulary = buildVocabulary();
  // Zipf: index = floor(n^u) − 1 gives a heavy head and a long tail.
  const zipf = (size: number) => Math.min(size - 1, Math.floor(Math.pow(size + 1, random())) - 1);
  const texts: string[] = [];
  let tokens = 0;
  while (tokens < targetTokens) {
    const parts: string[] = [];
    const length = 10 + Math.floor(random() * 60);
    for (let k = 0; k < length; k++) {
      const r = random();
      if (r < 0.42) parts.push(STOP[zipf(STOP.length)]!);
      else if (r < 0.5) {
        parts.push(ELIDED[Math.floor(random() * ELIDED.length)]! + vocabulary[zipf(vocabulary.length)]!);
        tokens++;
      } else if (r < 0.54) parts.push(PROPER[Math.floor(random() * PROPER.length)]!);
      else if (r < 0.56) parts.push(String(2000 + Math.floor(random() * 25)));
      else {
        const word = vocabulary[zipf(vocabulary.length)]!;
        parts.push(random() < 0.08 ? word[0]!.toUpperCase() + word.slice(1) : word);
      }
      tokens++;
      if (random() < 0.1) parts.push(PUNCT[Math.floor(random() * PUNCT.length)]!);
      else parts.push(' ');
    }
    texts.push(parts.join(''));
  }
  return texts;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/**
 * Best of `repeat` runs after a warm-up, both in wall time and in this process's CPU time: on a
 * shared machine the CPU time is the steadier figure (the run is single-threaded, so on an idle
 * machine both agree).
 */
function bestOf(repeat: number, run: () => void): Timing {
  run();
  const best = { wallMs: Infinity, cpuMs: Infinity };
  for (let i = 0; i < repeat; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    best.wallMs = Math.min(best.wallMs, wallMs);
    best.cpuMs = Math.min(best.cpuMs, (used.user + used.system) / 1000);
  }
  return best;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      tokens: { type: 'string', default: '2000000' },
      repeat: { type: 'string', default: '5' },
      seed: { type: 'string', default: '7' },
    },
  });
  const texts = generateFrenchTexts(Number(values.tokens), Number(values.seed));
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const repeat = Number(values.repeat);

  let tokenCount = 0;
  const sink = { token: () => void tokenCount++, range: () => void tokenCount++, boundary: () => {} };
  const scanMs = bestOf(repeat, () => {
    tokenCount = 0;
    for (const text of texts) scanText(text, sink);
  });
  let result = analyzeTexts([], {});
  const fullMs = bestOf(repeat, () => {
    result = analyzeTexts(texts, { topN: 20 });
  });

  const rate = (ms: number) => (result.tokenCount / (ms / 1000) / 1e6).toFixed(2);
  const line = ({ wallMs, cpuMs }: Timing) =>
    `wall ${wallMs.toFixed(0)} ms = ${rate(wallMs)} M tokens/s; CPU ${cpuMs.toFixed(0)} ms = ${rate(cpuMs)} M tokens/s`;
  console.log(
    `text analysis throughput — ${texts.length} texts, ${result.tokenCount} tokens, ${(chars / 1e6).toFixed(1)} M chars, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`tokenise only : ${line(scanMs)}`);
  console.log(`full analysis : ${line(fullMs)}  (target ≥ 5 M tokens/s)`);
  console.log(
    `top terms     : ${result.terms
      .slice(0, 5)
      .map((t) => `${t.term} ${t.count}`)
      .join(', ')}`,
  );
  console.log(
    `top segments  : ${result.segments
      .slice(0, 3)
      .map((s) => `${s.segment} ${s.count}`)
      .join(', ')}`,
  );
}

if (process.argv[1]?.endsWith('text-throughput.ts')) main();
