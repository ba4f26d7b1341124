import assert from 'node:assert/strict';
import { it } from 'node:test';
import { StoreNotFoundError } from '../../src/store/index.js';
import type { SuiteContext } from './suite.js';
import { makeCampaign } from './suite-campaigns.js';

export function publicationTests(ctx: SuiteContext): void {
  it('publication snapshots: saved whole, served as current, history kept newest first, survive a reopen', async () => {
    const { campaign } = await makeCampaign(ctx, 3, { closesAt: '2026-02-01T00:00:00.000Z' });
    const publications = ctx.store.publications;
    await publications.setIndicators(campaign.id, { title: 'T' }, 4, '2026-02-02T00:00:00.000Z');
    assert.equal((await publications.get(campaign.id))?.snapshotId, null);
    const content = { network: { figures: [{ id: 'n', value: 12.5, label: 'Éléments « spéciaux »' }] } };
    const first = await publications.saveSnapshot(
      { campaignId: campaign.id, createdBy: 'admin-1', k: 4, responses: 3, content },
      '2026-02-03T10:00:00+01:00',
    );
    assert.equal(first.createdAt, '2026-02-03T09:00:00.000Z');
    const state = await publications.get(campaign.id);
    assert.equal(state?.snapshotId, first.id);
    assert.equal(state?.published, true);
    assert.equal(state?.k, 4, 'the settings are kept');
    const second = await publications.saveSnapshot(
      { campaignId: campaign.id, createdBy: null, k: 5, responses: 3, content: { other: true } },
      '2026-02-04T00:00:00.000Z',
    );
    await ctx.reopen();
    const again = ctx.store.publications;
    assert.equal((await again.get(campaign.id))?.snapshotId, second.id);
    assert.deepEqual(await again.getSnapshot(first.id), { ...first, content });
    assert.deepEqual(
      (await again.listSnapshots(campaign.id)).map((s) => [s.id, s.k, s.createdBy]),
      [
        [second.id, 5, null],
        [first.id, 4, 'admin-1'],
      ],
    );
    // Unpublishing hides the campaign but keeps its snapshots.
    await again.setPublished(campaign.id, false);
    assert.equal((await again.get(campaign.id))?.snapshotId, second.id);
    assert.equal(await again.getSnapshot('no-such-snapshot'), undefined);
  });

  it('publication snapshots: unknown campaign refused, nothing stored', async () => {
    await assert.rejects(
      ctx.store.publications.saveSnapshot({
        campaignId: 'no-such-campaign',
        createdBy: null,
        k: 5,
        responses: 0,
        content: {},
      }),
      StoreNotFoundError,
    );
    assert.deepEqual(await ctx.store.publications.listSnapshots('no-such-campaign'), []);
  });
}
