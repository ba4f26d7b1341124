import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type StoredStructure, type Store } from '../../src/store/index.js';
import { importRegistry, previewRegistryImport } from '../../src/app/registry/import.js';
import { importCampaignFolder } from '../../src/cli/import.js';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';
import { writeSmallFolder } from '../publication/small-folder.js';

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
const now = () => new Date('2025-03-01T10:00:00.000Z');

/** Everything an import could touch, to compare before and after. */
const snapshot = (s: StoredStructure) => {
  const { updatedAt: _u, ...rest } = s;
  return rest;
};

/**
 * Re-importing a partial registry changes only the columns present, on every database: absent
 * columns and empty cells keep what is stored (e-mails set in the application included), the
 * preview lists each field that changes (old → new), and only clearEmpty removes values.
 */
function registryImportSuite(open: () => Promise<Store>): void {
  let store: Store;
  const deps = () => ({ store, now });
  const p = (id: string) => `${process.pid}-${id}`;
  before(async () => {
    store = await open();
    await store.migrate();
  });
  after(async () => store?.close());

  it('a full file, then a partial id,nom,email file: only the present columns change', async () => {
    const [a, b, c] = [p('A'), p('B'), p('C')];
    await importRegistry(
      deps(),
      {
        filename: 'complet.csv',
        bytes: csv([
          'id;nom;type;adresse;code_commune;territoire;qpv;gestion;email;agrement',
          `${a};Centre A;CS;1 rue Nationale;59350;Métropole lilloise;oui;associative;a@centre.fr;2019`,
          `${b};Centre B;EVS;2 rue Basse;62041;Arrageois;non;municipale;b@centre.fr;2020`,
          `${c};Centre C;CS;3 place;59183;Flandre;oui;associative;c@centre.fr;2021`,
        ]),
        actor: 'test',
      },
      'fr',
    );
    // An e-mail set in the application afterwards.
    const stored = (await store.structures.get(a))!;
    await store.structures.update(a, { attributes: { ...stored.attributes, email: 'direction@a.fr' } });
    const before = new Map((await store.structures.list()).map((s) => [s.id, snapshot(s)]));
    assert.ok(before.get(a)!.territoryId, 'territory set by the first import');

    const partial = {
      filename: 'partiel.csv',
      bytes: csv([
        'id,nom,email',
        `${a},Centre A,`,
        `${b},Centre B,nouveau@b.fr`,
        `${c},Centre C renommé,c@centre.fr`,
      ]),
    };
    const preview = await previewRegistryImport(deps(), partial, 'fr');
    assert.deepEqual(preview.errors, []);
    assert.deepEqual([preview.toCreate, preview.toUpdate, preview.unchanged], [0, 2, 1]);
    assert.deepEqual(
      preview.changes.map((ch) => [ch.id, ch.action, ch.changes]),
      [
        [b, 'update', [{ field: 'email', attribute: true, before: 'b@centre.fr', after: 'nouveau@b.fr' }]],
        [c, 'update', [{ field: 'name', attribute: false, before: 'Centre C', after: 'Centre C renommé' }]],
      ],
    );
    assert.deepEqual(preview.absent, [
      'type',
      'address',
      'communeCode',
      'territory',
      'departement',
      'region',
      'qpv',
      'managerType',
    ]);
    assert.deepEqual(preview.territoriesToCreate, []);

    const result = await importRegistry(deps(), { ...partial, actor: 'test' }, 'fr');
    assert.deepEqual(result, { created: 0, updated: 2, unchanged: 1, territoriesCreated: 0 });
    const afterA = snapshot((await store.structures.get(a))!);
    assert.deepEqual(afterA, before.get(a), 'structure A: nothing changed, the app e-mail is kept');
    const afterB = snapshot((await store.structures.get(b))!);
    assert.deepEqual(afterB, {
      ...before.get(b)!,
      attributes: { ...before.get(b)!.attributes, email: 'nouveau@b.fr' },
    });
    const afterC = snapshot((await store.structures.get(c))!);
    assert.deepEqual(afterC, { ...before.get(c)!, name: 'Centre C renommé' });
  });

  it('clearing needs the explicit option: then empty cells remove values, shown as removals', async () => {
    const [a, b] = [p('A'), p('B')];
    const file = {
      filename: 'vider.csv',
      bytes: csv(['id;email;agrement;qpv;territoire', `${a};;;;`, `${b};b2@centre.fr;2020;non;Arrageois`]),
    };
    const kept = await previewRegistryImport(deps(), file, 'fr');
    assert.deepEqual(
      [kept.toUpdate, kept.unchanged],
      [1, 1],
      'without the option, empty cells change nothing',
    );
    const preview = await previewRegistryImport(deps(), { ...file, clearEmpty: true }, 'en');
    const changeOfA = preview.changes.find((ch) => ch.id === a)!;
    assert.deepEqual(
      changeOfA.changes.map((ch) => [ch.field, ch.before, ch.after]),
      [
        ['qpv', true, null],
        ['territory', 'Métropole lilloise', null],
        ['agrement', '2019', null],
        ['email', 'direction@a.fr', null],
      ],
    );
    await importRegistry(deps(), { ...file, clearEmpty: true, actor: 'test' }, 'fr');
    const afterA = (await store.structures.get(a))!;
    assert.equal(afterA.territoryId, null);
    assert.equal(afterA.qpv, null);
    assert.equal(afterA.attributes.email, undefined);
    assert.equal(afterA.attributes.agrement, undefined);
    assert.equal(afterA.type, 'CS', 'absent columns are never cleared');
    assert.equal(afterA.communeCode, '59350');
  });

  it('a new structure needs a name; a bad file changes nothing and names line and column', async () => {
    const before = (await store.structures.list()).map(snapshot);
    const file = {
      filename: 'nouveau.csv',
      bytes: csv(['id,email', `${p('A')},ok@a.fr`, `${p('NEW')},new@centre.fr`]),
    };
    await assert.rejects(importRegistry(deps(), { ...file, actor: 'test' }, 'fr'), (err: unknown) => {
      const e = err as { code: string; status: number; message: string; details: { line: number }[] };
      assert.equal(e.code, 'registry_invalid');
      assert.equal(e.status, 422);
      assert.match(e.message, /nouveau\.csv.*1 erreur.*ligne 1.*n'existe pas encore.*colonne « nom »/);
      return true;
    });
    assert.deepEqual((await store.structures.list()).map(snapshot), before);
  });

  it('panorama import of a campaign folder keeps app e-mails and reuses an identical questionnaire', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-reimport-'));
    try {
      const folder = writeSmallFolder(join(dir, 'in'), [{ id: 'r1', structure: 'S1', etp: 3 }]);
      const first = await importCampaignFolder(store, folder, { name: `Petit ${process.pid}`, now: now() });
      assert.equal(first.surveyReused, false);
      const s1 = (await store.structures.get('S1'))!;
      await store.structures.update('S1', { attributes: { ...s1.attributes, email: 'app@s1.fr' } });
      const surveys = (await store.surveys.list()).length;
      const second = await importCampaignFolder(store, folder, {
        name: `Petit bis ${process.pid}`,
        now: now(),
      });
      assert.equal(second.surveyReused, true);
      assert.equal(second.surveyId, first.surveyId);
      assert.equal((await store.surveys.list()).length, surveys, 'no second copy of the questionnaire');
      assert.deepEqual(second.structures, { created: 0, updated: 0, unchanged: 2 });
      assert.equal((await store.structures.get('S1'))!.attributes.email, 'app@s1.fr');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

describe('registry import never erases (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-registry-import-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  registryImportSuite(() => openStore({ dataDir: dir }));
});

describe('registry import never erases (PostgreSQL)', { skip: skipWithoutPostgres() }, () => {
  let pg: PostgresInstance | undefined;
  before(async () => {
    pg = await startPostgres();
    assert.ok(pg, 'PostgreSQL binaries exist but the cluster did not start');
  });
  registryImportSuite(async () => openStore({ databaseUrl: pg!.url }));
  after(async () => pg?.stop());
});
