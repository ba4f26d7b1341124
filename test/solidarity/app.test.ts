import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PanoramaError } from '../../src/contract/errors/index.js';
import {
  exportDirectory,
  saveStructureDirectory,
  searchDirectory,
} from '../../src/app/solidarity/directory.js';
import {
  addHouseholds,
  addItems,
  addSupportAction,
  allocate,
  createProgramme,
  listHouseholds,
  overdueLoans,
  programmeReport,
  recordReturn,
} from '../../src/app/solidarity/programmes.js';
import { loadStandardSchemas } from '../../src/solidarity/validate.js';
import { openStore, type Store } from '../../src/store/index.js';
import { SHARED_DIR, skipWithoutFixture } from '../support/shared.js';
import { expectedChecks, FIXTURE, fixtureFigures, loadFixtureIntoStore } from './helpers.js';

const dataDir = mkdtempSync(join(tmpdir(), 'panorama-solidarity-app-'));
const ALL = { all: true } as const;
// Monday 7 December 2026, 10:30 in Paris.
const MONDAY_1030 = new Date('2026-12-07T09:30:00Z');

describe('solidarity use cases on the fixture', { skip: skipWithoutFixture(FIXTURE) }, () => {
  let store: Store;
  let territories: Map<string, string>;
  before(async () => {
    store = await openStore({ dataDir });
    await store.migrate();
    territories = await loadFixtureIntoStore(store);
  });
  after(async () => {
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the stored records give every figure of expected.json', async () => {
    const { figures } = await programmeReport(store, ALL, { today: '2021-12-31', figures: fixtureFigures() });
    for (const check of expectedChecks()) {
      assert.equal(figures.find((f) => f.id === check.figure)?.value, check.value, check.figure);
    }
  });

  it('a territory scope counts only its structures; public figures below the threshold are withheld', async () => {
    const cambresis = {
      all: false as const,
      territoryIds: new Set([territories.get('Cambrésis Sambre Avesnois')!]),
    };
    const { figures } = await programmeReport(store, cambresis, {
      today: '2021-12-31',
      figures: fixtureFigures(),
    });
    const mel = figures.find((f) => f.id === 'foyers_reperes_mel')!.value;
    assert.equal(mel, 0, 'no MEL household in the Cambrésis');
    const all = await programmeReport(store, ALL, {
      today: '2021-12-31',
      figures: fixtureFigures(),
      publicThreshold: 11,
    });
    assert.equal(all.figures.find((f) => f.id === 'telephones_mel')?.value, null);
    assert.equal(all.figures.find((f) => f.id === 'ordinateurs_mel')?.value, 106);
  });

  it('public directory: Cambrai found by commune and by postal code, open on Monday 10:30, hours in French', async () => {
    const byName = await searchDirectory(store, { q: 'cambrai' }, MONDAY_1030);
    assert.equal(byName.entries.length, 1);
    const cambrai = byName.entries[0]!;
    assert.equal(cambrai.services.length, 2);
    assert.ok(cambrai.services.every((s) => s.hours === 'Mo,We 10:00-12:00'));
    assert.equal(cambrai.hoursText, 'lundi et mercredi, 10 h – 12 h');
    assert.equal(cambrai.openNow, true);
    const tuesday = await searchDirectory(
      store,
      { q: 'cambrai', open: '1' },
      new Date('2026-12-08T09:30:00Z'),
    );
    assert.equal(tuesday.entries.length, 0);
    const school = await searchDirectory(store, { service: 'accompagnement_scolaire' }, MONDAY_1030);
    assert.ok(school.entries.some((e) => e.id === 'CS-59-CAM'));
    assert.ok(!JSON.stringify(byName).includes('F0001'));
  });

  it('strict export lists the structures lacking SIRET/address; once completed it validates', async () => {
    await assert.rejects(
      exportDirectory(store, 'mednum-csv', { source: 'Fédération', now: MONDAY_1030, strict: true }),
      (e: unknown) => {
        assert.ok(e instanceof PanoramaError);
        assert.equal(e.code, 'solidarity_export_incomplete');
        const details = e.details as { structure: string; field: string }[];
        assert.ok(details.some((d) => d.structure === 'CS-59-CAM' && d.field === 'pivot'));
        assert.match(e.messageIn('fr'), /manquent pour exporter/);
        return true;
      },
    );
    await store.structures.update('CS-59-CAM', { address: '12 rue de la Liberté' });
    const saved = await saveStructureDirectory(
      store,
      ALL,
      'CS-59-CAM',
      {
        profile: { siretOrRna: '77567227200017', phone: '03 27 00 00 00', commune: null },
        services: [
          {
            service: 'accompagnement_scolaire',
            hours: 'Mo,We 10:00-12:00',
            access: 'accueil',
            public: 'familles',
            description: 'Accompagnement scolaire',
          },
          {
            service: 'demarches_en_ligne',
            hours: 'We 10:00-12:00; Mo 10:00-12:00',
            access: 'accueil',
            public: 'tous publics',
            description: '',
          },
        ],
      },
      MONDAY_1030,
    );
    assert.equal(saved.entry.services[1]?.hours, 'Mo,We 10:00-12:00', 'hours are normalised');
    const schemas = loadStandardSchemas(join(SHARED_DIR, 'interop'));
    const out = await exportDirectory(store, 'mednum-csv', {
      source: 'Fédération',
      now: MONDAY_1030,
      schemas,
    });
    const lines = out.body.trim().split('\r\n');
    assert.equal(lines.length, 2, 'header + Cambrai (the others still lack their SIRET)');
    assert.match(lines[1]!, /^CS-59-CAM,77567227200017,/);
    assert.match(lines[1]!, /,"?Mo,We 10:00-12:00"?,/);
    assert.equal(out.schemaChecked, !!schemas.mednum);
    assert.ok(out.problems.length > 0);
  });

  it('refuses hours it cannot read, naming the position', async () => {
    await assert.rejects(
      saveStructureDirectory(
        store,
        ALL,
        'CS-59-CAM',
        {
          profile: { commune: null, phone: null },
          services: [
            {
              service: 'demarches_en_ligne',
              hours: 'Lundi 10h-12h',
              access: 'accueil',
              public: '',
              description: '',
            },
          ],
        },
        MONDAY_1030,
      ),
      (e: unknown) =>
        e instanceof PanoramaError &&
        e.code === 'solidarity_hours_invalid' &&
        /caractère 1/.test(e.messageIn('fr')),
    );
  });

  it('a loan to a senior: recorded, overdue, returned; another territory sees none of it', async () => {
    const artois = { all: false as const, territoryIds: new Set([territories.get('Artois')!]) };
    const opale = { all: false as const, territoryIds: new Set([territories.get("Côte d'Opale")!]) };
    const structure = 'CS-62-001';
    const today = new Date('2027-01-15T10:00:00Z');
    await createProgramme(
      store,
      {
        id: 'P-TEST',
        name: 'Test',
        public: 'senior',
        partners: [],
        startOn: null,
        endOn: null,
        retentionDays: 90,
      },
      today,
    );
    const [household] = await addHouseholds(
      store,
      artois,
      'P-TEST',
      [
        {
          structureId: structure,
          code: 'T1',
          type: 'senior',
          communeCode: null,
          identifiedOn: null,
          targeted: true,
          children: null,
          contact: '06 00 00 00 00',
        },
      ],
      today,
    );
    await assert.rejects(
      addHouseholds(
        store,
        opale,
        'P-TEST',
        [
          {
            structureId: structure,
            code: 'T2',
            type: 'senior',
            communeCode: null,
            identifiedOn: null,
            targeted: false,
            children: null,
            contact: null,
          },
        ],
        today,
      ),
      (e: unknown) => e instanceof PanoramaError && e.code === 'forbidden',
    );
    const [tablet] = await addItems(
      store,
      artois,
      'P-TEST',
      [
        {
          structureId: structure,
          code: 'TAB1',
          category: 'tablette',
          model: 'Facilotab',
          source: 'achat',
          partner: 'CARSAT',
          receivedOn: '2026-12-01',
        },
      ],
      today,
    );
    const loan = await allocate(
      store,
      artois,
      {
        itemId: tablet!.id,
        householdId: household!.id,
        mode: 'pret',
        date: '2026-12-02',
        dueOn: '2027-01-02',
      },
      today,
    );
    await assert.rejects(
      allocate(
        store,
        artois,
        { itemId: tablet!.id, householdId: household!.id, mode: 'don', date: '2026-12-03', dueOn: null },
        today,
      ),
      (e: unknown) => e instanceof PanoramaError && e.code === 'solidarity_item_unavailable',
    );
    await addSupportAction(
      store,
      artois,
      { householdId: household!.id, type: 'visite_domicile', date: '2026-12-05', minutes: 45 },
      today,
    );
    const overdue = await overdueLoans(store, artois, '2027-01-15');
    assert.deepEqual(
      overdue.filter((o) => o.item === 'TAB1').map((o) => [o.item, o.household]),
      [['TAB1', 'T1']],
    );
    assert.ok(overdue.every((o) => o.household !== ''));
    assert.ok(!(await overdueLoans(store, opale, '2027-01-15')).some((o) => o.item === 'TAB1'));
    assert.deepEqual(await listHouseholds(store, opale, { programmeId: 'P-TEST' }), []);
    await assert.rejects(listHouseholds(store, opale, { structureId: structure }), PanoramaError);
    const own = await listHouseholds(store, artois, { structureId: structure, programmeId: 'P-TEST' });
    assert.equal(own[0]?.contact, '06 00 00 00 00');
    const report = await programmeReport(store, artois, { today: '2027-01-15' });
    const get = (id: string) => report.figures.find((f) => f.id === id)?.value;
    assert.equal(get('p_test_prets_en_retard'), 1);
    assert.equal(get('p_test_visites_domicile'), 1);
    await recordReturn(store, artois, loan.id, '2027-01-16', 'bon');
    const after = await programmeReport(store, artois, { today: '2027-01-20' });
    assert.equal(after.figures.find((f) => f.id === 'p_test_prets_rendus')?.value, 1);
    assert.equal(after.figures.find((f) => f.id === 'p_test_en_stock')?.value, 1);
    const other = await programmeReport(store, opale, { today: '2027-01-20' });
    assert.equal(other.figures.find((f) => f.id === 'p_test_prets')?.value, 0);
  });
});
