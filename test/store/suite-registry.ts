import assert from 'node:assert/strict';
import { it } from 'node:test';
import { StoreConflictError, StoreNotFoundError, StoreValidationError } from '../../src/store/index.js';
import type { StructureInput } from '../../src/store/index.js';
import type { SuiteContext } from './suite.js';
import { uid } from './suite.js';

/** region > département > two territoires > a quarter (depth 4), plus a second département. */
export async function makeHierarchy(ctx: SuiteContext) {
  const t = ctx.store.territories;
  const region = await t.create({ id: uid('hdf'), name: 'Hauts-de-France', level: 'region', code: '32' });
  const nord = await t.create({
    id: uid('59'),
    name: 'Nord',
    level: 'departement',
    code: '59',
    parentId: region.id,
  });
  const pdc = await t.create({
    id: uid('62'),
    name: 'Pas-de-Calais',
    level: 'departement',
    code: '62',
    parentId: region.id,
  });
  const mel = await t.create({
    id: uid('mel'),
    name: 'Métropole Européenne de Lille',
    level: 'territoire',
    parentId: nord.id,
  });
  const cambresis = await t.create({
    id: uid('camb'),
    name: 'Cambrésis',
    level: 'territoire',
    parentId: nord.id,
  });
  const quarter = await t.create({ id: uid('q'), name: 'Lille-Sud', level: 'quartier', parentId: mel.id });
  const artois = await t.create({ id: uid('art'), name: 'Artois', level: 'territoire', parentId: pdc.id });
  return { region, nord, pdc, mel, cambresis, quarter, artois };
}

