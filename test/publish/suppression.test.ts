import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIndicatorFile } from '../../src/publish/indicators/load.js';
import { evaluateIndicators } from '../../src/publish/indicators/evaluate.js';
import { applySuppression, suppressPartition, methodNote } from '../../src/publish/suppression.js';
import { tinyRegistry, tinyResponses, tinySurvey } from './support/tiny.js';

const file = parseIndicatorFile({
  title: 'Test',
  indicators: [
    { id: 'centres', label: 'Centres', kind: 'count', of: 'structures' },
    {
      id: 'centres_b',
      label: 'Centres B',
      kind: 'count',
      of: 'structures',
      where: { attribute: 'territoire', op: 'eq', value: 'B' },
    },
    { id: 'budget_moyen', label: 'Budget moyen', kind: 'mean', question: 'budget' },
    { id: 'budget_max', label: 'Budget max', kind: 'max', question: 'budget' },
    {
      id: 'jardin',
      label: 'Jardin',
      kind: 'share',
      condition: { question: 'jardin', op: 'eq', value: 'oui' },
    },
    {
      id: 'grand',
      label: 'Grand budget',
      kind: 'count',
      where: { question: 'budget', op: 'gte', value: 500 },
    },
    ...['A', 'B', 'C'].map((t) => ({
      id: `grand_${t.toLowerCase()}`,
      label: `Grand budget ${t}`,
      kind: 'count',
      where: {
        all: [
          { question: 'budget', op: 'gte', value: 500 },
          { attribute: 'territoire', op: 'eq', value: t },
        ],
      },
    })),
  ],
});

function figures(scope?: string, audience: 'public' | 'admin' = 'public', k = 5) {
  const raw = evaluateIndicators(tinySurvey, tinyResponses(), tinyRegistry(), file, {
    ...(scope ? { scope: { attribute: 'territoire', value: scope } } : {}),
  });
  return new Map(applySuppression(raw, file.indicators, { audience, k }).map((f) => [f.id, f]));
}

describe('statistical confidentiality', () => {
  it('hides a mean resting on fewer than k structures (territory B has 3) but keeps registry counts', () => {
    const b = figures('B');
    assert.equal(b.get('budget_moyen')!.value, null);
    assert.match(b.get('budget_moyen')!.suppressed!.reason, /moins de 5 structures \(3\)/);
    assert.equal(b.get('centres')!.value, 3);
    assert.equal(b.get('centres')!.suppressed, undefined);
  });

  it('shows the same mean to administrators', () => {
    const b = figures('B', 'admin');
    assert.equal(b.get('budget_moyen')!.value, 200); // (100 + 200 + 300) / 3
  });

  it("hides min/max (one structure's value) unless the indicator allows it", () => {
    const all = figures();
    assert.equal(all.get('budget_max')!.value, null);
    assert.match(all.get('budget_max')!.suppressed!.reason, /individuelle/);
  });

  it('hides a share whose complement is under k (2-way split), keeps one with both sides ≥ k', () => {
    // Territory C: 4 'oui' of 10 → numerator 4 < 5: primary. Whole network: 4+3+4 = 11 oui of 25, 14 non: shown.
    const c = figures('C');
    assert.equal(c.get('jardin')!.value, null);
    const all = figures();
    assert.equal(all.get('jardin')!.value, (11 / 25) * 100);
    // k = 3: in C the 4 'oui' are shown and the 6 'non' too.
    assert.equal(figures('C', 'public', 3).get('jardin')!.value, 40);
    // Territory A with k = 9: 4 oui / 8 non → the 4 'oui' are primary-suppressed; the complement rule
    // would equally hide a share of 8 'non'.
    assert.equal(figures('A', 'public', 9).get('jardin')!.value, null);
  });

  it('applies secondary suppression to a territory that the published total would reveal', () => {
    // Budget ≥ 500: A has ranks 5..12 → 8, B none (0, never hidden), C ranks 5..10 → 6; total 14.
    // With k = 7, C (6) is hidden; A must go too, otherwise 14 − 8 = 6 gives C back.
    const all = figures(undefined, 'public', 7);
    assert.equal(all.get('grand')!.value, 14);
    assert.equal(all.get('grand_c')!.value, null);
    assert.equal(all.get('grand_a')!.value, null);
    assert.match(all.get('grand_a')!.suppressed!.reason, /secondaire/);
    assert.equal(all.get('grand_b')!.value, 0);
  });

  it('suppressPartition hides the smallest other cell when one cell is hidden', () => {
    const hidden = suppressPartition(
      [
        { key: 'x', count: 2 },
        { key: 'y', count: 9 },
        { key: 'z', count: 6 },
      ],
      5,
    );
    assert.deepEqual([...hidden.keys()].sort(), ['x', 'z']);
    assert.equal(
      suppressPartition(
        [
          { key: 'x', count: 5 },
          { key: 'y', count: 9 },
        ],
        5,
      ).size,
      0,
    );
  });

  it('states the rule with its threshold', () => {
    assert.match(methodNote(7), /moins de 7 structures/);
  });
});

describe('secondary suppression across territorial brochures', () => {
  it('hides the smallest other territory when one territory is hidden and the network figure is public', async () => {
    const { buildBrochure } = await import('../../src/publish/brochure/model.js');
    const campaign = { survey: tinySurvey, responses: tinyResponses(), registry: tinyRegistry() };
    const mean = (territory: string | null, audience: 'public' | 'admin' = 'public') =>
      buildBrochure(campaign, file, {
        territory: territory ? { level: 'territoire', name: territory } : null,
        audience,
        k: 5,
      }).figures.find((f) => f.id === 'budget_moyen')!;
    // B (3 centres) is hidden; network 556 over 25 and A 650 over 12 would give C, then B = (13 900 − 7 800 − 5 500) / 3.
    assert.equal(mean('B').value, null);
    assert.equal(mean(null).value, 556);
    assert.equal(mean('A').value, 650);
    assert.equal(mean('C').value, null);
    assert.match(
      mean('C').suppressed!.reason,
      /suppression secondaire : le chiffre d'un autre territoire \(B\)/,
    );
    assert.equal(mean('C', 'admin').value, 550);
  });
});
