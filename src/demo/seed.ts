import type { Store } from '../store/index.js';
import { Prng } from './prng.js';
import { DEMO_TERRITORIES, demoStructures } from './network.js';
import { DEMO_SURVEY } from './survey.js';
import { demoAnswers, partialAnswers } from './answers.js';

export const DEMO_SEED = 20_26;
const DAY = 86_400_000;

export interface DemoSummary {
  territories: number;
  structures: number;
  closedCampaign: { id: string; invited: number; submitted: number };
  openCampaign: { id: string; invited: number; submitted: number; drafts: number };
}

/** True when nothing has been created yet: the only state in which the demo is seeded. */
export async function isEmptyDatabase(store: Store): Promise<boolean> {
  const [structures, surveys, campaigns] = await Promise.all([
    store.structures.list(),
    store.surveys.list(),
    store.campaigns.list(),
  ]);
  // Once the demo data has been removed, an emptied database stays empty at the next start.
  const removed = await store.settings.get('demo_removed');
  return structures.length === 0 && surveys.length === 0 && campaigns.length === 0 && !removed;
}

/**
 * Creates the demo network (Hauts-de-France > Nord / Pas-de-Calais > 6 territoires, ~60
 * structures), the demo questionnaire, a closed campaign with most answers in and an open one
 * with some answers and drafts. Deterministic for a given seed and `now`.
 */
export async function seedDemo(
  store: Store,
  options: { now?: Date; seed?: number } = {},
): Promise<DemoSummary> {
  const now = options.now ?? new Date();
  const rng = new Prng(options.seed ?? DEMO_SEED);
  const at = (offsetDays: number) => new Date(now.getTime() + offsetDays * DAY).toISOString();
  const structures = demoStructures(rng);

  const { version } = await store.transaction(async (repos) => {
    for (const t of DEMO_TERRITORIES) await repos.territories.create(t);
    await repos.structures.upsertMany(structures, at(-400));
    return repos.surveys.create({ title: DEMO_SURVEY.title, definition: DEMO_SURVEY }, at(-130));
  });
  const ids = structures.map((s) => s.id);
  const byId = new Map(structures.map((s) => [s.id, s]));

  const closed = await store.campaigns.create(
    {
      name: 'Observatoire 2025 (démo)',
      surveyVersionId: version.id,
      opensAt: at(-120),
      closesAt: at(-60),
      population: {},
      createdBy: 'demo',
    },
    at(-121),
  );
  await store.invitations.createForPopulation(closed.id, ids, at(-121));
  let closedSubmitted = 0;
  for (const invitation of await store.invitations.list(closed.id)) {
    const structure = byId.get(invitation.structureId!)!;
    const answered = rng.chance(structure.territoryId === 'demo-t-opale' ? 0.62 : 0.8);
    if (!answered) {
      if (rng.chance(0.3))
        await store.responses.saveDraft(invitation.id, partialAnswers(demoAnswers(rng, structure)), at(-100));
      continue;
    }
    const day = -118 + rng.int(0, 55);
    const data = demoAnswers(rng, structure);
    await store.responses.saveDraft(invitation.id, partialAnswers(data), at(day - 1));
    await store.responses.submit(invitation.id, data, `demo-${invitation.id}`, at(day));
    closedSubmitted++;
  }

  const open = await store.campaigns.create(
    {
      name: 'Observatoire 2026 (démo)',
      surveyVersionId: version.id,
      opensAt: at(-10),
      closesAt: at(30),
      population: {},
      publicLink: true,
      createdBy: 'demo',
    },
    at(-11),
  );
  await store.invitations.createForPopulation(open.id, ids, at(-11));
  let openSubmitted = 0;
  let drafts = 0;
  for (const invitation of await store.invitations.list(open.id)) {
    const structure = byId.get(invitation.structureId!)!;
    const r = rng.next();
    const data = demoAnswers(rng, structure);
    if (r < 0.38) {
      const day = -9 + rng.int(0, 8);
      await store.responses.submit(invitation.id, data, `demo-${invitation.id}`, at(day));
      openSubmitted++;
    } else if (r < 0.55) {
      await store.responses.saveDraft(invitation.id, partialAnswers(data), at(-rng.int(1, 8)));
      drafts++;
    }
  }
  await store.settings.set('demo', { seed: options.seed ?? DEMO_SEED, seededAt: now.toISOString() });
  // Marked so that "remove the demo data" finds exactly these rows (registry ids may be real ones).
  await store.archive.markDemo(
    [
      ...DEMO_TERRITORIES.map((t) => ({ kind: 'territory' as const, id: t.id! })),
      ...ids.map((id) => ({ kind: 'structure' as const, id })),
      { kind: 'survey' as const, id: version.surveyId },
      { kind: 'campaign' as const, id: closed.id },
      { kind: 'campaign' as const, id: open.id },
    ],
    now.toISOString(),
  );
  await store.audit.record(
    { actor: 'system', action: 'demo.seed', details: { structures: ids.length } },
    now.toISOString(),
  );
  return {
    territories: DEMO_TERRITORIES.length,
    structures: ids.length,
    closedCampaign: { id: closed.id, invited: ids.length, submitted: closedSubmitted },
    openCampaign: { id: open.id, invited: ids.length, submitted: openSubmitted, drafts },
  };
}
