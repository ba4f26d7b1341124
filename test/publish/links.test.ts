import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIndicatorFile } from '../../src/publish/indicators/load.js';
import { quantityRelations } from '../../src/publish/protect/links.js';
import { buildSurveyModel } from '../../src/survey/model.js';

const survey = buildSurveyModel({
  title: 'Liens',
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'adherent', choices: ['oui', 'non'] },
        { type: 'text', inputType: 'number', name: 'budget' },
      ],
    },
  ],
});

/** Checks Σ c·q = 0 on hand-computed network values of the quantities. */
function holds(relation: Map<string, number>, values: Record<string, number>): boolean {
  let total = 0;
  for (const [id, c] of relation) total += c * values[id]!;
  return Math.abs(total) < 1e-9;
}

/** Rank of a set of relations (rows over the quantity ids), by Gaussian elimination. */
function rank(rows: Map<string, number>[]): number {
  const ids = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  const m = rows.map((r) => ids.map((id) => r.get(id) ?? 0));
  let rank = 0;
  for (let c = 0; c < ids.length && rank < m.length; c++) {
    const p = m.findIndex((row, i) => i >= rank && Math.abs(row[c]!) > 1e-9);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    for (let r = 0; r < m.length; r++) {
      if (r === rank) continue;
      const f = m[r]![c]! / m[rank]![c]!;
      m[r] = m[r]!.map((x, i) => x - f * m[rank]![i]!);
    }
    rank++;
  }
  return rank;
}

describe('relations between the quantities figures give away', () => {
  // 6 centres: 2 members (budgets 100, 300), 4 others (budgets 50, 50, 50, no answer).
  const data = [
    { adherent: 'oui', budget: 100 },
    { adherent: 'oui', budget: 300 },
    { adherent: 'non', budget: 50 },
    { adherent: 'non', budget: 50 },
    { adherent: 'non', budget: 50 },
    { adherent: 'non' },
  ];
  const campaign = {
    survey,
    responses: data.map((d, i) => ({ id: `r${i}`, structure: `s${i}`, data: d })),
    registry: {
      attributes: ['territoire'],
      structures: data.map((_, i) => ({ id: `s${i}`, name: `s${i}`, attributes: { territoire: 'T' } })),
    },
  };
  const file = parseIndicatorFile({
    title: 't',
    indicators: [
      { id: 'tous', label: 'Tous', kind: 'count', of: 'respondents' },
      {
        id: 'oui',
        label: 'Adhérents',
        kind: 'count',
        where: { question: 'adherent', op: 'eq', value: 'oui' },
      },
      {
        id: 'part',
        label: 'Part',
        kind: 'share',
        condition: { question: 'adherent', op: 'eq', value: 'oui' },
      },
      { id: 'budget', label: 'Budget', kind: 'sum', question: 'budget' },
      {
        id: 'budget_oui',
        label: 'Budget adhérents',
        kind: 'mean',
        question: 'budget',
        where: { question: 'adherent', op: 'eq', value: 'oui' },
      },
      {
        id: 'budget_non',
        label: 'Budget autres',
        kind: 'sum',
        question: 'budget',
        where: { question: 'adherent', op: 'eq', value: 'non' },
      },
    ],
  });

  it('finds, by hand: same count, complement, parts of a total, across responses and respondents', () => {
    const { quantities, relations } = quantityRelations(campaign, file.indicators);
    const values: Record<string, number> = {
      tous: 6,
      oui: 2,
      part: 2,
      'part:base': 6,
      'part:complement': 4,
      budget: 550,
      'budget:base': 5,
      budget_oui: 400,
      'budget_oui:base': 2,
      budget_non: 150,
      'budget_non:base': 3,
    };
    assert.deepEqual(quantities.map((q) => q.id).sort(), Object.keys(values).sort());
    // Every relation found holds on the values computed by hand…
    for (const r of relations) assert.ok(holds(r, values), JSON.stringify([...r]));
    // …and the expected ones follow from them: 11 quantities over 6 units leave at least 5.
    assert.ok(relations.length >= 5);
    // A relation the attacker knows is a combination of those found: adding it keeps the rank.
    const span = (wanted: Record<string, number>) =>
      rank([...relations, new Map(Object.entries(wanted))]) === rank(relations);
    assert.ok(span({ oui: 1, part: -1 }), 'a count and the share numerator are the same quantity');
    assert.ok(span({ tous: 1, 'part:base': -1 }), 'one answer per centre: respondents = responses');
    assert.ok(span({ budget: 1, budget_oui: -1, budget_non: -1 }), 'parts of a total');
    assert.ok(!span({ oui: 1, 'budget:base': -1 }), 'a false relation is not among them');
    const ids = new Set(relations.flatMap((r) => [...r.keys()]));
    for (const id of ['oui', 'part', 'tous', 'part:base', 'budget', 'budget_oui', 'budget_non'])
      assert.ok(ids.has(id), `${id} is linked`);
  });
});
