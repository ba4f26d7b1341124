/**
 * Submission throughput against the running server: the real app (createApp) listens on
 * 127.0.0.1 in its own process, on SQLite and on PostgreSQL; autocannon POSTs
 * `/api/respond/:token/submit` with a distinct invitation token and a unique submissionId per
 * request (strict validation, audit entry and revision history included). Afterwards the database
 * is checked: every acknowledged (200) submission is stored exactly once.
 *
 *   node --import tsx bench/submit-throughput.ts [--duration 10] [--connections 10]
 *        [--invitations 30000] [--dialects sqlite,postgres] [--mix consultation]
 *
 * Prints one JSON line per dialect; exits with code 1 when a submission was lost or duplicated.
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import autocannon, { type AutocannonResult } from 'autocannon';
import { sql } from 'kysely';
import { generateRegistry, generateResponses, generateSurvey } from './synthetic.js';
import { MIXES } from './support/mixes.js';
import { createBenchDatabase, seedCampaign, seedInvitations, type BenchDialect } from './support/campaign.js';
import { startServerProcess } from './support/server.js';
import { fail, round } from './support/cli.js';
import { kyselyOf } from '../src/store/inspect.js';

const HELP = `Usage: node --import tsx bench/submit-throughput.ts [options]
  --duration S         seconds of load (default 10)
  --connections N      concurrent connections (default 10)
  --invitations N      invitations (distinct tokens) = most submissions possible (default 30000)
  --dialects LIST      sqlite,postgres (default both; postgres is skipped loudly when not installed)
  --mix NAME           consultation | senacs | closed (default consultation)
  --sqlite-synchronous MODE   what-if only: run the SQLite server with PRAGMA synchronous = MODE
                       (OFF | NORMAL) instead of the store's FULL, to measure the cost of fsync`;

interface Verification {
  acknowledged: number;
  stored: number;
  missing: number;
  duplicated: number;
  storedUnacknowledged: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      invitations: { type: 'string', default: '30000' },
      dialects: { type: 'string', default: 'sqlite,postgres' },
      mix: { type: 'string', default: 'consultation' },
      'sqlite-synchronous': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const invitationCount = Number(values.invitations);
  const mix = MIXES[values.mix];
  if (!mix) fail(`unknown --mix ${values.mix}; use ${Object.keys(MIXES).join(', ')}`);
  if (!(duration > 0 && connections > 0 && invitationCount > 0))
    fail('--duration, --connections and --invitations must be positive');
  const dialects = values.dialects.split(',').map((d) => d.trim()) as BenchDialect[];
  for (const d of dialects) if (d !== 'sqlite' && d !== 'postgres') fail(`unknown dialect ${d}`);

  const surveyJson = generateSurvey(mix);
  const registry = generateRegistry(4100);
  // A pool of realistic answer sets, serialised once, so the load generator spends its CPU on HTTP.
  const answers = [...generateResponses(surveyJson, registry, 500)].map((r) => JSON.stringify(r.data));
  let failed = false;

  for (const dialect of dialects) {
    const database = await createBenchDatabase(dialect);
    if (!database) {
      console.log(JSON.stringify({ bench: 'submit', dialect, skipped: 'PostgreSQL not installed' }));
      continue;
    }
    try {
      let store = await database.open();
      const { campaignId } = await seedCampaign(store, surveyJson, registry);
      const invitations = await seedInvitations(store, campaignId, registry, invitationCount);
      await store.close();

      const sync = values['sqlite-synchronous'];
      if (sync) process.env.PANORAMA_BENCH_SQLITE_SYNC = sync;
      const server = await startServerProcess(database.storeOptions, { web: false });
      const acknowledged = new Map<string, number>();
      let next = 0;
      let result: AutocannonResult;
      try {
        result = await autocannon({
          url: server.url,
          connections,
          duration,
          timeout: 10,
          requests: [
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              setupRequest: (request, context) => {
                const i = next++;
                const token = invitations[i % invitations.length]!.token;
                context.token = token;
                return {
                  ...request,
                  path: `/api/respond/${token}/submit`,
                  body: `{"submissionId":"${randomUUID()}","data":${answers[i % answers.length]}}`,
                };
              },
              onResponse: (status, _body, context) => {
                if (status !== 200) return;
                const token = context.token as string;
                acknowledged.set(token, (acknowledged.get(token) ?? 0) + 1);
              },
            },
          ],
        });
      } finally {
        await server.stop();
      }

      store = await database.open();
      let verification: Verification;
      try {
        verification = await verify(store, campaignId, acknowledged);
      } finally {
        await store.close();
      }
      const lost = verification.missing > 0 || verification.duplicated > 0;
      failed ||= lost;
      console.log(
        JSON.stringify({
          bench: 'submit',
          dialect,
          ...(sync && dialect === 'sqlite' ? { sqliteSynchronous: sync.toUpperCase() } : {}),
          connections,
          durationS: round(result.duration, 2),
          requests: result.requests.total,
          ok: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          responsesPerSecond: Math.round(result['2xx'] / result.duration),
          latencyP50Ms: result.latency.p50,
          latencyP99Ms: result.latency.p99,
          latencyMaxMs: result.latency.max,
          ...verification,
          noLoss: !lost,
        }),
      );
    } finally {
      await database.dispose();
    }
  }
  if (failed) {
    process.stderr.write('*** submissions were lost or duplicated: see "missing" and "duplicated"\n');
    process.exitCode = 1;
  }
}

/** Revisions per invitation token of the campaign, compared with what the server acknowledged. */
async function verify(
  store: Awaited<ReturnType<NonNullable<Awaited<ReturnType<typeof createBenchDatabase>>>['open']>>,
  campaignId: string,
  acknowledged: ReadonlyMap<string, number>,
): Promise<Verification> {
  const rows = await kyselyOf(store)
    .selectFrom('invitations as i')
    .innerJoin('responses as r', 'r.invitation_id', 'i.id')
    .innerJoin('response_revisions as rr', 'rr.response_id', 'r.id')
    .select(['i.token as token', sql<number>`count(*)`.as('revisions')])
    .where('i.campaign_id', '=', campaignId)
    .groupBy('i.token')
    .execute();
  const revisions = new Map(rows.map((r) => [r.token, Number(r.revisions)]));
  let missing = 0;
  let duplicated = 0;
  // A token is reused (a new revision, as a respondent re-submitting) only when the run outlasts
  // the invitations; then it must hold as many revisions as it got acknowledgements.
  let acks = 0;
  for (const [token, expected] of acknowledged) {
    acks += expected;
    const n = revisions.get(token) ?? 0;
    if (n < expected) missing += expected - n;
    else if (n > expected) duplicated += n - expected;
  }
  let storedUnacknowledged = 0;
  for (const token of revisions.keys()) if (!acknowledged.has(token)) storedUnacknowledged++;
  const stored = [...revisions.values()].reduce((a, b) => a + b, 0);
  return { acknowledged: acks, stored, missing, duplicated, storedUnacknowledged };
}

await main();
