/**
 * Solidarity repositories, run unchanged on SQLite (temp file) and PostgreSQL (throw-away cluster).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, StoreConflictError, StoreNotFoundError, type Store } from '../../src/store/index.js';
import type { PostgresInstance } from '../support/postgres.js';
import { skipWithoutPostgres, startPostgres } from '../support/postgres.js';

function suite(name: string, open: () => Promise<Store>): void {
  describe(`solidarity store (${name})`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.migrate();
      await store.migrate();
      await store.structures.upsertMany([
        { id: 'CS-A', name: 'Centre social A', communeCode: '59122', address: '1 rue A' },
        { id: 'CS-B', name: 'Centre social B', communeCode: '59350' },
      ]);
    });
    after(async () => {
      await store?.close();
    });

    it('places: every structure, with its directory profile once saved; services replaced in order', async () => {
      const repo = store.solidarity;
      const before = await repo.listPlaces({ structureIds: ['CS-A'] });
      assert.equal(before[0]?.siretOrRna, null);
      const saved = await repo.savePlaceProfile('CS-A', {
        siretOrRna: '77567227200001',
        postalCode: '59400',
        phone: '+33320000000',
        latitude: 50.176543,
        longitude: 3.234567,
      });
      assert.equal(saved.name, 'Centre social A');
      assert.equal(saved.latitude, 50.176543);
      await repo.savePlaceProfile('CS-A', { siretOrRna: '77567227200002', postalCode: '59400' });
      assert.equal((await repo.listPlaces({ structureIds: ['CS-A'] }))[0]?.siretOrRna, '77567227200002');
      await assert.rejects(repo.savePlaceProfile('nope', {}), StoreNotFoundError);
      await repo.replaceServices('CS-A', [
        {
          service: 'demarches_en_ligne',
          hours: 'Mo,We 10:00-12:00',
          access: 'accueil',
          public: 'tous publics',
          description: '',
        },
        {
          service: 'accompagnement_scolaire',
          hours: 'Mo,We 10:00-12:00',
          access: 'accueil',
          public: 'familles',
          description: 'x',
        },
      ]);
      await repo.replaceServices('CS-A', [
        {
          service: 'accompagnement_scolaire',
          hours: 'Mo,We 10:00-12:00',
          access: 'accueil',
          public: 'familles',
          description: 'x',
        },
        {
          service: 'demarches_en_ligne',
          hours: 'Mo,We 10:00-12:00',
          access: 'accueil',
          public: 'tous publics',
          description: '',
        },
      ]);
      assert.deepEqual(
        (await repo.listServices({ structureIds: ['CS-A'] })).map((s) => s.service),
        ['accompagnement_scolaire', 'demarches_en_ligne'],
      );
      assert.deepEqual(await repo.listServices({ structureIds: [] }), []);
    });

    it('programme, households (contact hidden unless asked, purged after retention), items, loans', async () => {
      const repo = store.solidarity;
      const programme = await repo.createProgramme(
        {
          id: 'P1',
          name: 'Tablettes seniors',
          public: 'senior',
          partners: ['CARSAT'],
          startOn: '2020-05-04',
          endOn: null,
          retentionDays: 30,
        },
        '2026-01-01T00:00:00.000Z',
      );
      assert.deepEqual(programme.partners, ['CARSAT']);
      await assert.rejects(
        repo.createProgramme({
          id: 'P1',
          name: 'x',
          public: 'senior',
          partners: [],
          startOn: null,
          endOn: null,
          retentionDays: null,
        }),
        StoreConflictError,
      );
      const [old] = await repo.addHouseholds(
        [
          {
            programmeId: 'P1',
            structureId: 'CS-A',
            code: 'S1',
            type: 'senior',
            communeCode: '59122',
            identifiedOn: null,
            targeted: true,
            children: 0,
            contact: '03 20 11 22 33',
          },
        ],
        '2026-01-01T00:00:00.000Z',
      );
      const [recent] = await repo.addHouseholds(
        [
          {
            programmeId: 'P1',
            structureId: 'CS-B',
            code: 'S2',
            type: 'senior',
            communeCode: null,
            identifiedOn: null,
            targeted: false,
            children: null,
            contact: 'x@y.fr',
          },
        ],
        '2026-03-01T00:00:00.000Z',
      );
      await assert.rejects(
        repo.addHouseholds([
          {
            programmeId: 'P1',
            structureId: 'CS-A',
            code: 'S1',
            type: 'senior',
            communeCode: null,
            identifiedOn: null,
            targeted: false,
            children: null,
          },
        ]),
        StoreConflictError,
      );
      assert.equal('contact' in (await repo.listHouseholds({ programmeId: 'P1' }))[0]!, false);
      assert.deepEqual(
        (await repo.listHouseholds({ structureIds: ['CS-A'], withContact: true })).map((h) => [
          h.code,
          h.contact,
        ]),
        [['S1', '03 20 11 22 33']],
      );
      assert.equal(await repo.purgeContacts('2026-03-10T00:00:00.000Z'), 1);
      const after = await repo.listHouseholds({ programmeId: 'P1', withContact: true });
      assert.deepEqual(
        after.map((h) => [h.code, h.contact]),
        [
          ['S1', null],
          ['S2', 'x@y.fr'],
        ],
      );

      const [tablet] = await repo.addItems([
        {
          programmeId: 'P1',
          structureId: 'CS-A',
          code: 'M1',
          category: 'tablette',
          model: 'Facilotab',
          source: 'achat',
          partner: 'CARSAT',
          receivedOn: '2020-05-10',
        },
      ]);
      const loan = await repo.allocate({
        itemId: tablet!.id,
        householdId: old!.id,
        mode: 'pret',
        date: '2020-06-01',
        dueOn: '2020-12-01',
      });
      await assert.rejects(
        repo.allocate({
          itemId: tablet!.id,
          householdId: recent!.id,
          mode: 'don',
          date: '2020-06-02',
          dueOn: null,
        }),
        StoreConflictError,
      );
      assert.equal((await repo.extendLoan(loan.id, '2021-01-31')).dueOn, '2021-01-31');
      await repo.markReminded([loan.id], '2021-02-02T00:00:00.000Z');
      assert.equal((await repo.getAllocation(loan.id))?.remindedAt, '2021-02-02T00:00:00.000Z');
      const back = await repo.recordReturn(loan.id, '2021-02-15', 'bon');
      assert.equal(back.returnedOn, '2021-02-15');
      await assert.rejects(repo.recordReturn(loan.id, '2021-02-16', null), StoreConflictError);
      // Back in stock: it can be given now, and moved to another structure.
      await repo.allocate({
        itemId: tablet!.id,
        householdId: recent!.id,
        mode: 'don',
        date: '2021-03-01',
        dueOn: null,
      });
      assert.equal((await repo.transferItem(tablet!.id, 'CS-B')).structureId, 'CS-B');
      assert.equal((await repo.listAllocations({ structureIds: ['CS-B'] })).length, 2);
      assert.equal((await repo.listAllocations({ structureIds: ['CS-A'] })).length, 0);

      await repo.addSupportActions([
        {
          householdId: old!.id,
          structureId: 'CS-A',
          type: 'visite_domicile',
          date: '2020-06-05',
          minutes: 60,
        },
        { householdId: recent!.id, structureId: 'CS-B', type: 'appel', date: '2020-06-06', minutes: null },
      ]);
      assert.deepEqual(
        (await repo.listSupportActions({ structureIds: ['CS-A'] })).map((s) => [s.type, s.minutes]),
        [['visite_domicile', 60]],
      );
      assert.equal((await repo.listSupportActions({ programmeId: 'P1' })).length, 2);
    });

    it('resources: published by a structure or the network, deleted by id', async () => {
      const repo = store.solidarity;
      const r = await repo.addResource({
        structureId: 'CS-A',
        type: 'tutoriel',
        title: 'Faire une visio',
        url: 'https://example.org/v',
        theme: 'numérique',
        public: 'seniors',
        publishedOn: '2020-04-10',
      });
      await repo.addResource({
        structureId: null,
        type: 'activite',
        title: 'Quiz',
        url: null,
        theme: 'loisirs',
        public: 'tous',
        publishedOn: null,
      });
      assert.equal((await repo.listResources()).length, 2);
      assert.deepEqual(
        (await repo.listResources({ structureIds: ['CS-A'] })).map((x) => x.title),
        ['Faire une visio'],
      );
      await repo.deleteResource(r.id);
      await assert.rejects(repo.deleteResource(r.id), StoreNotFoundError);
    });

    it('a transaction rolls back solidarity writes too', async () => {
      await assert.rejects(
        store.transaction(async (repos) => {
          await repos.solidarity.addResource({
            structureId: null,
            type: 'ressource',
            title: 'rolled back',
            url: null,
            theme: '',
            public: '',
            publishedOn: null,
          });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.ok(!(await store.solidarity.listResources()).some((r) => r.title === 'rolled back'));
    });

    it('staff accounts: role "structure" bound to one structure, changed, and left with nothing once the structure goes', async () => {
      await store.structures.upsertMany([{ id: 'CS-C', name: 'Centre social C' }]);
      const staff = await store.users.create({
        email: 'Equipe.C@test.fr',
        name: 'Équipe C',
        role: 'structure',
        passwordHash: 'x',
        structureId: 'CS-C',
      });
      assert.equal(staff.role, 'structure');
      assert.equal(staff.structureId, 'CS-C');
      assert.equal((await store.users.findByEmail('equipe.c@test.fr'))?.structureId, 'CS-C');
      assert.equal((await store.users.list()).find((u) => u.id === staff.id)?.role, 'structure');
      await assert.rejects(
        store.users.create({
          email: 'x@test.fr',
          name: 'X',
          role: 'structure',
          passwordHash: 'x',
          structureId: 'NOPE',
        }),
        StoreNotFoundError,
      );
      assert.equal((await store.users.update(staff.id, { structureId: 'CS-A' })).structureId, 'CS-A');
      const viewer = await store.users.update(staff.id, { role: 'viewer' });
      assert.equal(viewer.role, 'viewer');
      assert.equal(viewer.structureId, null);
      const again = await store.users.update(staff.id, { role: 'structure', structureId: 'CS-C' });
      assert.equal(again.structureId, 'CS-C');
      // Removing the structure keeps the account a staff account, bound to nothing.
      await store.structures.delete('CS-C');
      const orphan = await store.users.get(staff.id);
      assert.equal(orphan?.role, 'structure');
      assert.equal(orphan?.structureId, null);
    });
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'panorama-solidarity-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
suite('sqlite', () => openStore({ dataDir }));

let pg: PostgresInstance | undefined;
describe('on PostgreSQL', { skip: skipWithoutPostgres() }, () => {
  before(async () => {
    pg = await startPostgres();
    if (!pg) throw new Error('PostgreSQL binaries were found but the cluster did not start');
  });
  after(async () => {
    await pg?.stop();
  });
  suite('postgres', () => openStore({ databaseUrl: pg!.url }));
});
