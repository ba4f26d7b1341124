/**
 * Does a big export freeze everybody? The real server (own process, SQLite) holds a campaign of
 * 4,000 submitted responses × 31 questions; three large PDF reports are asked at once (three
 * different ones, so the cache cannot serve them) while autocannon measures, at a steady light
 * rate, the latency of `GET /api/health` and of a respondent autosave (`PUT
 * /api/respond/:token/draft`). Each run starts a fresh server (empty render cache), warms it up
 * with the same light load (not measured: the first requests compile code), measures that load
 * without any render (baseline), then during the renders.
 *
 *   node --import tsx bench/render-latency.ts [--responses 4000] [--renders 3] [--runs 3]
 *        [--rate 40] [--inline] [--threads N]
 *
 * `--inline` renders on the event loop (bench-only what-if: the server before the render pool).
 * Prints one JSON line per run, with the load average and CPU pressure of the machine, the main
 * thread's CPU time and run-queue wait (Linux), then a summary line with the median p99s.
 * Target: p99 < 50 ms for both requests while the renders run.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon, { type AutocannonInstance, type AutocannonResult } from 'autocannon';
import { generateRegistry, generateResponses, generateSurvey } from './synthetic.js';
import { MIXES } from './support/mixes.js';
import {
  createBenchDatabase,
  seedCampaign,
  seedInvitations,
  seedSubmittedResponses,
} from './support/campaign.js';
import { startServerProcess, type LoopDelay } from './support/server.js';
import { fail, median, round } from './support/cli.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { kyselyOf } from '../src/store/inspect.js';

const HELP = `Usage: node --import tsx bench/render-latency.ts [options]
  --responses N   submitted responses in the campaign (default 4000)
  --renders N     PDF reports asked at the same time (default 3, each with other options)
  --rate R        requests per second sent to each measured endpoint (default 40)
  --baseline S    seconds of measure without renders first (default 5)
  --warmup S      seconds of the same load before, not measured (default 3)
  --runs N        runs, each on a fresh server (default 1); the summary gives the median p99s
  --threads N     render worker threads of the server (default: its own, cores - 1)
  --inline        render on the event loop, as before the render pool (what-if)`;

const PASSWORD = 'Bench-render-2026-x9';

/** Different reports of the same campaign: same cost, different bytes. */
const REPORTS = [
  'lang=fr',
  'lang=en',
  'lang=fr&quartiles=excel',
  'lang=en&quartiles=excel',
  'lang=fr&base=all',
];

