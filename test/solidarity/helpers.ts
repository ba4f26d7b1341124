/** Loads the solidarity fixture into a store: its structures into the registry (one territory per `territoire`), then its records. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSolidarityData } from '../../src/app/solidarity/data.js';
import { figureConfigSchema } from '../../src/solidarity/figures.js';
import { readSolidarityFolder } from '../../src/solidarity/read.js';
import type { Store } from '../../src/store/index.js';
import { fixtureDir, ROOT } from '../support/shared.js';

export const FIXTURE = 'solidarite-numerique-2020';

export function fixtureFigures() {
  return figureConfigSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'examples', FIXTURE, 'figures.json'), 'utf8')),
  ).figures;
}

export function expectedChecks(): { figure: string; value: number; tolerance: number }[] {
  return (
    JSON.parse(readFileSync(join(fixtureDir(FIXTURE), 'expected.json'), 'utf8')) as {
      checks: { figure: string; value: number; tolerance: number }[];
    }
  ).checks;
}

/** Returns the territory id of each `territoire` name. */
export async function loadFixtureIntoStore(store: Store): Promise<Map<string, string>> {
  const { data, problems } = readSolidarityFolder(fixtureDir(FIXTURE));
  if (problems.length) throw new Error(`fixture problems: ${problems.length}`);
  const territories = new Map<string, string>();
  for (const name of new Set(data.places.map((p) => p.territory ?? ''))) {
    const t = await store.territories.create({ name, level: 'territoire' });
    territories.set(name, t.id);
  }
  await store.structures.upsertMany(
    data.places.map((p) => ({
      id: p.id,
      name: p.name,
      type: 'CS' as const,
      communeCode: p.communeCode,
      territoryId: territories.get(p.territory ?? '') ?? null,
    })),
  );
  await importSolidarityData(store, data);
  return territories;
}

/** One programme with a household, an item lent and a support action in `structureId` (authorization tests). */
export async function seedSolidarityCase(
  store: Store,
  structureId: string,
  programmeId = 'P-AUTH',
): Promise<{ programmeId: string; householdId: string; itemId: string; allocationId: string }> {
  await store.solidarity.createProgramme({
    id: programmeId,
    name: 'Tablettes seniors',
    public: 'senior',
    partners: ['CARSAT'],
    startOn: null,
    endOn: null,
    retentionDays: 30,
  });
  const [household] = await store.solidarity.addHouseholds([
    {
      programmeId,
      structureId,
      code: 'SEN-1',
      type: 'senior',
      communeCode: null,
      identifiedOn: null,
      targeted: true,
      children: null,
      contact: '06 11 22 33 44',
    },
  ]);
  const [item] = await store.solidarity.addItems([
    {
      programmeId,
      structureId,
      code: 'TAB-1',
      category: 'tablette',
      model: 'Facilotab',
      source: 'achat',
      partner: 'CARSAT',
      receivedOn: '2026-01-05',
    },
  ]);
  const allocation = await store.solidarity.allocate({
    itemId: item!.id,
    householdId: household!.id,
    mode: 'pret',
    date: '2026-01-10',
    dueOn: '2026-06-10',
  });
  return { programmeId, householdId: household!.id, itemId: item!.id, allocationId: allocation.id };
}
