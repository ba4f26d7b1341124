/**
 * Every benchmark of issue 5, each in its own child process (so peak memory is its own), then a
 * Markdown table of the results against the targets.
 *
 *   node --import tsx bench/run-all.ts --quick      (npm run bench; about 3 minutes)
 *   node --import tsx bench/run-all.ts --full       (adds 1 M responses, PostgreSQL submissions)
 *   … [--out results.json] [--only report,senacs,…]
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { STEPS, type Row, type Step } from './support/steps.js';
import { fail } from './support/cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HELP = `Usage: node --import tsx bench/run-all.ts (--quick | --full) [--out FILE] [--only NAMES]
  --quick        the quick version of every benchmark (what npm run bench runs)
  --full         adds 1 M responses, 100 k from the database and PostgreSQL submissions
  --out FILE     also write the results (machine, steps, raw JSON lines, table rows) as JSON
  --only NAMES   comma-separated step names: ${STEPS.map((s) => s.name).join(', ')}`;

interface StepRun {
  name: string;
  command: string;
  seconds: number;
  exitCode: number | null;
  results: Record<string, unknown>[];
  text: string;
  stderr: string;
}

function runStep(step: Step, full: boolean): Promise<StepRun> {
  const args = step.args(full);
  const command = `node --import tsx bench/${step.script} ${args.join(' ')}`;
  process.stderr.write(`▶ ${step.name}: ${command}\n`);
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `bench/${step.script}`, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), step.timeoutS(full) * 1000);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const results = text
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const seconds = (performance.now() - start) / 1000;
      process.stderr.write(`  ${step.name} done in ${seconds.toFixed(1)} s (exit ${exitCode})\n`);
      resolve({ name: step.name, command, seconds, exitCode, results, text, stderr });
    });
  });
}

function table(rows: Row[]): string {
  const lines = ['| benchmark | measure | result | target | met |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows)
    lines.push(
      `| ${r.bench} | ${r.measure} | ${r.value} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`,
    );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      out: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  if (values.quick === values.full) fail('choose exactly one of --quick and --full');
  const only = values.only?.split(',').map((s) => s.trim());
  for (const name of only ?? []) if (!STEPS.some((s) => s.name === name)) fail(`unknown step ${name}`);
  const full = values.full;
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    date: new Date().toISOString(),
    loadAverageStart: loadavg().map((l) => Math.round(l * 10) / 10),
  };
  const start = performance.now();
  const runs: StepRun[] = [];
  const rows: Row[] = [];
  for (const step of STEPS.filter((s) => (full || !s.fullOnly) && (!only || only.includes(s.name)))) {
    const run = await runStep(step, full);
    runs.push(run);
    try {
      rows.push(...step.rows(run.results, run.text));
    } catch (error) {
      rows.push({ bench: step.name, measure: 'FAILED', value: (error as Error).message });
    }
    if (run.exitCode !== 0)
      rows.push({ bench: step.name, measure: 'exit code', value: String(run.exitCode), met: false });
  }
  const totalS = (performance.now() - start) / 1000;
  const loadEnd = loadavg().map((l) => Math.round(l * 10) / 10);
  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, ${machine.ramGB} GB RAM, Node ${machine.node}; ${machine.date}; ` +
      `load average ${machine.loadAverageStart.join(' ')} at start, ${loadEnd.join(' ')} at end; ` +
      `${full ? 'full' : 'quick'} run in ${totalS.toFixed(0)} s\n`,
  );
  console.log(table(rows));
  if (values.out) {
    writeFileSync(
      values.out,
      JSON.stringify(
        {
          machine: { ...machine, loadAverageEnd: loadEnd },
          mode: full ? 'full' : 'quick',
          totalS,
          rows,
          steps: runs,
        },
        null,
        2,
      ),
    );
  }
  if (runs.some((r) => r.exitCode !== 0)) process.exitCode = 1;
}

await main();
