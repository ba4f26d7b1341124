/**
 * Does a big export freeze everybody? The real server (own process, SQLite) holds a campaign of
 * 4,000 submitted responses × 31 questions; three large PDF reports are asked at once (three
 * different ones, so the cache cannot serve them) while autocannon measures, at a steady light
 * rate, the latency of `GET /api/health` and of a respondent autosave (`PUT
 * /api/respond/:token/draft`). The same load is measured first without any render (baseline).
 *
 *   node --import tsx bench/render-responsiveness.ts [--responses 4000] [--renders 3]
 *        [--rate 40] [--inline] [--threads N]
 *
 * `--inline` renders on the event loop (bench-only what-if: the server before the render pool).
 * Prints one JSON line; target: p99 < 50 ms for both requests while the renders run.
 */
import { parseArgs } from 'node:util';
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
import { startServerProcess } from './support/server.js';
import { fail, round } from './support/cli.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { kyselyOf } from '../src/store/inspect.js';

const HELP = `Usage: node --import tsx bench/render-responsiveness.ts [options]
  --responses N   submitted responses in the campaign (default 4000)
  --renders N     PDF reports asked at the same time (default 3, each with other options)
  --rate R        requests per second sent to each measured endpoint (default 40)
  --baseline S    seconds of measure without renders first (default 5)
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string', default: '4000' },
      renders: { type: 'string', default: '3' },
      rate: { type: 'string', default: '40' },
      baseline: { type: 'string', default: '5' },
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
  if (!(responses > 0 && renders > 0 && renders <= REPORTS.length && rate > 0 && baselineS > 0))
    fail(`--responses, --rate, --baseline positive; --renders from 1 to ${REPORTS.length}`);

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
    const server = await startServerProcess(database.storeOptions, { web: false });
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@example.org', password: PASSWORD }),
      });
      if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

      const measure = (durationS?: number) => {
        const common = { url: server.url, connections: 2, overallRate: rate, timeout: 60 };
        // Without a duration the load runs until stopped (at most an hour).
        const duration = durationS ?? 3600;
        const ignore = () => undefined;
        const health = autocannon({ ...common, duration, url: `${server.url}/api/health` }, ignore);
        const autosave = autocannon(
          {
            ...common,
            duration,
            url: `${server.url}/api/respond/${respondent.token}/draft`,
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: draft,
          },
          ignore,
        );
        return { health, autosave };
      };
      const settle = (instance: AutocannonInstance) =>
        new Promise<AutocannonResult>((resolve) => instance.on('done', resolve));

      // Baseline: the same light load, nothing rendering.
      await server.loopDelay();
      const quiet = measure(baselineS);
      const [quietHealth, quietAutosave] = await Promise.all([settle(quiet.health), settle(quiet.autosave)]);
      const quietLoop = await server.loopDelay();

      const load = [round(loadavg()[0]!, 2), round(loadavg()[1]!, 2)];
      const busy = measure();
      const busyDone = [settle(busy.health), settle(busy.autosave)] as const;
      const started = performance.now();
      const reports = await Promise.all(
        REPORTS.slice(0, renders).map(async (options) => {
          const t = performance.now();
          const res = await fetch(`${server.url}/api/campaigns/${campaignId}/report?format=pdf&${options}`, {
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

      const summary = (r: AutocannonResult) => ({
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
      });
      const during = { health: summary(busyHealth), autosave: summary(busyAutosave) };
      console.log(
        JSON.stringify({
          bench: 'render-responsiveness',
          mode: values.inline ? 'inline (event loop)' : 'render pool',
          responses,
          questions: surveyJson.pages?.reduce((n, p) => n + (p.elements?.length ?? 0), 0),
          ratePerEndpoint: rate,
          loadAverageAtStart: load,
          loadAverageAtEnd: [round(loadavg()[0]!, 2), round(loadavg()[1]!, 2)],
          reports,
          rendersMs,
          baseline: {
            health: summary(quietHealth),
            autosave: summary(quietAutosave),
            eventLoopDelay: quietLoop,
          },
          during: { ...during, eventLoopDelay: busyLoop },
          targetMet: during.health.p99 < 50 && during.autosave.p99 < 50,
        }),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
}

await main();
