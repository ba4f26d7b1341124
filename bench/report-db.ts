/**
 * The report computed from the database, reading included: a campaign with R submitted responses
 * is seeded (not timed) on a temporary SQLite file and on a throw-away PostgreSQL cluster, then
 * `responses.listSubmitted` + `buildReport` are timed, as the report route does them.
 *
 *   node --import tsx bench/report-db.ts [--responses 10000] [--structures 4100]
 *        [--dialects sqlite,postgres] [--mix consultation|senacs|closed] [--repeat 3] [--page-size 500]
 *
 * Per dialect: read = listSubmitted into an array (SQL, JSON.parse), compute = buildReport on it,
 * total = read + compute (best of --repeat after one warm-up), and `streamMs`, the same report
 * fed record by record to ReportBuilder while reading (what a streaming route would cost).
 * Prints one JSON line per dialect on stdout.
 */
import { parseArgs } from 'node:util';
import { buildSurveyModel } from '../src/survey/model.js';
import { buildReport, ReportBuilder } from '../src/stats/index.js';
import type { ResponseRecord } from '../src/survey/records.js';
import type { Store } from '../src/store/index.js';
import { generateRegistry, generateResponses, generateSurvey } from './synthetic.js';
import { MIXES } from './support/mixes.js';
import {
  createBenchDatabase,
  seedCampaign,
  seedInvitations,
  seedSubmittedResponses,
  type BenchDialect,
} from './support/campaign.js';
import { fail, round } from './support/cli.js';

const HELP = `Usage: node --import tsx bench/report-db.ts [options]
  --responses R        submitted responses to seed (default 10000)
  --structures S       structures in the network (default 4100)
  --dialects LIST      sqlite,postgres (default both; postgres is skipped loudly when not installed)
  --mix NAME           consultation | senacs | closed (default consultation)
  --repeat N           timed repetitions, best kept (default 3)
  --page-size N        listSubmitted page size (default: the store's, 500)`;

async function readAll(store: Store, campaignId: string, pageSize?: number): Promise<ResponseRecord[]> {
  const list: ResponseRecord[] = [];
  for await (const r of store.responses.listSubmitted(campaignId, pageSize ? { pageSize } : {})) list.push(r);
  return list;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string', default: '10000' },
      structures: { type: 'string', default: '4100' },
      dialects: { type: 'string', default: 'sqlite,postgres' },
      mix: { type: 'string', default: 'consultation' },
      repeat: { type: 'string', default: '3' },
      'page-size': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  const count = Number(values.responses);
  const repeat = Number(values.repeat);
  const pageSize = values['page-size'] ? Number(values['page-size']) : undefined;
  const mix = MIXES[values.mix];
  if (!mix) fail(`unknown --mix ${values.mix}; use ${Object.keys(MIXES).join(', ')}`);
  if (!(count > 0) || !(repeat > 0)) fail('--responses and --repeat must be positive numbers');
  const dialects = values.dialects.split(',').map((d) => d.trim()) as BenchDialect[];
  for (const d of dialects) if (d !== 'sqlite' && d !== 'postgres') fail(`unknown dialect ${d}`);

  const surveyJson = generateSurvey(mix);
  const survey = buildSurveyModel(surveyJson, 'synthetic');
  const registry = generateRegistry(Number(values.structures));

  for (const dialect of dialects) {
    const database = await createBenchDatabase(dialect);
    if (!database) {
      console.log(JSON.stringify({ bench: 'report-db', dialect, skipped: 'PostgreSQL not installed' }));
      continue;
    }
    const store = await database.open();
    try {
      const seedStart = performance.now();
      const { campaignId } = await seedCampaign(store, surveyJson, registry);
      const invitations = await seedInvitations(store, campaignId, registry, count);
      const seeded = await seedSubmittedResponses(
        store,
        campaignId,
        invitations,
        generateResponses(surveyJson, registry, count),
      );
      const seedMs = performance.now() - seedStart;
      const storeRegistry = await store.structures.registry();

      const reads: number[] = [];
      const computes: number[] = [];
      const streams: number[] = [];
      let questions = 0;
      for (let i = 0; i <= repeat; i++) {
        let start = performance.now();
        const responses = await readAll(store, campaignId, pageSize);
        const readMs = performance.now() - start;
        if (responses.length !== seeded)
          throw new Error(`read ${responses.length} responses, seeded ${seeded}`);
        start = performance.now();
        const model = buildReport(survey, responses, { registry: storeRegistry });
        const computeMs = performance.now() - start;
        questions = model.questions.length;
        start = performance.now();
        const builder = new ReportBuilder(survey, { registry: storeRegistry });
        for await (const r of store.responses.listSubmitted(campaignId, pageSize ? { pageSize } : {}))
          builder.add(r);
        builder.finish();
        const streamMs = performance.now() - start;
        if (i === 0) continue; // warm-up: JIT, page cache, PostgreSQL buffers
        reads.push(readMs);
        computes.push(computeMs);
        streams.push(streamMs);
      }
      const best = Math.min(...reads.map((r, i) => r + computes[i]!));
      const bestIndex = reads.findIndex((r, i) => r + computes[i]! === best);
      console.log(
        JSON.stringify({
          bench: 'report-db',
          dialect,
          responses: seeded,
          questions,
          seedMs: round(seedMs),
          totalMs: round(best),
          readMs: round(reads[bestIndex]!),
          computeMs: round(computes[bestIndex]!),
          streamMs: round(Math.min(...streams)),
          readPerSecond: Math.round(seeded / (reads[bestIndex]! / 1000)),
        }),
      );
    } finally {
      await store.close();
      await database.dispose();
    }
  }
}

await main();
