/**
 * Benchmark fixtures in a real store: a temporary SQLite file or a throw-away PostgreSQL cluster,
 * a synthetic network, a survey, an open campaign, invitations and (optionally) submitted
 * responses. Seeding goes through the store's Kysely instance in multi-row batches because the
 * repositories write one response per transaction; seeding is never part of a timed figure.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { startPostgres } from '../../test/support/postgres.js';
import type { SurveyJson } from '../../src/survey/definition-schema.js';
import type { Registry, ResponseRecord } from '../../src/survey/records.js';
import { kyselyOf } from '../../src/store/inspect.js';

export type BenchDialect = 'sqlite' | 'postgres';

export interface BenchDatabase {
  dialect: BenchDialect;
  /** What openStore needs to reach this database again (e.g. from a server child process). */
  storeOptions: { databaseUrl?: string; dataDir: string };
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

/** A fresh empty database, or undefined (said loudly on stderr) when PostgreSQL is not installed. */
export async function createBenchDatabase(dialect: BenchDialect): Promise<BenchDatabase | undefined> {
  const dataDir = mkdtempSync(join(tmpdir(), 'panorama-bench-'));
  let stopPostgres: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    const pg = await startPostgres();
    if (!pg) {
      rmSync(dataDir, { recursive: true, force: true });
      process.stderr.write('*** SKIPPED: PostgreSQL benchmark (no PostgreSQL binaries found)\n');
      return undefined;
    }
    databaseUrl = pg.url;
    stopPostgres = () => pg.stop();
  }
  const storeOptions = { databaseUrl, dataDir };
  return {
    dialect,
    storeOptions,
    open: async () => {
      const store = await openStore(storeOptions);
      await store.migrate();
      return store;
    },
    dispose: async () => {
      try {
        await stopPostgres?.();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export interface SeededCampaign {
  campaignId: string;
  surveyVersionId: string;
}

const DAY = 24 * 3600 * 1000;

/** Registry structures, the survey and a campaign open from yesterday to next month. */
export async function seedCampaign(
  store: Store,
  surveyJson: SurveyJson,
  registry: Registry,
): Promise<SeededCampaign> {
  await store.structures.upsertMany(
    registry.structures.map((s) => ({
      id: s.id,
      name: s.name,
      type: s.attributes.type === 'EVS' ? ('EVS' as const) : ('CS' as const),
      qpv: s.attributes.qpv === 'oui',
      attributes: { departement: s.attributes.departement!, territoire: s.attributes.territoire! },
    })),
  );
  const { version } = await store.surveys.create({
    title: typeof surveyJson.title === 'string' ? surveyJson.title : 'Enquête',
    definition: surveyJson,
  });
  const now = Date.now();
  const campaign = await store.campaigns.create({
    name: 'Campagne de mesure',
    surveyVersionId: version.id,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 30 * DAY).toISOString(),
    population: {},
  });
  return { campaignId: campaign.id, surveyVersionId: version.id };
}

export interface InvitationRow {
  id: string;
  token: string;
  structureId: string | null;
}

/**
 * `count` invitations: the first ones for the registry's structures, the rest anonymous (as the
 * respondents of a public consultation link are). Tokens have the production shape.
 */
export async function seedInvitations(
  store: Store,
  campaignId: string,
  registry: Registry,
  count: number,
): Promise<InvitationRow[]> {
  const rows: InvitationRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      id: randomUUID(),
      token: randomBytes(24).toString('base64url'),
      structureId: registry.structures[i]?.id ?? null,
    });
  }
  const createdAt = new Date().toISOString();
  for (const batch of batches(rows, 500)) {
    await kyselyOf(store)
      .insertInto('invitations')
      .values(
        batch.map((r) => ({
          id: r.id,
          campaign_id: campaignId,
          structure_id: r.structureId,
          token: r.token,
          status: 'not_started',
          email: null,
          last_reminded_at: null,
          reminder_count: 0,
          created_at: createdAt,
        })),
      )
      .execute();
  }
  return rows;
}

/**
 * One submitted response (response row + revision 1) per generated record, each on its own
 * invitation, exactly as `responses.submit` leaves them. Returns the number stored.
 */
export async function seedSubmittedResponses(
  store: Store,
  campaignId: string,
  invitations: readonly InvitationRow[],
  records: Iterable<ResponseRecord>,
): Promise<number> {
  const submittedAt = new Date().toISOString();
  let stored = 0;
  let pending: { invitation: InvitationRow; data: string }[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending.map((p) => ({ ...p, responseId: randomUUID() }));
    pending = [];
    // Raw multi-row inserts: the repositories have no bulk submit (seeding only, never timed).
    await kyselyOf(store)
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('responses')
          .values(
            rows.map((r) => ({
              id: r.responseId,
              campaign_id: campaignId,
              invitation_id: r.invitation.id,
              structure_id: r.invitation.structureId,
              status: 'submitted',
              data: r.data,
              revision: 1,
              draft_updated_at: null,
              submitted_at: submittedAt,
            })),
          )
          .execute();
        await trx
          .insertInto('response_revisions')
          .values(
            rows.map((r) => ({
              response_id: r.responseId,
              revision: 1,
              data: r.data,
              submitted_at: submittedAt,
              submission_id: `seed-${r.responseId}`,
            })),
          )
          .execute();
      });
  };
  for (const record of records) {
    const invitation = invitations[stored];
    if (!invitation) throw new Error(`only ${invitations.length} invitations for more responses`);
    pending.push({ invitation, data: JSON.stringify(record.data) });
    stored++;
    if (pending.length >= 200) await flush();
  }
  await flush();
  await kyselyOf(store)
    .updateTable('invitations')
    .set({ status: 'submitted' })
    .where('campaign_id', '=', campaignId)
    .execute();
  return stored;
}

function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
