import assert from 'node:assert/strict';
import { it } from 'node:test';
import { StoreNotFoundError, StoreValidationError } from '../../src/store/index.js';
import type { SuiteContext } from './suite.js';
import { uid } from './suite.js';

const DEFINITION_V1 = { title: 'Flash', pages: [{ name: 'p1', elements: [{ type: 'text', name: 'q1' }] }] };
const DEFINITION_V2 = {
  title: 'Flash',
  pages: [{ name: 'p1', elements: [{ type: 'comment', name: 'q2' }] }],
};

/** A survey, a campaign on its version 1 and `n` structures invited. */
export async function makeCampaign(ctx: SuiteContext, n: number, options: { closesAt?: string | null } = {}) {
  const { version } = await ctx.store.surveys.create({ title: uid('Survey'), definition: DEFINITION_V1 });
  const campaign = await ctx.store.campaigns.create({
    name: uid('Campaign'),
    surveyVersionId: version.id,
    opensAt: '2026-01-01T00:00:00.000Z',
    closesAt: options.closesAt === undefined ? '2027-01-01T00:00:00.000Z' : options.closesAt,
  });
  const structureIds = Array.from({ length: n }, () => uid('CS'));
  await ctx.store.structures.upsertMany(structureIds.map((id, i) => ({ id, name: `Centre ${i + 1}` })));
  await ctx.store.invitations.createForPopulation(campaign.id, structureIds);
  return { campaign, version, structureIds };
}