export function registryTests(ctx: SuiteContext): void {
  it('territories: hierarchy of any depth, descendants, ancestors', async () => {
    const h = await makeHierarchy(ctx);
    const t = ctx.store.territories;
    assert.deepEqual(
      await t.descendantIds([h.nord.id]),
      [h.nord.id, h.mel.id, h.cambresis.id, h.quarter.id].sort(),
    );
    assert.deepEqual(
      await t.descendantIds([h.region.id]),
      Object.values(h)
        .map((x) => x.id)
        .sort(),
    );
    assert.deepEqual(
      await t.descendantIds([h.artois.id, h.quarter.id, 'no-such-territory']),
      [h.artois.id, h.quarter.id].sort(),
    );
    assert.deepEqual(await t.descendantIds([]), []);
    assert.deepEqual(
      (await t.ancestors(h.quarter.id)).map((x) => x.id),
      [h.quarter.id, h.mel.id, h.nord.id, h.region.id],
    );
    assert.equal((await t.get(h.nord.id))?.code, '59');
  });

  it('territories: refuses a cycle, an unknown parent and deleting a used territory', async () => {
    const h = await makeHierarchy(ctx);
    const t = ctx.store.territories;
    await assert.rejects(t.update(h.nord.id, { parentId: h.quarter.id }), StoreValidationError);
    await assert.rejects(t.update(h.nord.id, { parentId: h.nord.id }), StoreValidationError);
    await assert.rejects(
      t.create({ name: 'X', level: 'territoire', parentId: 'missing' }),
      StoreNotFoundError,
    );
    await assert.rejects(t.create({ id: h.nord.id, name: 'Dup', level: 'departement' }), StoreConflictError);
    await assert.rejects(t.delete(h.nord.id), StoreConflictError);
    assert.ok(await t.get(h.nord.id), 'a refused delete removes nothing');
    // Moving a subtree is allowed and the descendants follow it.
    await t.update(h.cambresis.id, { parentId: h.pdc.id });
    assert.ok((await t.descendantIds([h.pdc.id])).includes(h.cambresis.id));
    assert.ok(!(await t.descendantIds([h.nord.id])).includes(h.cambresis.id));
    await t.delete(h.quarter.id);
    assert.equal(await t.get(h.quarter.id), undefined);
  });

  it('structures: upsert creates then updates, keeping created_at', async () => {
    const h = await makeHierarchy(ctx);
    const s = ctx.store.structures;
    const a = uid('CS');
    const b = uid('EVS');
    const first = await s.upsertMany(
      [
        {
          id: a,
          name: 'Centre social A',
          type: 'CS',
          territoryId: h.mel.id,
          qpv: true,
          managerType: 'associatif',
          communeCode: '59350',
          attributes: { reseau: 'oui' },
        },
        { id: b, name: 'Espace B', type: 'EVS', territoryId: h.artois.id, qpv: false },
      ],
      '2026-01-01T00:00:00.000Z',
    );
    assert.deepEqual(first, { created: 2, updated: 0 });
    const stored = await s.get(a);
    assert.deepEqual(stored, {
      id: a,
      name: 'Centre social A',
      type: 'CS',
      address: null,
      communeCode: '59350',
      territoryId: h.mel.id,
      qpv: true,
      managerType: 'associatif',
      attributes: { reseau: 'oui' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    assert.equal((await s.get(b))?.qpv, false);
    const second = await s.upsertMany(
      [{ id: a, name: 'Centre social A (renamed)', qpv: null }],
      '2026-02-01T00:00:00.000Z',
    );
    assert.deepEqual(second, { created: 0, updated: 1 });
    const updated = await s.get(a);
    assert.equal(updated?.name, 'Centre social A (renamed)');
    assert.equal(updated?.qpv, null);
    assert.equal(updated?.createdAt, '2026-01-01T00:00:00.000Z');
    assert.equal(updated?.updatedAt, '2026-02-01T00:00:00.000Z');
  });

  it('structures: one bad row in a batch changes nothing stored (all-or-nothing)', async () => {
    const h = await makeHierarchy(ctx);
    const s = ctx.store.structures;
    const keep = uid('CS');
    await s.upsertMany([{ id: keep, name: 'Original', territoryId: h.mel.id }]);
    const before = await s.list();
    const fresh = uid('CS');
    const badTerritory: StructureInput[] = [
      { id: keep, name: 'Overwritten?', territoryId: h.mel.id },
      { id: fresh, name: 'New one', territoryId: h.mel.id },
      { id: uid('CS'), name: 'Bad one', territoryId: 'no-such-territory' },
    ];
    const error = await s.upsertMany(badTerritory).then(
      () => assert.fail('expected a validation error'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof StoreValidationError);
    assert.equal(error.problems.length, 1);
    assert.equal(error.problems[0]?.row, 2);
    assert.equal(error.problems[0]?.value, 'no-such-territory');
    assert.match(error.message, /row 3/);
    assert.deepEqual(await s.list(), before);

    const badType = [
      { id: fresh, name: 'New one' },
      { id: uid('CS'), name: 'Typo', type: 'XYZ' },
    ] as StructureInput[];
    await assert.rejects(
      s.upsertMany(badType),
      (e: unknown) => e instanceof StoreValidationError && e.problems[0]?.field === 'type',
    );
    await assert.rejects(
      s.upsertMany([
        { id: fresh, name: 'A' },
        { id: fresh, name: 'B' },
      ]),
      /duplicate id/,
    );
    await assert.rejects(s.upsertMany([{ id: ' ', name: 'No id' }]), StoreValidationError);
    assert.deepEqual(await s.list(), before);
    assert.equal((await s.get(keep))?.name, 'Original');

    // Several write chunks (250 rows) already sent, then a failure: the whole import is undone.
    const many = Array.from({ length: 250 }, (_, i) => ({
      id: uid('BULK'),
      name: `Bulk ${i}`,
      territoryId: h.nord.id,
    }));
    await assert.rejects(
      ctx.store.transaction(async (repos) => {
        assert.deepEqual(await repos.structures.upsertMany([...many, { id: keep, name: 'Overwritten' }]), {
          created: 250,
          updated: 1,
        });
        await repos.structures.upsertMany([{ id: uid('CS'), name: 'Bad', territoryId: 'no-such-territory' }]);
      }),
      StoreValidationError,
    );
    assert.deepEqual(await s.list(), before);
  });

  it('structures: patchMany keeps every field a patch does not name, all or nothing', async () => {
    const h = await makeHierarchy(ctx);
    const s = ctx.store.structures;
    const [a, b, c] = [uid('pa'), uid('pb'), uid('pc')];
    await s.upsertMany(
      [
        {
          id: a,
          name: 'Centre A',
          type: 'CS',
          address: '1 rue',
          communeCode: '59350',
          territoryId: h.mel.id,
          qpv: true,
          managerType: 'associative',
          attributes: { email: 'a@centre.fr', agrement: '2020' },
        },
        { id: b, name: 'Centre B', territoryId: h.artois.id, attributes: { email: 'b@centre.fr' } },
      ],
      '2024-01-01T00:00:00.000Z',
    );
    const counts = await s.patchMany(
      [
        { id: a, name: 'Centre A renommé', setAttributes: { email: 'nouveau@centre.fr' } },
        { id: b, removeAttributes: ['email'], qpv: null },
        { id: c, name: 'Centre C', territoryId: h.nord.id, setAttributes: { agrement: '2024' } },
      ],
      '2024-02-01T00:00:00.000Z',
    );
    assert.deepEqual(counts, { created: 1, updated: 2, unchanged: 0 });
    const after = (await s.get(a))!;
    assert.equal(after.name, 'Centre A renommé');
    assert.deepEqual(
      [after.type, after.address, after.communeCode, after.territoryId, after.qpv, after.managerType],
      ['CS', '1 rue', '59350', h.mel.id, true, 'associative'],
      'fields the patch does not name are kept',
    );
    assert.deepEqual(after.attributes, { email: 'nouveau@centre.fr', agrement: '2020' });
    assert.equal(after.createdAt, '2024-01-01T00:00:00.000Z');
    assert.deepEqual((await s.get(b))!.attributes, {});
    assert.equal((await s.get(b))!.territoryId, h.artois.id);
    assert.equal((await s.get(c))!.name, 'Centre C');

    // A patch that changes nothing leaves updatedAt alone.
    const same = await s.patchMany([{ id: a, name: 'Centre A renommé' }], '2024-03-01T00:00:00.000Z');
    assert.deepEqual(same, { created: 0, updated: 0, unchanged: 1 });
    assert.equal((await s.get(a))!.updatedAt, '2024-02-01T00:00:00.000Z');

    // A new id without a name, or an unknown territory: nothing of the batch is written.
    await assert.rejects(
      s.patchMany([
        { id: a, name: 'Jamais' },
        { id: uid('pd'), qpv: true },
      ]),
      (e: unknown) => e instanceof StoreValidationError && /name/.test(e.message),
    );
    await assert.rejects(
      s.patchMany([
        { id: a, name: 'Jamais' },
        { id: b, territoryId: 'no-such-territory' },
      ]),
      StoreValidationError,
    );
    assert.equal((await s.get(a))!.name, 'Centre A renommé');
  });

  it('structures: list by territory (descendants included), search, update, population', async () => {
    const h = await makeHierarchy(ctx);
    const s = ctx.store.structures;
    const [inQuarter, inCamb, inArtois] = [uid('CS'), uid('CS'), uid('CS')];
    await s.upsertMany([
      {
        id: inQuarter,
        name: 'Centre 100% Lille',
        type: 'CS',
        territoryId: h.quarter.id,
        qpv: true,
        attributes: { label: 'A' },
      },
      {
        id: inCamb,
        name: 'Maison Cambrai',
        type: 'EVS',
        territoryId: h.cambresis.id,
        qpv: false,
        attributes: { label: 'B' },
      },
      {
        id: inArtois,
        name: 'Centre Arras',
        type: 'CS',
        territoryId: h.artois.id,
        qpv: true,
        communeCode: '62041',
      },
    ]);
    const ids = async (o: Parameters<typeof s.list>[0]) => (await s.list(o)).map((x) => x.id).sort();
    assert.deepEqual(await ids({ territoryIds: [h.nord.id] }), [inQuarter, inCamb].sort());
    assert.deepEqual(await ids({ territoryIds: [h.region.id] }), [inQuarter, inCamb, inArtois].sort());
    assert.deepEqual(await ids({ territoryIds: [] }), []);
    assert.deepEqual(await ids({ territoryIds: [h.region.id], search: 'CAMBRAI' }), [inCamb]);
    assert.deepEqual(await ids({ territoryIds: [h.region.id], search: '100%' }), [inQuarter]);
    assert.deepEqual(
      await ids({ territoryIds: [h.region.id], search: '%' }),
      [inQuarter],
      '% is matched literally',
    );
    assert.deepEqual(await ids({ territoryIds: [h.region.id], search: '62041' }), [inArtois]);
    assert.deepEqual(await ids({ ids: [inArtois, 'unknown'] }), [inArtois]);

    const changed = await s.update(inCamb, { territoryId: h.artois.id, attributes: { label: 'C' } });
    assert.equal(changed.territoryId, h.artois.id);
    assert.equal(changed.name, 'Maison Cambrai', 'fields absent from the patch are kept');
    await assert.rejects(s.update(inCamb, { territoryId: 'nowhere' }), StoreValidationError);
    await assert.rejects(s.update('no-such-structure', { name: 'x' }), StoreNotFoundError);

    assert.deepEqual(await s.matchPopulation({ territoryIds: [h.pdc.id] }), [inCamb, inArtois].sort());
    assert.deepEqual(
      await s.matchPopulation({ territoryIds: [h.region.id], types: ['CS'], qpv: true }),
      [inQuarter, inArtois].sort(),
    );
    assert.deepEqual(
      await s.matchPopulation({ territoryIds: [h.region.id], attributes: { label: ['A', 'C'] } }),
      [inQuarter, inCamb].sort(),
    );
  });

  it('structures: registry for the statistics engine names each territory level', async () => {
    const h = await makeHierarchy(ctx);
    const s = ctx.store.structures;
    const id = uid('CS');
    await s.upsertMany([
      {
        id,
        name: 'Centre Lille-Sud',
        type: 'CS',
        territoryId: h.quarter.id,
        qpv: true,
        attributes: { connecte: 'oui' },
      },
    ]);
    const registry = await s.registry({ ids: [id] });
    assert.equal(registry.structures.length, 1);
    assert.deepEqual(registry.structures[0], {
      id,
      name: 'Centre Lille-Sud',
      attributes: {
        type: 'CS',
        qpv: 'oui',
        quartier: 'Lille-Sud',
        territoire: 'Métropole Européenne de Lille',
        departement: 'Nord',
        region: 'Hauts-de-France',
        connecte: 'oui',
      },
    });
    assert.deepEqual(registry.attributes, [
      'type',
      'qpv',
      'region',
      'departement',
      'territoire',
      'quartier',
      'connecte',
    ]);
  });
}