interface Latency {
  requests: number;
  non2xx: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

interface RunResult {
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
  /** Share of time some runnable task waited for a CPU (Linux PSI, last 10 s), at the start. */
  cpuPressureAtStart: number | undefined;
  reports: { options: string; status: number; bytes: number; pdf: boolean; ms: number }[];
  rendersMs: number;
  baseline: { health: Latency; autosave: Latency; eventLoopDelay: LoopDelay };
  during: { health: Latency; autosave: Latency; eventLoopDelay: LoopDelay };
  targetMet: boolean;
}

function cpuPressure(): number | undefined {
  try {
    return Number(/some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

const loadNow = () => [round(loadavg()[0]!, 2), round(loadavg()[1]!, 2), round(loadavg()[2]!, 2)];

/** One fresh server: warm-up, baseline, then the same load while the reports render. */
async function oneRun(o: {
  storeOptions: { databaseUrl?: string; dataDir: string };
  campaignId: string;
  token: string;
  draft: string;
  rate: number;
  renders: number;
  baselineS: number;
  warmupS: number;
}): Promise<RunResult> {
  const server = await startServerProcess(o.storeOptions, { web: false });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.org', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

    const measure = (durationS?: number) => {
      const common = { url: server.url, connections: 2, overallRate: o.rate, timeout: 60 };
      // Without a duration the load runs until stopped (at most an hour).
      const duration = durationS ?? 3600;
      const ignore = () => undefined;
      const health = autocannon({ ...common, duration, url: `${server.url}/api/health` }, ignore);
      const autosave = autocannon(
        {
          ...common,
          duration,
          url: `${server.url}/api/respond/${o.token}/draft`,
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: o.draft,
        },
        ignore,
      );
      return { health, autosave };
    };
    const settle = (instance: AutocannonInstance) =>
      new Promise<AutocannonResult>((resolve) => instance.on('done', resolve));
    const summary = (r: AutocannonResult): Latency => ({
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
    });

    // Warm-up (not measured): a server that has run a while has compiled its code paths.
    if (o.warmupS > 0) {
      const warm = measure(o.warmupS);
      await Promise.all([settle(warm.health), settle(warm.autosave)]);
    }
    // Baseline: the same light load, nothing rendering.
    await server.loopDelay();
    const quiet = measure(o.baselineS);
    const [quietHealth, quietAutosave] = await Promise.all([settle(quiet.health), settle(quiet.autosave)]);
    const quietLoop = await server.loopDelay();

    const loadAverageAtStart = loadNow();
    const cpuPressureAtStart = cpuPressure();
    const busy = measure();
    const busyDone = [settle(busy.health), settle(busy.autosave)] as const;
    const started = performance.now();
    const reports = await Promise.all(
      REPORTS.slice(0, o.renders).map(async (options) => {
        const t = performance.now();
        const res = await fetch(`${server.url}/api/campaigns/${o.campaignId}/report?format=pdf&${options}`, {
          headers: { cookie },
        });
        const body = Buffer.from(await res.arrayBuffer());
        return {
          options,
          status: res.status,
          bytes: body.length,
          pdf: body.subarray(0, 5).toString() === '%PDF-',
          ms: Math.round(performance.now() - t),
        };
      }),
    );
    const rendersMs = Math.round(performance.now() - started);
    busy.health.stop();
    busy.autosave.stop();
    const [busyHealth, busyAutosave] = await Promise.all(busyDone);
    const busyLoop = await server.loopDelay();
    const during = { health: summary(busyHealth), autosave: summary(busyAutosave) };
    return {
      loadAverageAtStart,
      loadAverageAtEnd: loadNow(),
      cpuPressureAtStart,
      reports,
      rendersMs,
      baseline: { health: summary(quietHealth), autosave: summary(quietAutosave), eventLoopDelay: quietLoop },
      during: { ...during, eventLoopDelay: busyLoop },
      targetMet: during.health.p99 < 50 && during.autosave.p99 < 50,
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string', default: '4000' },
      renders: { type: 'string', default: '3' },
      rate: { type: 'string', default: '40' },
      baseline: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '3' },
      runs: { type: 'string', default: '1' },
      threads: { type: 'string' },
      inline: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  const responses = Number(values.responses);
  const renders = Number(values.renders);
  const rate = Number(values.rate);
  const baselineS = Number(values.baseline);
  const warmupS = Number(values.warmup);
  const runs = Number(values.runs);
  if (
    !(responses > 0 && renders > 0 && renders <= REPORTS.length && rate > 0 && baselineS > 0) ||
    !(warmupS >= 0 && Number.isInteger(runs) && runs > 0)
  )
    fail(`--responses, --rate, --baseline, --runs positive; --renders from 1 to ${REPORTS.length}`);

  const surveyJson = generateSurvey(MIXES.consultation!);
  const registry = generateRegistry(Math.max(responses, 100));
  const database = (await createBenchDatabase('sqlite'))!;
  try {
    const store = await database.open();
    const { campaignId } = await seedCampaign(store, surveyJson, registry);
    const invitations = await seedInvitations(store, campaignId, registry, responses + 1);
    const records = [...generateResponses(surveyJson, registry, responses + 1)];
    await seedSubmittedResponses(
      store,
      campaignId,
      invitations.slice(0, responses),
      records.slice(0, responses),
    );
    const respondent = invitations[responses]!;
    await kyselyOf(store)
      .updateTable('invitations')
      .set({ status: 'not_started' })
      .where('id', '=', respondent.id)
      .execute();
    await store.users.create({
      email: 'bench@example.org',
      name: 'Bench',
      role: 'admin',
      passwordHash: await hashPassword(PASSWORD),
    });
    await store.close();
    const draft = JSON.stringify({ data: records[responses]!.data });

    if (values.threads) process.env.PANORAMA_BENCH_RENDER_THREADS = values.threads;
    if (values.inline) process.env.PANORAMA_BENCH_INLINE_RENDER = '1';
    const questions = surveyJson.pages?.reduce((n, p) => n + (p.elements?.length ?? 0), 0);
    const results: RunResult[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const result = await oneRun({
        storeOptions: database.storeOptions,
        campaignId,
        token: respondent.token,
        draft,
        rate,
        renders,
        baselineS,
        warmupS,
      });
      results.push(result);
      console.log(
        JSON.stringify({
          bench: 'render-latency',
          run,
          mode: values.inline ? 'inline (event loop)' : 'render pool',
          responses,
          questions,
          ratePerEndpoint: rate,
          ...result,
        }),
      );
    }
    const p99s = (name: 'health' | 'autosave') => results.map((r) => r.during[name].p99);
    const medianHealth = median(p99s('health'));
    const medianAutosave = median(p99s('autosave'));
    console.log(
      JSON.stringify({
        bench: 'render-latency',
        summary: true,
        runs,
        mode: values.inline ? 'inline (event loop)' : 'render pool',
        responses,
        questions,
        healthP99s: p99s('health'),
        autosaveP99s: p99s('autosave'),
        medianHealthP99: medianHealth,
        medianAutosaveP99: medianAutosave,
        baselineHealthP99s: results.map((r) => r.baseline.health.p99),
        baselineAutosaveP99s: results.map((r) => r.baseline.autosave.p99),
        loadAverages: results.map((r) => r.loadAverageAtStart[0]),
        medianRendersMs: median(results.map((r) => r.rendersMs)),
        allRendered: results.every((r) => r.reports.every((x) => x.status === 200 && x.pdf)),
        targetMet: medianHealth < 50 && medianAutosave < 50,
      }),
    );
  } finally {
    await database.dispose();
  }
}

await main();
