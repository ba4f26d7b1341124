import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSurveyModel } from '../../src/survey/index.js';
import { resolveCommune } from '../../src/ingest/index.js';
import {
  DEMO_SURVEY,
  DEMO_TERRITORIES,
  Prng,
  demoAnswers,
  demoStructures,
  partialAnswers,
  seedDemo,
} from '../../src/demo/index.js';
import { checkSubmission } from '../../src/app/respond/answers.js';
import { openStore } from '../../src/store/index.js';

test('the demo survey is a valid definition with about 15 questions, conditions and required questions', () => {
  const survey = buildSurveyModel(DEMO_SURVEY, 'demo');
  assert.ok(
    survey.questions.length >= 14 && survey.questions.length <= 20,
    `${survey.questions.length} questions`,
  );
  assert.ok(survey.questions.some((q) => q.visibleIf.length > 0));
  assert.ok(survey.questions.some((q) => q.kind === 'multiple' && q.hasOther));
  assert.ok(survey.questions.some((q) => q.kind === 'number'));
  assert.ok(survey.questions.some((q) => q.kind === 'comment'));
});

test('every generated answer passes the strict submit check (values, conditions, required)', () => {
  const survey = buildSurveyModel(DEMO_SURVEY, 'demo');
  const rng = new Prng(7);
  for (const structure of demoStructures(new Prng(7))) {
    for (let i = 0; i < 5; i++) {
      const data = demoAnswers(rng, structure);
      const checked = checkSubmission(survey, data);
      assert.deepEqual(checked.problems, [], `${structure.id}: ${JSON.stringify(data)}`);
      assert.deepEqual(checked.data, data, 'nothing dropped: hidden questions are never answered');
      const partial = partialAnswers(data);
      assert.ok(Object.keys(partial).length > 0 && Object.keys(partial).length < Object.keys(data).length);
    }
  }
});

test('the network: ~60 structures in real communes of their département, deterministic', () => {
  const a = demoStructures(new Prng(1));
  const b = demoStructures(new Prng(1));
  assert.deepEqual(a, b);
  assert.ok(a.length >= 55 && a.length <= 65, `${a.length} structures`);
  assert.equal(new Set(a.map((s) => s.id)).size, a.length);
  const parentOf = new Map(DEMO_TERRITORIES.map((t) => [t.id, t.parentId]));
  const depCode = new Map(
    DEMO_TERRITORIES.filter((t) => t.level === 'departement').map((t) => [t.id, t.code]),
  );
  for (const s of a) {
    const commune = resolveCommune(s.communeCode!);
    assert.ok(commune, `${s.communeCode} resolves`);
    assert.equal(commune.departement.code, depCode.get(parentOf.get(s.territoryId!)!));
  }
  assert.ok(a.some((s) => s.type === 'EVS') && a.some((s) => s.type === 'CS'));
});

test('seeding: a closed campaign with most answers, an open one with some answers and drafts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-demo-'));
  const store = await openStore({ dataDir: dir });
  try {
    await store.migrate();
    const now = new Date('2026-11-22T08:00:00Z');
    const summary = await seedDemo(store, { now });
    const campaigns = await store.campaigns.list();
    assert.equal(campaigns.length, 2);
    const closed = campaigns.find((c) => c.id === summary.closedCampaign.id)!;
    const open = campaigns.find((c) => c.id === summary.openCampaign.id)!;
    assert.ok(Date.parse(closed.closesAt!) < now.getTime());
    assert.ok(store.campaigns.isOpen(open, now.toISOString()));
    const closedCounts = await store.invitations.countByStatus(closed.id);
    assert.equal(closedCounts.submitted, summary.closedCampaign.submitted);
    assert.ok(
      closedCounts.submitted / summary.structures > 0.6,
      'most structures answered the closed campaign',
    );
    const openCounts = await store.invitations.countByStatus(open.id);
    assert.ok(openCounts.submitted > 5 && openCounts.submitted < summary.structures / 2);
    assert.ok(openCounts.in_progress > 0, 'drafts in the open campaign');
    assert.ok(open.publicToken);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
