import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openStore, StoreError } from '../../src/store/index.js';
import { runStoreSuite } from './suite.js';
import { kyselyOf } from '../../src/store/inspect.js';

const dataDir = mkdtempSync(join(tmpdir(), 'panorama-store-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

runStoreSuite('sqlite', () => openStore({ dataDir }));

describe('store on SQLite: the embedded file', () => {
  it('lives at <dataDir>/panorama.sqlite, in WAL mode with foreign keys enforced', async () => {
    const dir = join(dataDir, 'nested', 'dir');
    const store = await openStore({ dataDir: dir });
    try {
      await store.migrate();
      assert.equal(store.dialect, 'sqlite');
      assert.ok(existsSync(join(dir, 'panorama.sqlite')));
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(kyselyOf(store));
      assert.equal(journal.rows[0]?.journal_mode, 'wal');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(kyselyOf(store));
      assert.equal(fk.rows[0]?.foreign_keys, 1);
      await assert.rejects(
        kyselyOf(store)
          .insertInto('invitations')
          .values({
            id: 'i',
            campaign_id: 'missing',
            structure_id: null,
            token: 't',
            status: 'not_started',
            email: null,
            last_reminded_at: null,
            reminder_count: 0,
            created_at: 'now',
          })
          .execute(),
        /FOREIGN KEY/,
      );
    } finally {
      await store.close();
    }
  });

  it('pages submitted responses through an index, without sorting the campaign for every page', async () => {
    const store = await openStore({ dataDir: join(dataDir, 'plan') });
    try {
      await store.migrate();
      // The page query of responses.listSubmitted.
      const plan = await sql<{ detail: string }>`explain query plan
        select r.id from responses as r
        inner join response_revisions as rr on rr.response_id = r.id and rr.revision = r.revision
        where r.campaign_id = ${'c'} and r.revision > 0 and r.id > ${''} order by r.id limit 500`.execute(
        kyselyOf(store),
      );
      const details = plan.rows.map((row) => row.detail).join('\n');
      assert.match(details, /USING (COVERING )?INDEX responses_campaign_id/);
      assert.doesNotMatch(details, /TEMP B-TREE FOR ORDER BY/);
    } finally {
      await store.close();
    }
  });

  it('says which file it cannot open', async () => {
    const notADirectory = join(dataDir, 'plain-file');
    writeFileSync(notADirectory, 'not a directory');
    await assert.rejects(openStore({ dataDir: join(notADirectory, 'sub') }), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.match(e.message, /cannot open the database file .*plain-file.*panorama\.sqlite.*check DATA_DIR/);
      return true;
    });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL with a clear message', async () => {
    await assert.rejects(openStore({ databaseUrl: 'mysql://user:secret@host/db' }), (e: unknown) => {
      assert.match(String((e as Error).message), /postgres:\/\/ or postgresql:\/\//);
      assert.doesNotMatch(String((e as Error).message), /secret/);
      return true;
    });
  });
});
