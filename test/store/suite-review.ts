import assert from 'node:assert/strict';
import { it } from 'node:test';
import { StoreNotFoundError } from '../../src/store/index.js';
import type { SuiteContext } from './suite.js';
import { makeCampaign } from './suite-campaigns.js';

export function reviewTests(ctx: SuiteContext): void {
  it('reviews: one state per response, replaced, listed by campaign and status, survive a reopen', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 2);
    const ids: string[] = [];
    for (const [n, structureId] of structureIds.entries()) {
      const invitation = (await ctx.store.invitations.findForStructure(campaign.id, structureId))!;
      const submitted = await ctx.store.responses.submit(invitation.id, { q1: `r${n}` }, `sub-review-${n}`);
      ids.push(submitted.response.id);
    }
    const reviews = ctx.store.reviews;
    const heads = await reviews.submitted(campaign.id);
    assert.deepEqual(heads.map((h) => [h.responseId, h.revision]).sort(), ids.map((id) => [id, 1]).sort());
    assert.deepEqual(heads.map((h) => h.structureId).sort(), [...structureIds].sort());
    assert.equal(await reviews.get(ids[0]!), undefined, 'never reviewed: no row');
    const asked = await reviews.set({
      responseId: ids[0]!,
      status: 'correction_requested',
      revision: 1,
      message: 'Le budget « 5 € » semble faux.',
      questions: ['q1'],
      updatedBy: 'user-1',
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    assert.equal(asked.campaignId, campaign.id);
    await reviews.set({
      responseId: ids[1]!,
      status: 'validated',
      revision: 1,
      message: null,
      questions: [],
      updatedBy: 'user-1',
    });
    await ctx.reopen();
    assert.deepEqual(await ctx.store.reviews.get(ids[0]!), {
      responseId: ids[0],
      campaignId: campaign.id,
      status: 'correction_requested',
      revision: 1,
      message: 'Le budget « 5 € » semble faux.',
      questions: ['q1'],
      updatedAt: '2026-03-01T10:00:00.000Z',
      updatedBy: 'user-1',
    });
    const replaced = await ctx.store.reviews.set({
      responseId: ids[0]!,
      status: 'corrected',
      revision: 2,
      message: 'Le budget « 5 € » semble faux.',
      questions: ['q1'],
      updatedBy: 'invitation:x',
    });
    assert.equal(replaced.status, 'corrected');
    const all = await ctx.store.reviews.list(campaign.id);
    assert.deepEqual(all.map((r) => r.status).sort(), ['corrected', 'validated']);
    const validated = await ctx.store.reviews.list(campaign.id, { status: ['validated'] });
    assert.deepEqual(
      validated.map((r) => r.responseId),
      [ids[1]],
    );
    assert.deepEqual(await ctx.store.reviews.list(campaign.id, { status: [] }), []);
    await assert.rejects(
      ctx.store.reviews.set({
        responseId: 'missing',
        status: 'validated',
        revision: 1,
        message: null,
        questions: [],
        updatedBy: null,
      }),
      StoreNotFoundError,
    );
  });

  it('reviews: written inside a transaction are rolled back with it', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 1);
    const invitation = (await ctx.store.invitations.findForStructure(campaign.id, structureIds[0]!))!;
    const { response } = await ctx.store.responses.submit(invitation.id, { q1: 'x' }, 'sub-review-trx');
    await assert.rejects(
      ctx.store.transaction(async (repos) => {
        await repos.reviews.set({
          responseId: response.id,
          status: 'validated',
          revision: 1,
          message: null,
          questions: [],
          updatedBy: 'u',
        });
        throw new Error('stop');
      }),
      /stop/,
    );
    assert.equal(await ctx.store.reviews.get(response.id), undefined);
  });
}
