import { PanoramaError } from '../../contract/errors/index.js';
import type { DemoPlan, DemoSpared } from '../../store/api-archive.js';
import type { Store } from '../../store/index.js';

/**
 * "Retirer les données de démonstration": removes in one transaction the demo network, its
 * questionnaire, campaigns and answers that `npm start` created (the rows marked in demo_rows),
 * sparing whatever a user touched since (an edited or re-imported structure, a campaign answered
 * after the seeding, a territory holding real structures or accounts). Afterwards the demo is not
 * seeded again, even when the database is left empty.
 */

export interface DemoStatus {
  present: boolean;
  structures: number;
  territories: number;
  campaigns: number;
  surveys: number;
  /** What would be kept, and why. */
  spared: DemoSpared[];
}

function statusOf(plan: DemoPlan, present: boolean): DemoStatus {
  return {
    present,
    structures: plan.remove.structure.length,
    territories: plan.remove.territory.length,
    campaigns: plan.remove.campaign.length,
    surveys: plan.remove.survey.length,
    spared: plan.spare,
  };
}

export async function demoStatus(store: Store): Promise<DemoStatus> {
  const present = (await store.archive.demoRows()).length > 0;
  return statusOf(present ? await store.archive.demoPlan() : emptyPlan(), present);
}

const emptyPlan = (): DemoPlan => ({
  remove: { structure: [], territory: [], survey: [], campaign: [] },
  spare: [],
});

export async function removeDemo(store: Store, input: { actor: string; now?: string }): Promise<DemoStatus> {
  const now = input.now ?? new Date().toISOString();
  return store.transaction(async (repos) => {
    if ((await repos.archive.demoRows()).length === 0) throw new PanoramaError('demo_absent');
    const plan = await repos.archive.demoPlan();
    await repos.archive.removeDemo(plan);
    await repos.settings.delete('demo');
    await repos.settings.set('demo_removed', { at: now, by: input.actor });
    const done = statusOf(plan, false);
    await repos.audit.record(
      {
        actor: input.actor,
        action: 'demo.remove',
        details: {
          structures: done.structures,
          territories: done.territories,
          campaigns: done.campaigns,
          surveys: done.surveys,
          spared: plan.spare.map((s) => `${s.kind}:${s.id}:${s.reason}`),
        },
      },
      now,
    );
    return done;
  });
}