export function campaignTests(ctx: SuiteContext): void {
  it('surveys: versions are numbered and frozen; a campaign keeps its version', async () => {
    const surveys = ctx.store.surveys;
    const { survey, version: v1 } = await surveys.create({
      title: ' Enquête flash ',
      definition: DEFINITION_V1,
    });
    assert.equal(survey.title, 'Enquête flash');
    assert.equal(v1.version, 1);
    const campaign = await ctx.store.campaigns.create({
      name: 'Flash 2026',
      surveyVersionId: v1.id,
      opensAt: '2026-01-01T00:00:00Z',
    });
    const v2 = await surveys.addVersion(survey.id, DEFINITION_V2);
    assert.equal(v2.version, 2);
    assert.deepEqual((await surveys.get(survey.id))?.latestVersion, 2);
    assert.equal((await surveys.get(survey.id))?.latestVersionId, v2.id);
    const frozen = await surveys.getVersion((await ctx.store.campaigns.get(campaign.id))!.surveyVersionId);
    assert.deepEqual(frozen?.definition, DEFINITION_V1);
    assert.deepEqual(
      (await surveys.listVersions(survey.id)).map((v) => v.version),
      [1, 2],
    );
    // Concurrent uploads get distinct numbers.
    const more = await Promise.all([1, 2, 3].map(() => surveys.addVersion(survey.id, DEFINITION_V2)));
    assert.deepEqual(more.map((v) => v.version).sort(), [3, 4, 5]);
    await assert.rejects(surveys.addVersion('no-such-survey', DEFINITION_V1), StoreNotFoundError);
    await assert.rejects(surveys.create({ title: 'Bad', definition: [1, 2] }), StoreValidationError);
    await surveys.rename(survey.id, 'Enquête flash 2026');
    assert.equal((await surveys.get(survey.id))?.title, 'Enquête flash 2026');
    assert.ok((await surveys.list()).some((s) => s.id === survey.id));
  });

  it('campaigns: dates normalised to UTC, checked, open window, public link', async () => {
    const { version } = await ctx.store.surveys.create({ title: uid('S'), definition: DEFINITION_V1 });
    const campaigns = ctx.store.campaigns;
    const campaign = await campaigns.create({
      name: 'Observatoire 2026',
      surveyVersionId: version.id,
      opensAt: '2026-03-01T09:00:00+01:00',
      closesAt: '2026-03-31T23:59:00+02:00',
      population: { territoryIds: ['t1'], types: ['CS'] },
      createdBy: 'admin-1',
    });
    assert.equal(campaign.opensAt, '2026-03-01T08:00:00.000Z');
    assert.equal(campaign.closesAt, '2026-03-31T21:59:00.000Z');
    assert.deepEqual((await campaigns.get(campaign.id))?.population, { territoryIds: ['t1'], types: ['CS'] });
    assert.equal(campaign.publicToken, null);
    assert.equal(campaigns.isOpen(campaign, '2026-03-01T07:59:59.999Z'), false);
    assert.equal(campaigns.isOpen(campaign, '2026-03-15T12:00:00.000Z'), true);
    assert.equal(campaigns.isOpen(campaign, '2026-03-31T21:59:00.000Z'), false);
    await assert.rejects(
      campaigns.create({
        name: 'Bad',
        surveyVersionId: version.id,
        opensAt: '2026-05-01T00:00:00Z',
        closesAt: '2026-04-01T00:00:00Z',
      }),
      StoreValidationError,
    );
    await assert.rejects(
      campaigns.create({ name: 'Bad', surveyVersionId: 'nope', opensAt: '2026-05-01T00:00:00Z' }),
      StoreNotFoundError,
    );
    await assert.rejects(
      campaigns.update(campaign.id, { closesAt: '2026-02-01T00:00:00Z' }),
      StoreValidationError,
    );
    const extended = await campaigns.update(campaign.id, {
      closesAt: '2026-04-30T22:00:00.000Z',
      name: 'Observatoire 2026 (prolongé)',
    });
    assert.equal(extended.closesAt, '2026-04-30T22:00:00.000Z');
    assert.equal(extended.opensAt, campaign.opensAt);

    const token = await campaigns.setPublicLink(campaign.id, true);
    assert.ok(token && Buffer.from(token, 'base64url').length >= 16);
    assert.equal(await campaigns.setPublicLink(campaign.id, true), token, 'enabling twice keeps the link');
    assert.equal((await campaigns.findByPublicToken(token))?.id, campaign.id);
    assert.equal(await campaigns.setPublicLink(campaign.id, false), null);
    assert.equal(await campaigns.findByPublicToken(token), undefined);
    assert.ok((await campaigns.list()).some((c) => c.id === campaign.id));
  });

  it('invitations: idempotent per structure, long unique tokens, statuses, reminders', async () => {
    const { campaign, structureIds } = await makeCampaign(ctx, 30);
    const invitations = ctx.store.invitations;
    const first = await invitations.list(campaign.id);
    assert.equal(first.length, 30);
    const tokens = new Set(first.map((i) => i.token));
    assert.equal(tokens.size, 30);
    for (const i of first) {
      assert.match(i.token, /^[A-Za-z0-9_-]{32}$/);
      assert.ok(Buffer.from(i.token, 'base64url').length * 8 >= 128);
      assert.equal(i.status, 'not_started');
    }
    const extra = uid('CS');
    await ctx.store.structures.upsertMany([{ id: extra, name: 'Latecomer' }]);
    // Again with the same population plus one: only the newcomer is invited; tokens unchanged.
    const again = await invitations.createForPopulation(campaign.id, [
      ...structureIds,
      extra,
      structureIds[0]!,
    ]);
    assert.deepEqual(again, { created: 1, existing: 30 });
    // Two administrators launching the same population at once: each structure invited once.
    const newcomers = Array.from({ length: 5 }, () => uid('CS'));
    await ctx.store.structures.upsertMany(newcomers.map((id) => ({ id, name: id })));
    const concurrent = await Promise.all([
      invitations.createForPopulation(campaign.id, [...structureIds, ...newcomers]),
      invitations.createForPopulation(campaign.id, [...newcomers, ...structureIds]),
    ]);
    assert.equal(concurrent[0].created + concurrent[1].created, 5);
    const second = await invitations.list(campaign.id);
    assert.equal(second.length, 36);
    for (const i of first) assert.equal(second.find((x) => x.id === i.id)?.token, i.token);
    await assert.rejects(
      invitations.createForPopulation(campaign.id, ['no-such-structure']),
      StoreValidationError,
    );
    assert.equal((await invitations.list(campaign.id)).length, 36);

    const anonymous = await Promise.all([
      invitations.createAnonymous(campaign.id),
      invitations.createAnonymous(campaign.id),
    ]);
    assert.notEqual(anonymous[0].token, anonymous[1].token);
    assert.equal(anonymous[0].structureId, null);
    assert.equal((await invitations.findByToken(anonymous[1].token))?.id, anonymous[1].id);
    assert.equal(await invitations.findByToken('guessed-token'), undefined);
    assert.equal((await invitations.findForStructure(campaign.id, extra))?.structureId, extra);

    const reminded = first.slice(0, 3).map((i) => i.id);
    await invitations.markReminded(reminded, '2026-02-01T08:00:00.000Z');
    await invitations.markReminded(reminded.slice(0, 1), '2026-02-08T08:00:00.000Z');
    const afterReminders = await invitations.list(campaign.id);
    assert.equal(afterReminders.find((i) => i.id === reminded[0])?.reminderCount, 2);
    assert.equal(
      afterReminders.find((i) => i.id === reminded[0])?.lastRemindedAt,
      '2026-02-08T08:00:00.000Z',
    );
    assert.equal(afterReminders.find((i) => i.id === reminded[2])?.reminderCount, 1);
    await invitations.setEmail(reminded[0]!, 'direction@cs-exemple.fr');
    assert.equal((await invitations.get(reminded[0]!))?.email, 'direction@cs-exemple.fr');

    assert.deepEqual(await invitations.countByStatus(campaign.id), {
      not_started: 36,
      in_progress: 0,
      submitted: 0,
    });
    assert.deepEqual(
      await invitations.countByStatus(campaign.id, { structureIds: structureIds.slice(0, 5) }),
      {
        not_started: 5,
        in_progress: 0,
        submitted: 0,
      },
    );
    assert.equal((await invitations.list(campaign.id, { structureIds: structureIds.slice(0, 4) })).length, 4);
    assert.equal((await invitations.list(campaign.id, { status: ['submitted'] })).length, 0);
  });

  it('transaction: everything written inside is rolled back when it throws', async () => {
    const id = uid('CS');
    const key = uid('k');
    await assert.rejects(
      ctx.store.transaction(async (repos) => {
        await repos.structures.upsertMany([{ id, name: 'Rolled back' }]);
        await repos.settings.set(key, 1);
        await repos.audit.record({ actor: 'test', action: 'rollback.test', target: id });
        throw new Error('abort');
      }),
      /abort/,
    );
    assert.equal(await ctx.store.structures.get(id), undefined);
    assert.equal(await ctx.store.settings.get(key), undefined);
    assert.equal((await ctx.store.audit.list({ target: id })).length, 0);
    const ok = await ctx.store.transaction(async (repos) => {
      await repos.structures.upsertMany([{ id, name: 'Committed' }]);
      return repos.structures.get(id);
    });
    assert.equal(ok?.name, 'Committed');
    // Using the root store inside the callback fails at once (instead of hanging on SQLite).
    await assert.rejects(
      ctx.store.transaction(async () => ctx.store.structures.get(id)),
      /inside store\.transaction\(\): use the repositories passed to the callback/,
    );
    await assert.rejects(
      ctx.store.transaction(async () => ctx.store.transaction(async () => 1)),
      /store\.transaction\(\) was called inside/,
    );
    assert.equal((await ctx.store.structures.get(id))?.name, 'Committed', 'the store still works afterwards');
    // Work a callback leaves running may use the store once the transaction is over.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let later: Promise<unknown> | undefined;
    await ctx.store.transaction(async () => {
      later = gate.then(() => ctx.store.structures.get(id));
    });
    release();
    assert.equal(((await later) as { name: string } | undefined)?.name, 'Committed');
    assert.equal((await ctx.store.structures.get(id))?.name, 'Committed');
  });
}
