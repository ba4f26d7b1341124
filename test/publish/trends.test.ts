import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fixtureDir, ROOT, skipWithoutFixture } from '../support/shared.js';
import { buildBrochure } from '../../src/publish/brochure/model.js';
import { loadIndicatorFile } from '../../src/publish/indicators/load.js';
import { readCampaignFolder, type Campaign } from '../../src/publish/input.js';
import { attachTrends, changeWording } from '../../src/publish/trends.js';
import type { Figure } from '../../src/publish/indicators/figure.js';

const figure = (id: string, value: number, unit = '€'): Figure => ({
  id,
  label: id,
  kind: 'mean',
  value,
  unit,
  base: 10,
  decimals: 0,
});

describe('trends', () => {
  it('words a change as stable within ±2 %, else rising or falling', () => {
    assert.equal(changeWording(1.99), 'stable');
    assert.equal(changeWording(-2), 'stable');
    assert.equal(changeWording(2.01), 'en hausse');
    assert.equal(changeWording(-5), 'en baisse');
  });

  it('compares with the latest previous campaign: relative for amounts, points for percentages', () => {
    const [amount, share] = attachTrends(
      [figure('budget', 110), figure('part', 45, '%')],
      [
        { label: '2018', figures: [figure('budget', 50), figure('part', 10, '%')] },
        { label: '2019', figures: [figure('budget', 100), figure('part', 40, '%')] },
      ],
      new Map([['budget', '{value} € de budget moyen {change}']]),
    );
    assert.deepEqual(amount!.previous, [
      { label: '2018', value: 50 },
      { label: '2019', value: 100 },
    ]);
    assert.ok(Math.abs(amount!.change!.value - 10) < 1e-9);
    assert.equal(amount!.change!.wording, 'en hausse');
    assert.equal(amount!.text, '110 € de budget moyen (en hausse)');
    assert.equal(share!.change!.value, 5);
    assert.equal(share!.change!.since, '2019');
  });

  it(
    'reads the Nord 2019 budgets as a previous campaign: the mean budget is stable',
    { skip: skipWithoutFixture('observatoire-nord-2021') },
    async () => {
      const current = await readCampaignFolder(fixtureDir('observatoire-nord-2021'));
      const file = await loadIndicatorFile(
        join(ROOT, 'examples/observatoire-nord-2021/indicators.json'),
        current.survey,
        current.registry,
      );
      // An earlier campaign sharing question names: each centre's budget_total is its 2019 budget.
      const previous: Campaign = {
        ...current,
        responses: current.responses.map((r) => ({
          ...r,
          data: { ...r.data, budget_total: r.data.budget_total_2019 },
        })),
      };
      const model = buildBrochure(current, file, {
        territory: null,
        previous: [{ label: '2019', campaign: previous }],
      });
      const mean = model.figures.find((f) => f.id === 'budget_moyen')!;
      const budgets2019 = current.responses.map((r) => Number(r.data.budget_total_2019));
      const mean2019 = budgets2019.reduce((a, b) => a + b, 0) / budgets2019.length;
      assert.equal(mean.previous![0]!.value, mean2019);
      // Same change as the fixture's budget_moyen_stable check (0.132 %), worded "stable".
      const expected = model.figures.find((f) => f.id === 'budget_moyen_stable')!.value as number;
      assert.ok(Math.abs(mean.change!.value - expected) < 1e-9);
      assert.equal(mean.change!.wording, 'stable');
      assert.match(mean.text!, /\(stable\)/);
      assert.match(model.methodNotes.join(' '), /comparaison avec 2019/);
    },
  );
});
