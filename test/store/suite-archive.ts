import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  demoStatus,
  previewRemoval,
  removeDemo,
  removeItem,
  restoreItem,
} from '../../src/app/archive/index.js';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { seedDemo } from '../../src/demo/index.js';
import type { SuiteContext } from './suite.js';
import { uid } from './suite.js';
import { makeCampaign } from './suite-campaigns.js';

const ACTOR = 'admin-test';

function isCode(code: string) {
  return (e: unknown) => {
    assert.ok(e instanceof PanoramaError, String(e));
    assert.equal(e.code, code);
    return true;
  };
}

/** The rules of src/app/archive, run on both databases with the real repositories. */
export function archiveTests(ctx: SuiteContext): void {
  it('archive: a structure with answers is archived (kept for reports), one without is deleted', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 3);
    const [answered, drafted, silent] = structureIds as [string, string, string];
    const s = ctx.store;
    const inv = async (id: string) => (await s.invitations.findForStructure(campaign.id, id))!;
    await s.responses.submit((await inv(answered)).id, { q1: 'oui' }, uid('sub'));
    await s.responses.saveDraft((await inv(drafted)).id, { q1: 'peut-être' });

    const preview = await previewRemoval(s, 'structure', answered);
    assert.equal(preview.action, 'archive');
    assert.equal(preview.submitted, 1);
    assert.equal((await removeItem(s, { kind: 'structure', id: answered, actor: ACTOR })).done, 'archived');
    assert.equal((await removeItem(s, { kind: 'structure', id: drafted, actor: ACTOR })).done, 'archived');
    assert.equal((await removeItem(s, { kind: 'structure', id: silent, actor: ACTOR })).done, 'deleted');

    assert.equal(await s.structures.get(silent), undefined);
    assert.equal(await s.invitations.findForStructure(campaign.id, silent), undefined);
    const kept = await s.structures.get(answered);
    assert.ok(kept?.archivedAt, 'archived, not erased');
    // Old reports keep the answers and the registry attributes of archived structures.
    assert.equal(await s.responses.countSubmitted(campaign.id), 1);
    assert.deepEqual(
      (await s.structures.registry({ ids: [answered] })).structures.map((x) => x.id),
      [answered],
    );
    // Lists, the public directory and new campaigns leave archived structures out.
    const listed = (await s.structures.list({ activeOnly: true, ids: structureIds })).map((x) => x.id);
    assert.deepEqual(listed, []);
    assert.equal((await s.structures.list({ ids: structureIds })).length, 2);
    assert.ok(!(await s.structures.matchPopulation({})).includes(answered));

    assert.equal((await removeItem(s, { kind: 'structure', id: answered, actor: ACTOR })).done, 'unchanged');
    assert.equal((await restoreItem(s, { kind: 'structure', id: answered, actor: ACTOR })).done, 'restored');
    assert.ok(!(await s.structures.get(answered))?.archivedAt);
    assert.ok((await s.structures.matchPopulation({})).includes(answered));

    const actions = (await s.audit.list({ actor: ACTOR, limit: 500 }))
      .filter((e) => e.target !== null && structureIds.includes(e.target))
      .map((e) => e.action)
      .sort();
    assert.deepEqual(actions, [
      'structure.archive',
      'structure.archive',
      'structure.delete',
      'structure.restore',
    ]);
    await assert.rejects(previewRemoval(s, 'structure', 'no-such-structure'), isCode('not_found'));
  });

  it('archive: a campaign with answers is archived and restorable; without answers it is deleted', async () => {
    const s = ctx.store;
    const answered = await makeCampaign(ctx, 2);
    const invitation = (await s.invitations.list(answered.campaign.id))[0]!;
    await s.responses.submit(invitation.id, { q1: 'oui' }, uid('sub'));
    const result = await removeItem(s, { kind: 'campaign', id: answered.campaign.id, actor: ACTOR });
    assert.equal(result.done, 'archived');
    assert.equal(result.preview.submitted, 1);
    assert.equal(result.preview.invitations, 2);
    assert.ok((await s.campaigns.get(answered.campaign.id))?.archivedAt);
    assert.ok(!(await s.campaigns.list({ activeOnly: true })).some((c) => c.id === answered.campaign.id));
    assert.ok((await s.campaigns.list()).some((c) => c.id === answered.campaign.id));
    assert.equal(await s.responses.countSubmitted(answered.campaign.id), 1);
    await restoreItem(s, { kind: 'campaign', id: answered.campaign.id, actor: ACTOR });
    assert.ok((await s.campaigns.list({ activeOnly: true })).some((c) => c.id === answered.campaign.id));

    const silent = await makeCampaign(ctx, 2);
    assert.equal((await previewRemoval(s, 'campaign', silent.campaign.id)).action, 'delete');
    assert.equal(
      (await removeItem(s, { kind: 'campaign', id: silent.campaign.id, actor: ACTOR })).done,
      'deleted',
    );
    assert.equal(await s.campaigns.get(silent.campaign.id), undefined);
    assert.deepEqual(await s.invitations.list(silent.campaign.id), []);
    const audit = await s.audit.list({ target: silent.campaign.id });
    assert.equal(audit[0]?.action, 'campaign.delete');
  });

  it('archive: a questionnaire used by a campaign (even archived) cannot be deleted', async () => {
    const s = ctx.store;
    const { campaign, version } = await makeCampaign(ctx, 1);
    await removeItem(s, { kind: 'campaign', id: campaign.id, actor: ACTOR }); // deleted: no answers
    const used = await makeCampaign(ctx, 1);
    await s.responses.submit((await s.invitations.list(used.campaign.id))[0]!.id, { q1: 'x' }, uid('sub'));
    await removeItem(s, { kind: 'campaign', id: used.campaign.id, actor: ACTOR }); // archived
    const preview = await previewRemoval(s, 'survey', used.version.surveyId);
    assert.equal(preview.action, 'refuse');
    assert.deepEqual(preview.campaigns, [used.campaign.name]);
    await assert.rejects(
      removeItem(s, { kind: 'survey', id: used.version.surveyId, actor: ACTOR }),
      (e: unknown) => {
        isCode('survey_in_use')(e);
        assert.equal((e as PanoramaError).status, 409);
        assert.match((e as PanoramaError).messageIn('fr'), /ne peut pas être supprimé.*la campagne/);
        assert.match((e as PanoramaError).messageIn('en'), /cannot be deleted.*uses it/);
        return true;
      },
    );
    assert.ok(await s.surveys.get(used.version.surveyId));
    // The first questionnaire lost its only campaign: it can go, versions included.
    assert.equal(
      (await removeItem(s, { kind: 'survey', id: version.surveyId, actor: ACTOR })).done,
      'deleted',
    );
    assert.equal(await s.surveys.get(version.surveyId), undefined);
    assert.equal(await s.surveys.getVersion(version.id), undefined);
  });

  it('archive: a territory with structures or sub-territories is not deleted, and says why', async () => {
    const s = ctx.store;
    const parent = await s.territories.create({ id: uid('t'), name: 'Parent', level: 'departement' });
    const child = await s.territories.create({
      id: uid('t'),
      name: 'Enfant',
      level: 'territoire',
      parentId: parent.id,
    });
    const structureId = uid('CS');
    await s.structures.upsertMany([{ id: structureId, name: 'Centre', territoryId: child.id }]);
    await assert.rejects(removeItem(s, { kind: 'territory', id: parent.id, actor: ACTOR }), (e: unknown) => {
      isCode('territory_in_use')(e);
      assert.match((e as PanoramaError).messageIn('fr'), /1 sous-territoire/);
      return true;
    });
    await assert.rejects(removeItem(s, { kind: 'territory', id: child.id, actor: ACTOR }), (e: unknown) => {
      assert.match((e as PanoramaError).messageIn('en'), /still holds 1 structure\b/);
      return true;
    });
    await removeItem(s, { kind: 'structure', id: structureId, actor: ACTOR });
    assert.equal((await removeItem(s, { kind: 'territory', id: child.id, actor: ACTOR })).done, 'deleted');
    assert.equal((await removeItem(s, { kind: 'territory', id: parent.id, actor: ACTOR })).done, 'deleted');
    assert.equal(await s.territories.get(parent.id), undefined);
  });

  it('demo: removed in one action, sparing what a user touched; not seeded again', async () => {
    const s = ctx.store;
    const seededAt = new Date();
    const demo = await seedDemo(s, { now: seededAt });
    const before = await demoStatus(s);
    assert.equal(before.present, true);
    assert.equal(before.structures, demo.structures);
    assert.equal(before.campaigns, 2);
    // A user edits one demo structure and answers the open campaign after the seeding.
    const all = await s.structures.list({ search: 'Centre social' });
    const demoIds = new Set(
      (await s.archive.demoRows()).filter((r) => r.kind === 'structure').map((r) => r.id),
    );
    const edited = all.find((x) => demoIds.has(x.id))!;
    const later = new Date(seededAt.getTime() + 60_000).toISOString();
    await s.structures.update(edited.id, { name: `${edited.name} (réel)` }, later);
    const pending = (await s.invitations.list(demo.openCampaign.id, { status: ['not_started'] })).find(
      (i) => i.structureId !== edited.id,
    )!;
    await s.responses.saveDraft(pending.id, { q: 'réponse réelle' }, later);
    const real = uid('REAL');
    await s.structures.upsertMany([{ id: real, name: 'Centre social réel' }]);

    const status = await demoStatus(s);
    const spared = (kind: string) => status.spared.filter((x) => x.kind === kind);
    assert.deepEqual(
      spared('campaign').map((x) => [x.id, x.reason]),
      [[demo.openCampaign.id, 'answered']],
    );
    assert.deepEqual(
      spared('structure')
        .map((x) => [x.id, x.reason])
        .sort(),
      [
        [edited.id, 'edited'],
        [pending.structureId, 'answered'],
      ].sort(),
    );
    assert.deepEqual(
      spared('survey').map((x) => x.reason),
      ['used'],
    );
    assert.ok(spared('territory').some((x) => x.id === 'demo-r-hdf' && x.reason === 'used'));
    assert.equal(status.structures, demo.structures - 2, JSON.stringify(status.spared));
    const done = await removeDemo(s, { actor: ACTOR });
    assert.equal(done.campaigns, 1);
    assert.equal(await s.campaigns.get(demo.closedCampaign.id), undefined);
    assert.ok(await s.campaigns.get(demo.openCampaign.id), 'answered since: kept');
    assert.ok(await s.structures.get(edited.id), 'edited since: kept');
    assert.ok(await s.structures.get(real));
    const left = (await s.structures.list()).filter((x) => demoIds.has(x.id)).map((x) => x.id);
    assert.equal(left.length, 2);
    assert.deepEqual(await s.archive.demoRows(), []);
    assert.equal((await demoStatus(s)).present, false);
    await assert.rejects(removeDemo(s, { actor: ACTOR }), isCode('demo_absent'));
    assert.ok(await s.settings.get('demo_removed'));
    assert.equal((await s.audit.list({ action: 'demo.remove' }))[0]?.actor, ACTOR);
  });
}
