/**
 * The ONE maintenance suite (backup, restore, scheduled backups, upgrades), run unchanged on
 * SQLite (sqlite.test.ts) and PostgreSQL (postgres.test.ts, a throw-away cluster).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import { seedDemo, type DemoSummary } from '../../../src/demo/index.js';
import { PanoramaError } from '../../../src/contract/errors/index.js';
import type { Store } from '../../../src/store/index.js';
import { kyselyOf } from '../../../src/store/inspect.js';
import { migrationProvider } from '../../../src/store/migrations/index.js';
import { knownMigrations, schemaVersion, tableCounts } from '../../../src/store/copy/index.js';
import {
  backup,
  restore,
  startBackupSchedule,
  currentSchemaVersion,
} from '../../../src/app/maintenance/index.js';
import { cliArgs } from '../../support/cli.js';
import { ROOT } from '../../support/shared.js';
import { archiveLines, dumpAll, gzipLines, type DatabaseFactory, type FreshDatabase } from './helpers.js';

/** The latest migration, from the file names of src/store/migrations (independent of the code). */
function latestMigrationFile(): string {
  return readdirSync(join(ROOT, 'src/store/migrations'))
    .filter((f) => /^\d{4}_.+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort()
    .at(-1)!;
}

/** Submits `count` new answers (two revisions each) and one edit of a submitted answer. */
async function submitMore(store: Store, demo: DemoSummary, count: number, tag: string): Promise<void> {
  const open = demo.openCampaign.id;
  const sample = (await store.invitations.list(open, { status: ['submitted'] }))[0]!;
  const response = (await store.responses.getByInvitation(sample.id))!;
  const waiting = (await store.invitations.list(open, { status: ['not_started'] })).slice(0, count);
  for (const [i, invitation] of waiting.entries()) {
    await store.responses.submit(invitation.id, response.data, `${tag}-${i}-a`);
    await store.responses.submit(
      invitation.id,
      { ...response.data, note: `${tag} ${i} é"\n✓` },
      `${tag}-${i}-b`,
    );
  }
  await store.responses.saveDraft(sample.id, { ...response.data, brouillon: tag });
}

async function rejects(promise: Promise<unknown>, code: string): Promise<PanoramaError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PanoramaError, `expected a PanoramaError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

/** Nothing was written: never migrated, no table. */
async function assertUntouched(db: FreshDatabase): Promise<void> {
  assert.equal(await schemaVersion(db.store), null);
  assert.deepEqual(await tableCounts(db.store), {});
}

function runCli(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, cliArgs(...args), {
    cwd: ROOT,
    env: { ...process.env, PANORAMA_LANG: 'fr', PANORAMA_DEMO: 'false', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runMaintenanceSuite(name: string, fresh: DatabaseFactory): void {
  describe(`maintenance suite (${name})`, () => {
    let source: FreshDatabase;
    let demo: DemoSummary;
    let archive: string;
    const opened: FreshDatabase[] = [];
    const freshDb = async () => {
      const db = await fresh();
      opened.push(db);
      return db;
    };

    before(async () => {
      source = await freshDb();
      await source.store.migrate();
      demo = await seedDemo(source.store);
      await submitMore(source.store, demo, 5, 'avant');
      archive = join(source.dir, 'sauvegarde.ndjson.gz');
    });
    after(async () => {
      for (const db of opened) await db.store.close();
    });

    test('the schema version is the latest migration file', async () => {
      assert.equal(await currentSchemaVersion(), latestMigrationFile());
      assert.equal(await schemaVersion(source.store), latestMigrationFile());
    });

    test('backup → restore into a fresh database: identical rows in every table', async () => {
      const result = await backup(source.store, { out: archive });
      assert.equal(result.format, 'archive');
      assert.equal(result.schemaVersion, latestMigrationFile());
      assert.match(result.sha256, /^[0-9a-f]{64}$/);
      const manifest = JSON.parse((await archiveLines(archive))[0]!) as {
        schemaVersion: string;
        appVersion: string;
        tables: { name: string; rows: number }[];
      };
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(manifest.appVersion, pkg.version);
      assert.equal(manifest.schemaVersion, latestMigrationFile());

      const expected = await dumpAll(source.store);
      // The demo answers plus the 5 new ones, each submitted twice.
      assert.equal(
        expected.responses!.filter((r) => r.status === 'submitted').length,
        demo.closedCampaign.submitted + demo.openCampaign.submitted + 5,
      );
      for (const table of manifest.tables) assert.equal(table.rows, expected[table.name]!.length, table.name);

      const target = await freshDb();
      const restored = await restore(target.store, { file: archive, target: 'cible' });
      assert.deepEqual(restored.counts, result.counts);
      const actual = await dumpAll(target.store);
      assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
      for (const table of Object.keys(expected)) assert.deepEqual(actual[table], expected[table], table);
      assert.equal(await schemaVersion(target.store), latestMigrationFile());
    });

    test('a .sqlite backup (SQLite) restores identically; PostgreSQL refuses it clearly', async () => {
      const file = join(source.dir, 'copie.sqlite');
      if (source.store.dialect === 'postgres') {
        const error = await rejects(backup(source.store, { out: file }), 'backup_write_failed');
        assert.match(error.message, /pg_dump/);
        return;
      }
      const result = await backup(source.store, { out: file });
      assert.equal(result.format, 'sqlite');
      const target = await freshDb();
      await restore(target.store, { file, target: 'cible' });
      assert.deepEqual(await dumpAll(target.store), await dumpAll(source.store));
    });

    test('restore refuses a non-empty database and changes nothing; --force replaces it', async () => {
      const target = await freshDb();
      await restore(target.store, { file: archive, target: 'cible' });
      await sql`UPDATE structures SET name = 'Modifié' WHERE id = (SELECT MIN(id) FROM structures)`.execute(
        kyselyOf(target.store),
      );
      const before = await dumpAll(target.store);
      const error = await rejects(
        restore(target.store, { file: archive, target: 'cible' }),
        'backup_target_not_empty',
      );
      assert.match(error.message, /contient déjà des données.*--force.*Rien n’a été modifié/s);
      assert.deepEqual(await dumpAll(target.store), before);

      await restore(target.store, { file: archive, target: 'cible', force: true });
      assert.deepEqual(await dumpAll(target.store), await dumpAll(source.store));
    });

    test('restore refuses an archive from a newer schema, in French, and writes nothing', async () => {
      const lines = await archiveLines(archive);
      const manifest = JSON.parse(lines[0]!) as { schemaVersion: string };
      manifest.schemaVersion = '9999_from_a_future_release';
      const file = join(source.dir, 'future.ndjson.gz');
      writeFileSync(file, gzipLines([JSON.stringify(manifest), ...lines.slice(1)]));
      const target = await freshDb();
      const error = await rejects(restore(target.store, { file, target: 'cible' }), 'backup_schema_newer');
      assert.match(error.message, /version plus récente de Panorama.*9999_from_a_future_release/);
      assert.ok(error.message.includes(latestMigrationFile()));
      await assertUntouched(target);
    });

    test('restore refuses damaged files and writes nothing', async () => {
      const target = await freshDb();
      const bytes = readFileSync(archive);
      const cases: [string, Buffer, string][] = [];
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(bytes.length * 0.6)]! ^= 0x55;
      cases.push(['flipped.ndjson.gz', flipped, 'backup_corrupted']);
      cases.push([
        'truncated.ndjson.gz',
        bytes.subarray(0, Math.floor(bytes.length * 0.8)),
        'backup_corrupted',
      ]);
      const lines = await archiveLines(archive);
      const edited = lines.map((line) => line.replace('"submitted"', '"draft"'));
      assert.notDeepEqual(edited, lines);
      cases.push(['edited.ndjson.gz', gzipLines(edited), 'backup_corrupted']);
      const dropped = lines.filter((_, i) => i !== lines.length - 1);
      cases.push(['missing-row.ndjson.gz', gzipLines(dropped), 'backup_corrupted']);
      cases.push(['notes.txt', Buffer.from('pas une sauvegarde\n'), 'backup_not_an_archive']);
      cases.push(['other.gz', gzipLines(['{"hello":1}']), 'backup_not_an_archive']);
      for (const [name, content, code] of cases) {
        const file = join(source.dir, name);
        writeFileSync(file, content);
        const error = await rejects(restore(target.store, { file, target: 'cible' }), code);
        assert.ok(error.message.includes(name), error.message);
        await assertUntouched(target);
      }
      await rejects(
        restore(target.store, { file: join(source.dir, 'absent.gz'), target: 'cible' }),
        'backup_file_missing',
      );
      await assertUntouched(target);
    });

    test('a backup taken while answers are being submitted restores a consistent state', async () => {
      const db = await freshDb();
      await db.store.migrate();
      const seeded = await seedDemo(db.store);
      const file = join(db.dir, 'pendant.ndjson.gz');
      const countsBefore = await tableCounts(db.store);
      let writing = true;
      const writer = (async () => {
        let i = 0;
        while (writing && i < 400) {
          const invitation = await db.store.invitations.createAnonymous(seeded.openCampaign.id);
          await db.store.responses.submit(invitation.id, { q: i }, `concurrent-${i}-a`);
          await db.store.responses.submit(invitation.id, { q: i, v: 2 }, `concurrent-${i}-b`);
          i += 1;
        }
        return i;
      })();
      await backup(db.store, { out: file });
      writing = false;
      const written = await writer;
      const countsAfter = await tableCounts(db.store);
      const target = await freshDb();
      const restored = await restore(target.store, { file, target: 'cible' });
      const dump = await dumpAll(target.store);
      for (const table of ['responses', 'response_revisions', 'invitations']) {
        assert.ok(
          restored.counts[table]! >= countsBefore[table]! && restored.counts[table]! <= countsAfter[table]!,
          table,
        );
      }
      // A consistent cut: every response has exactly its revisions, every submitted invitation its response.
      const revisions = new Map<string, number>();
      for (const r of dump.response_revisions!)
        revisions.set(r.response_id as string, (revisions.get(r.response_id as string) ?? 0) + 1);
      for (const r of dump.responses!)
        assert.equal(revisions.get(r.id as string) ?? 0, r.revision, `response ${String(r.id)}`);
      const responded = new Set(
        dump.responses!.filter((r) => (r.revision as number) > 0).map((r) => r.invitation_id),
      );
      for (const inv of dump.invitations!) {
        if (inv.status === 'submitted') assert.ok(responded.has(inv.id), `invitation ${String(inv.id)}`);
      }
      process.stdout.write(
        `# ${name}: ${written} answers submitted during the backup; the backup holds ` +
          `${restored.counts.responses! - countsBefore.responses!} of them\n`,
      );
    });

    test('scheduled backups rotate, and the event loop keeps turning', async () => {
      const dir = join(source.dir, 'planifiees');
      const lines: string[] = [];
      const schedule = startBackupSchedule(source.store, {
        dir,
        intervalHours: 500,
        keep: 2,
        log: (l) => lines.push(l),
      });
      let maxGap = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
      }, 5);
      try {
        for (const day of [1, 2, 3]) {
          const result = await schedule.runOnce(new Date(Date.UTC(2026, 0, day, 3)));
          assert.ok(result, lines.join('\n'));
        }
      } finally {
        clearInterval(ticker);
        await schedule.stop();
      }
      assert.deepEqual(readdirSync(dir).sort(), [
        'panorama-2026-01-02T03-00-00Z.ndjson.gz',
        'panorama-2026-01-03T03-00-00Z.ndjson.gz',
      ]);
      assert.match(lines.at(-1)!, /Sauvegarde planifiée : .*, 1 ancienne\(s\) supprimée\(s\)/);
      process.stdout.write(
        `# ${name}: longest event-loop gap during scheduled backups: ${Math.round(maxGap)} ms\n`,
      );
      assert.ok(maxGap < 1000, `event loop blocked ${Math.round(maxGap)} ms`);
      const target = await freshDb();
      await restore(target.store, {
        file: join(dir, 'panorama-2026-01-03T03-00-00Z.ndjson.gz'),
        target: 'cible',
      });
      assert.deepEqual(await dumpAll(target.store), await dumpAll(source.store));
    });

    test('CLI: panorama backup and restore through the real binary', async () => {
      const file = join(source.dir, 'cli.ndjson.gz');
      const saved = runCli(['backup', '--out', file], source.env);
      assert.equal(saved.status, 0, saved.stderr);
      assert.match(saved.stdout, /Sauvegarde écrite : .*cli\.ndjson\.gz/);
      assert.match(saved.stdout, new RegExp(`schéma  : ${latestMigrationFile()}`));
      assert.ok(existsSync(file));

      const again = runCli(['backup', '--out', file], source.env);
      assert.equal(again.status, 2);
      assert.match(again.stderr, /existe déjà/);

      const target = await freshDb();
      const restored = runCli(['restore', file], target.env);
      assert.equal(restored.status, 0, restored.stderr);
      assert.match(restored.stdout, /Sauvegarde restaurée dans/);
      assert.deepEqual(await dumpAll(target.store), await dumpAll(source.store));

      const refused = runCli(['restore', file], target.env);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /contient déjà des données/);
      assert.doesNotMatch(refused.stderr, /\n\s+at /);

      const missing = runCli(['restore', join(source.dir, 'nulle-part.gz')], target.env);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /n'existe pas/);
      assert.doesNotMatch(missing.stderr, /\n\s+at /);
    });

    test('an archive kept from release 0.1.0 (schema 0005_accounts) restores and reaches the current schema', async () => {
      const file = join(ROOT, 'test/app/maintenance/fixtures/panorama-0.1.0-0005_accounts.ndjson.gz');
      const lines = await archiveLines(file);
      const manifest = JSON.parse(lines[0]!) as {
        schemaVersion: string;
        tables: { name: string; columns: string[]; rows: number }[];
      };
      assert.equal(manifest.schemaVersion, '0005_accounts');
      // Submitted answers per campaign, counted by hand from the archive's rows.
      const responseColumns = manifest.tables.find((t) => t.name === 'responses')!.columns;
      const submitted = new Map<string, number>();
      let table = '';
      for (const line of lines.slice(1)) {
        const value = JSON.parse(line) as unknown;
        if (!Array.isArray(value)) {
          table = (value as { table: string }).table;
          continue;
        }
        if (table !== 'responses') continue;
        const row = Object.fromEntries(responseColumns.map((c, i) => [c, value[i]]));
        if (row.status === 'submitted')
          submitted.set(row.campaign_id as string, (submitted.get(row.campaign_id as string) ?? 0) + 1);
      }
      assert.ok(submitted.size > 0);

      const target = await freshDb();
      const result = await restore(target.store, { file, target: 'cible' });
      assert.equal(result.schemaVersion, '0005_accounts');
      assert.equal(await schemaVersion(target.store), latestMigrationFile());
      const counts = await tableCounts(target.store);
      for (const t of manifest.tables) assert.equal(counts[t.name], t.rows, t.name);
      for (const [campaign, n] of submitted)
        assert.equal(await target.store.responses.countSubmitted(campaign), n);
    });

    test('a database created at an older migration is upgraded by starting Panorama and keeps its data', async () => {
      const known = await knownMigrations();
      const older = known.at(-2)!;
      assert.ok(older < known.at(-1)!);
      const db = await freshDb();
      const kysely = kyselyOf(db.store);
      const { error } = await new Migrator({ db: kysely, provider: migrationProvider }).migrateTo(older);
      assert.equal(error, undefined);
      assert.equal(await schemaVersion(db.store), older);
      const at = '2020-01-01T00:00:00.000Z';
      await sql`INSERT INTO territories (id, name, level, code, parent_id) VALUES ('t-ancien', 'Ancien territoire', 'region', '32', NULL)`.execute(
        kysely,
      );
      await sql`INSERT INTO structures (id, name, type, territory_id, attributes, created_at, updated_at)
        VALUES ('CS-ANCIEN', 'Centre social historique', 'CS', 't-ancien', '{"ville":"Lille"}', ${at}, ${at})`.execute(
        kysely,
      );
      await sql`INSERT INTO users (id, email, name, password_hash, role, created_at, disabled)
        VALUES ('u-ancien', 'ancien@exemple.fr', 'Ancienne', 'x', 'admin', ${at}, 0)`.execute(kysely);
      const before = await dumpAll(db.store);
      await db.store.close();

      const child = spawn(process.execPath, cliArgs('start', '--port', '0', '--no-demo'), {
        cwd: ROOT,
        env: { ...process.env, ...db.env, PANORAMA_DEMO: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Panorama did not start:\n${output}`)), 90_000);
        child.stdout.on('data', () => {
          if (output.includes('Panorama is running')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`Panorama exited (${code}):\n${output}`)));
      });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));

      // A backup of the older database was taken before migrating it, and restores its rows.
      const backups = join(db.dir, 'backups');
      const saved = readdirSync(backups).filter((f) => f.startsWith(`avant-migration-${older}-`));
      assert.equal(saved.length, 1, output);
      assert.match(output, /Sauvegarde avant mise à jour du schéma : /);
      const fromBackup = await freshDb();
      const result = await restore(fromBackup.store, { file: join(backups, saved[0]!), target: 'cible' });
      assert.equal(result.schemaVersion, older);
      const restoredRows = await dumpAll(fromBackup.store);
      // Columns added by the newer migrations (e.g. structures.archived_at) are left out.
      const oldColumns = (
        rows: Record<string, unknown>[] | undefined,
        like: Record<string, unknown>[] | undefined,
      ) => rows?.map((row) => Object.fromEntries(Object.keys(like?.[0] ?? row).map((k) => [k, row[k]])));
      for (const table of ['territories', 'structures'])
        assert.deepEqual(oldColumns(restoredRows[table], before[table]), before[table], table);

      const reopened = await db.reopen();
      opened.push(reopened);
      assert.equal(await schemaVersion(reopened.store), known.at(-1));
      const afterUpgrade = await dumpAll(reopened.store);
      for (const table of ['territories', 'structures'])
        assert.deepEqual(oldColumns(afterUpgrade[table], before[table]), before[table], table);
      const user = afterUpgrade.users!.find((u) => u.id === 'u-ancien')!;
      assert.deepEqual(
        { ...user, must_change_password: undefined },
        { ...before.users![0], must_change_password: undefined },
      );
    });
  });
}
