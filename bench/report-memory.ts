/**
 * Full report from in-memory responses, timed, with peak memory, and the same closed-question
 * aggregates by DuckDB in the same run. One process per size so that peak RSS is that size's own.
 *
 *   node --import tsx bench/report-memory.ts --responses 100000 [--mix consultation|senacs|closed]
 *                                            [--duckdb] [--streaming] [--repeat 3]
 *
 * Prints one JSON line: best and median of --repeat runs (after one warm-up run when --repeat > 1).
 *
 * --streaming feeds the engine from a generator (nothing kept), which isolates the engine's own
 * memory; without it the responses are materialised first ("in-memory responses") and the time
 * covers the engine only.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { buildSurveyModel } from '../src/survey/model.js';
import { buildReport } from '../src/stats/index.js';
import {
  CONSULTATION_MIX,
  SENACS_MIX,
  generateRegistry,
  generateResponses,
  generateSurvey,
  type QuestionMix,
} from './synthetic.js';
import { duckdbClosedAggregates } from './duckdb-aggregates.js';

const MIXES: Record<string, QuestionMix> = {
  consultation: CONSULTATION_MIX,
  senacs: SENACS_MIX,
  closed: { ...CONSULTATION_MIX, comment: 0 },
};

/** Peak resident set size of this process so far (Linux VmHWM), in MB. */
export function peakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    if (kb) return kb / 1024;
  } catch {
    // not Linux: fall back to the current RSS
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

async function main() {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string', default: '10000' },
      structures: { type: 'string', default: '4100' },
      mix: { type: 'string', default: 'consultation' },
      duckdb: { type: 'boolean', default: false },
      streaming: { type: 'boolean', default: false },
      repeat: { type: 'string', default: '3' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`Usage: node --import tsx bench/report-memory.ts [options]
  --responses R    responses (default 10000)
  --structures S   structures in the network (default 4100)
  --mix NAME       consultation | senacs | closed (default consultation)
  --duckdb         also time the closed-question aggregates in DuckDB (ratio = ours / DuckDB's)
  --streaming      feed the engine from a generator (nothing kept): the engine's own memory
  --repeat N       timed runs (default 3)`);
    return;
  }
  const count = Number(values.responses);
  const mix = MIXES[values.mix];
  if (!mix) throw new Error(`unknown mix ${values.mix}; use ${Object.keys(MIXES).join(', ')}`);
  const surveyJson = generateSurvey(mix);
  const survey = buildSurveyModel(surveyJson, 'synthetic');
  const registry = generateRegistry(Number(values.structures));
  const closedOnly = { ...survey, questions: survey.questions.filter((q) => q.kind !== 'comment') };
  const baselineRss = peakRssMb();

  const result: Record<string, unknown> = {
    responses: count,
    mix: values.mix,
    questions: survey.questions.length,
  };
  if (values.streaming) {
    const start = performance.now();
    buildReport(survey, generateResponses(surveyJson, registry, count), { registry });
    result.streamingMs = round(performance.now() - start);
    result.peakRssMb = round(peakRssMb());
  } else {
    const responses = [...generateResponses(surveyJson, registry, count)];
    result.inputRssMb = round(peakRssMb() - baselineRss);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const closedTimes: number[] = [];
    // CPU time too: on a machine shared with other work, wall time measures the neighbours.
    const closedCpu: number[] = [];
    const repeat = Number(values.repeat);
    // One untimed warm-up (JIT) when there are several runs, as for DuckDB.
    if (repeat > 1) buildReport(survey, responses, { registry });
    for (let i = 0; i < repeat; i++) {
      let start = performance.now();
      const fullCpuStart = process.cpuUsage();
      buildReport(survey, responses, { registry });
      times.push(performance.now() - start);
      const fullCpu = process.cpuUsage(fullCpuStart);
      cpuTimes.push((fullCpu.user + fullCpu.system) / 1000);
      start = performance.now();
      const cpuStart = process.cpuUsage();
      buildReport(closedOnly, responses, { registry });
      closedTimes.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      closedCpu.push((cpu.user + cpu.system) / 1000);
    }
    result.fullReportMs = round(Math.min(...times));
    result.fullReportMedianMs = round(median(times));
    result.fullReportCpuMedianMs = round(median(cpuTimes));
    result.closedReportMs = round(Math.min(...closedTimes));
    result.closedReportCpuMs = round(Math.min(...closedCpu));
    result.peakRssMb = round(peakRssMb());
    if (values.duckdb) {
      const duck = await duckdbClosedAggregates(surveyJson, responses);
      result.duckdbMs = round(duck.queryMs);
      result.duckdbThreads = duck.threads;
      result.ratio = round((result.closedReportMs as number) / duck.queryMs);
      result.duckdbCpuMs = round(duck.queryCpuMs);
      result.cpuRatio = round((result.closedReportCpuMs as number) / duck.queryCpuMs);
    }
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

await main();
