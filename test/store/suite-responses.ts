import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ResponseRecord } from '../../src/survey/records.js';
import { responseRecordSchema } from '../../src/survey/records.js';
import { StoreNotFoundError } from '../../src/store/index.js';
import type { SuiteContext } from './suite.js';
import { makeCampaign } from './suite-campaigns.js';
import { kyselyOf } from '../../src/store/inspect.js';
import { submittedPageQuery } from '../../src/store/repos/responses.js';
import { CompiledQuery, sql } from 'kysely';

async function collect(iterable: AsyncIterable<ResponseRecord>): Promise<ResponseRecord[]> {
  const out: ResponseRecord[] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

export function responseTests(ctx: SuiteContext): void {
  it('responses: draft, resume, submit, idempotent re-submit, revisions', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 2);
    const invitation = (await ctx.store.invitations.findForStructure(campaign.id, structureIds[0]!))!;
    const responses = ctx.store.responses;

    const draft = await responses.saveDraft(invitation.id, { q1: 'moitié' }, '2026-02-01T10:00:00.000Z');
    assert.equal(draft.status, 'draft');
    assert.equal(draft.revision, 0);
    assert.equal((await ctx.store.invitations.get(invitation.id))?.status, 'in_progress');
    await responses.saveDraft(invitation.id, { q1: 'moitié', q2: ['a', 'b'] }, '2026-02-01T10:05:00.000Z');
    // Resume "on another device": everything comes from the store.
    const resumed = await responses.getByInvitation(invitation.id);
    assert.deepEqual(resumed?.data, { q1: 'moitié', q2: ['a', 'b'] });
    assert.equal(resumed?.draftUpdatedAt, '2026-02-01T10:05:00.000Z');
    assert.deepEqual(await collect(responses.listSubmitted(campaign.id)), [], 'a draft is not a submission');

    const first = await responses.submit(
      invitation.id,
      { q1: 'fini', q2: ['a'] },
      'sub-1',
      '2026-02-02T09:00:00.000Z',
    );
    assert.deepEqual([first.revision, first.duplicate, first.response.status], [1, false, 'submitted']);
    assert.equal((await ctx.store.invitations.get(invitation.id))?.status, 'submitted');
    const repeat = await responses.submit(
      invitation.id,
      { q1: 'fini', q2: ['a'] },
      'sub-1',
      '2026-02-02T09:00:05.000Z',
    );
    assert.deepEqual([repeat.revision, repeat.duplicate], [1, true]);
    assert.equal((await responses.listRevisions(first.response.id)).length, 1, 're-sending adds no revision');

    // A later draft on a submitted response: the statistics still see the submitted data.
    await responses.saveDraft(invitation.id, { q1: 'en cours de modification' }, '2026-02-03T09:00:00.000Z');
    const afterDraft = await responses.get(first.response.id);
    assert.equal(afterDraft?.status, 'submitted');
    assert.deepEqual(afterDraft?.data, { q1: 'en cours de modification' });
    assert.equal((await ctx.store.invitations.get(invitation.id))?.status, 'submitted');
    assert.deepEqual((await collect(responses.listSubmitted(campaign.id)))[0]?.data, {
      q1: 'fini',
      q2: ['a'],
    });

    const second = await responses.submit(
      invitation.id,
      { q1: 'corrigé' },
      'sub-2',
      '2026-02-04T09:00:00.000Z',
    );
    assert.equal(second.revision, 2);
    const revisions = await responses.listRevisions(first.response.id);
    assert.deepEqual(
      revisions.map((r) => [r.revision, r.submissionId, r.submittedAt, r.data]),
      [
        [1, 'sub-1', '2026-02-02T09:00:00.000Z', { q1: 'fini', q2: ['a'] }],
        [2, 'sub-2', '2026-02-04T09:00:00.000Z', { q1: 'corrigé' }],
      ],
    );
    // Re-sending an OLD submission id is still a no-op returning its own revision.
    const old = await responses.submit(invitation.id, { q1: 'fini', q2: ['a'] }, 'sub-1');
    assert.deepEqual([old.revision, old.duplicate], [1, true]);
    const records = await collect(responses.listSubmitted(campaign.id));
    assert.deepEqual(records, [
      {
        id: first.response.id,
        structure: structureIds[0],
        submittedAt: '2026-02-04T09:00:00.000Z',
        data: { q1: 'corrigé' },
      },
    ]);
    for (const r of records) responseRecordSchema.parse(r);
    assert.equal(await responses.countSubmitted(campaign.id), 1);
    assert.deepEqual(await ctx.store.invitations.countByStatus(campaign.id), {
      not_started: 1,
      in_progress: 0,
      submitted: 1,
    });

    await assert.rejects(responses.saveDraft('no-such-invitation', {}), StoreNotFoundError);
    await assert.rejects(responses.submit('no-such-invitation', {}, 's'), StoreNotFoundError);
    await assert.rejects(
      responses.saveDraft(invitation.id, [] as unknown as Record<string, unknown>),
      /JSON object/,
    );
  });

  it('responses: 200 concurrent submissions from 200 structures are all stored exactly once', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 200);
    const invitations = await ctx.store.invitations.list(campaign.id);
    assert.equal(invitations.length, 200);
    const results = await Promise.all(
      invitations.map((inv, i) =>
        ctx.store.responses.submit(inv.id, { n: i, structure: inv.structureId }, `submit-${i}`),
      ),
    );
    assert.ok(results.every((r) => r.revision === 1 && !r.duplicate));
    // The same 200 submissions again, concurrently, plus duplicates of each other: no new row.
    const again = await Promise.all(
      invitations.flatMap((inv, i) => [
        ctx.store.responses.submit(inv.id, { n: i, structure: inv.structureId }, `submit-${i}`),
        ctx.store.responses.submit(inv.id, { n: i, structure: inv.structureId }, `submit-${i}`),
      ]),
    );
    assert.ok(again.every((r) => r.revision === 1 && r.duplicate));

    const records = await collect(ctx.store.responses.listSubmitted(campaign.id, { pageSize: 7 }));
    assert.equal(records.length, 200);
    assert.deepEqual(new Set(records.map((r) => r.structure)), new Set(structureIds));
    assert.equal(new Set(records.map((r) => r.id)).size, 200);
    for (const r of records) assert.equal(r.data.structure, r.structure);
    const revisionRows = await kyselyOf(ctx.store)
      .selectFrom('response_revisions')
      .innerJoin('responses', 'responses.id', 'response_revisions.response_id')
      .select('response_revisions.revision')
      .where('responses.campaign_id', '=', campaign.id)
      .execute();
    assert.equal(revisionRows.length, 200);
    assert.deepEqual(await ctx.store.invitations.countByStatus(campaign.id), {
      not_started: 0,
      in_progress: 0,
      submitted: 200,
    });
  });

  it('responses: concurrent submissions of ONE response: distinct revisions, duplicates collapse', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 1);
    const invitation = (await ctx.store.invitations.findForStructure(campaign.id, structureIds[0]!))!;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => ctx.store.responses.submit(invitation.id, { i }, `s-${i}`)),
    );
    assert.deepEqual(
      results.map((r) => r.revision).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    const response = await ctx.store.responses.getByInvitation(invitation.id);
    assert.equal(response?.revision, 10);
    assert.equal((await ctx.store.responses.listRevisions(response.id)).length, 10);

    // A double click sends the same first submission several times at once: one revision only.
    const fresh = await makeCampaign(ctx, 1);
    const target = (await ctx.store.invitations.findForStructure(fresh.campaign.id, fresh.structureIds[0]!))!;
    const clicks = await Promise.all(
      Array.from({ length: 5 }, () => ctx.store.responses.submit(target.id, { once: true }, 'double-click')),
    );
    assert.deepEqual(
      clicks.map((r) => r.revision),
      [1, 1, 1, 1, 1],
    );
    assert.equal(clicks.filter((r) => !r.duplicate).length, 1);
    const stored = await ctx.store.responses.getByInvitation(target.id);
    assert.equal((await ctx.store.responses.listRevisions(stored!.id)).length, 1);
  });

  it('responses: listSubmitted filters by structure and pages through large sets', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 12);
    const invitations = await ctx.store.invitations.list(campaign.id);
    for (const [i, inv] of invitations.entries()) {
      if (i % 3 === 0) await ctx.store.responses.saveDraft(inv.id, { draft: true });
      else await ctx.store.responses.submit(inv.id, { i }, `s-${i}`);
    }
    const all = await collect(ctx.store.responses.listSubmitted(campaign.id, { pageSize: 3 }));
    assert.equal(all.length, 8);
    assert.deepEqual(
      all.map((r) => r.id),
      [...all.map((r) => r.id)].sort(),
      'ordered by id across pages',
    );
    const wanted = structureIds.slice(0, 6);
    const expected = invitations
      .filter((inv, i) => i % 3 !== 0 && wanted.includes(inv.structureId!))
      .map((inv) => inv.structureId)
      .sort();
    const some = await collect(
      ctx.store.responses.listSubmitted(campaign.id, { structureIds: wanted, pageSize: 2 }),
    );
    assert.deepEqual(some.map((r) => r.structure).sort(), expected);
    assert.equal(
      await ctx.store.responses.countSubmitted(campaign.id, { structureIds: wanted }),
      expected.length,
    );
    assert.deepEqual(await collect(ctx.store.responses.listSubmitted(campaign.id, { structureIds: [] })), []);
    assert.deepEqual(await ctx.store.invitations.countByStatus(campaign.id), {
      not_started: 0,
      in_progress: 4,
      submitted: 8,
    });
  });

  it('persistence: everything is still there after close and reopen', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 3);
    const invitation = (await ctx.store.invitations.findForStructure(campaign.id, structureIds[1]!))!;
    await ctx.store.responses.submit(invitation.id, { q1: 'gardé' }, 'persist-1', '2026-02-10T10:00:00.000Z');
    const other = (await ctx.store.invitations.findForStructure(campaign.id, structureIds[2]!))!;
    await ctx.store.responses.saveDraft(other.id, { q1: 'brouillon' });
    await ctx.reopen();
    assert.deepEqual(await collect(ctx.store.responses.listSubmitted(campaign.id)), [
      {
        id: (await ctx.store.responses.getByInvitation(invitation.id))!.id,
        structure: structureIds[1],
        submittedAt: '2026-02-10T10:00:00.000Z',
        data: { q1: 'gardé' },
      },
    ]);
    assert.deepEqual((await ctx.store.responses.getByInvitation(other.id))?.data, { q1: 'brouillon' });
    assert.equal((await ctx.store.invitations.findByToken(invitation.token))?.status, 'submitted');
    assert.equal((await ctx.store.campaigns.get(campaign.id))?.name, campaign.name);
  });

  it('a page of submitted responses reads about a page of rows, even halfway through a large campaign', async () => {
    const { campaign } = await makeCampaign(ctx, 0);
    const db = kyselyOf(ctx.store);
    const total = 20_000;
    const pageSize = 500;
    const key = (i: number) => `${campaign.id}-${String(i).padStart(6, '0')}`;
    for (let start = 0; start < total; start += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, total - start) }, (_, k) => start + k);
      await db
        .insertInto('invitations')
        .values(
          batch.map((i) => ({
            id: `inv-${key(i)}`,
            campaign_id: campaign.id,
            structure_id: null,
            token: `tok-${key(i)}`,
            status: 'submitted',
            email: null,
            last_reminded_at: null,
            reminder_count: 0,
            created_at: '2026-01-01T00:00:00.000Z',
          })),
        )
        .execute();
      await db
        .insertInto('responses')
        .values(
          batch.map((i) => ({
            id: `resp-${key(i)}`,
            campaign_id: campaign.id,
            invitation_id: `inv-${key(i)}`,
            structure_id: null,
            status: 'submitted',
            data: '{"q1":"fini"}',
            revision: 1,
            submitted_at: '2026-02-01T00:00:00.000Z',
          })),
        )
        .execute();
      await db
        .insertInto('response_revisions')
        .values(
          batch.map((i) => ({
            response_id: `resp-${key(i)}`,
            revision: 1,
            data: '{"q1":"fini"}',
            submitted_at: '2026-02-01T00:00:00.000Z',
            submission_id: `sub-${key(i)}`,
          })),
        )
        .execute();
    }
    const halfway = `resp-${key(total / 2)}`;
    const page = submittedPageQuery(db, campaign.id, halfway, pageSize).compile();
    if (ctx.store.dialect === 'postgres') {
      await sql`analyze responses, response_revisions`.execute(db);
      const explained = await db.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        CompiledQuery.raw(`explain (analyze, format json) ${page.sql}`, [...page.parameters]),
      );
      const plan = explained.rows[0]!['QUERY PLAN'][0]!.Plan;
      const read = rowsRead(plan, 'response_revisions');
      // A page and a bit, whatever the join; from the first revision on, it would be total / 2.
      assert.ok(read <= 3 * pageSize, `the page read ${read} revision rows (plan: ${JSON.stringify(plan)})`);
    } else {
      const explained = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${page.sql}`, [...page.parameters]),
      );
      const details = explained.rows.map((row) => row.detail).join('\n');
      assert.match(details, /SEARCH r USING (COVERING )?INDEX responses_campaign_id/);
      assert.match(details, /SEARCH rr USING (COVERING )?INDEX \S+ \(response_id=\? AND revision=\?\)/);
      assert.doesNotMatch(details, /TEMP B-TREE|SCAN rr/);
    }
    let seen = 0;
    for await (const record of ctx.store.responses.listSubmitted(campaign.id, { pageSize })) {
      assert.deepEqual(record.data, { q1: 'fini' });
      seen += 1;
    }
    assert.equal(seen, total);
  });
}

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** Rows the plan's scans of `table` returned, over all their loops. */
function rowsRead(node: PlanNode, table: string): number {
  const own = node['Relation Name'] === table ? node['Actual Rows'] * node['Actual Loops'] : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, table), 0);
}
