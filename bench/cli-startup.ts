/**
 * How fast the `panorama` command answers (issue 9: "panorama --help answers in under 150 ms"):
 * runs the compiled entry (bin/panorama.js → dist/) with plain node, N times per command, and
 * prints the median and the 90th percentile of the wall time, with the machine's load.
 *
 *   npm run build && node bench/cli-startup.ts   (or: node --import tsx bench/cli-startup.ts [--runs N])
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
if (!existsSync(`${ROOT}/dist/main/panorama.js`)) {
  process.stderr.write('bench/cli-startup: dist/ is missing, run "npm run build" first.\n');
  process.exit(2);
}

const COMMANDS = [['--help'], ['report', '--help'], ['brochure', '--help'], ['start', '--help']];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const load = loadavg()[0]?.toFixed(2);
process.stdout.write(`# panorama start-up, ${runs} runs each, ${cpus().length} cores, load ${load}\n`);
for (const args of COMMANDS) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['bin/panorama.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`panorama ${args.join(' ')} exited with ${r.status}`);
  }
  times.sort((a, b) => a - b);
  const row = {
    command: `panorama ${args.join(' ')}`,
    medianMs: Math.round(percentile(times, 0.5)),
    p90Ms: Math.round(percentile(times, 0.9)),
    load,
  };
  process.stdout.write(`${JSON.stringify(row)}\n`);
}
