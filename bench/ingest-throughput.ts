/**
 * Response loading throughput: JSONL (whole file and streamed) and CSV, strict validation on.
 *
 *   node --import tsx bench/ingest-throughput.ts [--responses 100000] [--mix consultation|senacs] [--repeat 3]
 *
 * Writes seeded synthetic responses to a temporary folder (JSONL, then the raw-answers CSV export
 * of the same responses), then times each loader. Best of --repeat runs after one warm-up; the
 * files are written before timing. Linear scaling is checked by running two sizes.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadResponsesFile, streamJsonlResponses, writeResponsesCsv } from '../src/ingest/index.js';
import { buildSurveyModel } from '../src/survey/model.js';
import {
  CONSULTATION_MIX,
  SENACS_MIX,
  generateRegistry,
  generateResponses,
  generateSurvey,
} from './synthetic.js';

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '100000' },
    mix: { type: 'string', default: 'consultation' },
    repeat: { type: 'string', default: '3' },
  },
});
const count = Number(values.responses);
const repeat = Number(values.repeat);
const json = generateSurvey(values.mix === 'senacs' ? SENACS_MIX : CONSULTATION_MIX);
const survey = buildSurveyModel(json, 'bench');
const registry = generateRegistry(2000);
const dir = mkdtempSync(join(tmpdir(), 'panorama-bench-ingest-'));

try {
  const jsonlPath = join(dir, 'responses.jsonl');
  const csvPath = join(dir, 'responses.csv');
  {
    // Generated data goes out of scope before timing, so the heap holds only what loaders build.
    const responses = [...generateResponses(json, registry, count)];
    writeFileSync(jsonlPath, responses.map((r) => JSON.stringify(r)).join('\n') + '\n');
    writeFileSync(csvPath, writeResponsesCsv(survey, responses));
  }

  const time = async (label: string, path: string, run: () => Promise<number>) => {
    await run(); // warm-up
    let best = Infinity;
    let bestCpu = Infinity;
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const n = await run();
      const cpu = process.cpuUsage(cpuStart);
      best = Math.min(best, performance.now() - start);
      // CPU time is reported too: on a shared machine wall time mostly measures the neighbours.
      bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
      if (n !== count) throw new Error(`${label}: read ${n} responses, expected ${count}`);
    }
    const mb = statSync(path).size / 1e6;
    console.log(
      `${label.padEnd(16)} ${count} responses, ${mb.toFixed(1)} MB: ${best.toFixed(0)} ms wall, ${bestCpu.toFixed(0)} ms CPU ` +
        `(${Math.round(count / (best / 1000)).toLocaleString('en')} responses/s wall)`,
    );
  };
  console.log(`survey: ${survey.questions.length} questions (${values.mix}); Node ${process.version}`);
  await time(
    'jsonl (memory)',
    jsonlPath,
    async () => (await loadResponsesFile(jsonlPath, survey)).responses.length,
  );
  await time('jsonl (stream)', jsonlPath, async () => {
    let n = 0;
    for await (const _ of streamJsonlResponses(jsonlPath, survey)) n++;
    return n;
  });
  await time('csv', csvPath, async () => (await loadResponsesFile(csvPath, survey)).responses.length);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
