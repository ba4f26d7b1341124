import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildBrochure } from '../../src/publish/brochure/model.js';
import { loadIndicatorFile } from '../../src/publish/indicators/load.js';
import { readCampaignFolder } from '../../src/publish/input.js';
import { fixtureDir, ROOT, skipWithoutFixture } from '../support/shared.js';
import { parseIndicatorFile } from '../../src/publish/indicators/load.js';
import type { IndicatorInput } from '../../src/publish/indicators/schema.js';
import type { Campaign } from '../../src/publish/input.js';
import { buildSnapshotContent } from '../../src/publish/snapshot/build.js';
import { cellsFromAttributes } from '../../src/publish/snapshot/model.js';
import { buildSurveyModel } from '../../src/survey/model.js';
import { attack, type Knowledge, type Page } from './support/attacker.js';

/**
 * Small networks where what must be hidden is computed by hand, attacked by differencing every
 * public output: the snapshot's pages (network and territories), and a brochure's previous years.
 */
const survey = buildSurveyModel({
  title: 'Différences',
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'adherent', choices: ['oui', 'non'] },
        { type: 'text', inputType: 'number', name: 'budget' },
        { type: 'text', inputType: 'number', name: 'etp' },
      ],
    },
  ],
});

/** One structure per answer; territory → the answers of its structures. */
function network(territories: Record<string, Record<string, unknown>[]>): Campaign {
  const structures = Object.entries(territories).flatMap(([t, answers]) =>
    answers.map((_, i) => ({
      id: `${t}-${i + 1}`,
      name: `Centre ${t}-${i + 1}`,
      attributes: { territoire: t },
    })),
  );
  const responses = Object.entries(territories).flatMap(([t, answers]) =>
    answers.map((data, i) => ({ id: `R-${t}-${i + 1}`, structure: `${t}-${i + 1}`, data })),
  );
  return { survey, responses, registry: { structures, attributes: ['territoire'] } };
}

const many = (n: number, data: Record<string, unknown>) => Array.from({ length: n }, () => ({ ...data }));
const indicators = (list: IndicatorInput[]) => parseIndicatorFile({ title: 'Test', indicators: list });

function snapshotPages(campaign: Campaign, list: IndicatorInput[], k: number): Page[] {
  const content = buildSnapshotContent(
    campaign,
    indicators(list),
    cellsFromAttributes(campaign, ['territoire']),
    {
      k,
      generatedAt: '2026-12-05T00:00:00.000Z',
    },
  );
  return Object.entries(content.brochures).map(([key, model]) => ({
    cell: key === 'network' ? 'network' : key.replace('territoire:', ''),
    figures: model.figures,
  }));
}

const hiddenIn = (pages: Page[], id: string) =>
  pages
    .filter((p) => p.figures.find((f) => f.id === id)?.suppressed)
    .map((p) => p.cell)
    .sort();

const knowledge = (
  territories: string[],
  ids: string[],
  relations: Knowledge['relations'] = [],
): Knowledge => ({
  children: { network: territories },
  indicators: ids,
  relations,
});

describe('differencing: links between indicators (snapshot and single brochures)', () => {
  // k = 3. T1: 4 centres, 1 member; T2: 10 centres, 3 members; T3: 4 centres, all members.
  const campaign = network({
    T1: [{ adherent: 'oui' }, ...many(3, { adherent: 'non' })],
    T2: [...many(3, { adherent: 'oui' }), ...many(7, { adherent: 'non' })],
    T3: many(4, { adherent: 'oui' }),
  });
  const list: IndicatorInput[] = [
    { id: 'repondants', label: 'Centres répondants', kind: 'count' },
    {
      id: 'adherents',
      label: 'Centres adhérents',
      kind: 'count',
      where: { question: 'adherent', op: 'eq', value: 'oui' },
    },
    {
      id: 'part_adherents',
      label: 'Part des centres adhérents',
      kind: 'share',
      unit: '%',
      condition: { question: 'adherent', op: 'eq', value: 'oui' },
    },
  ];

  it('a count and the share with the same numerator are hidden in the same territories', () => {
    const pages = snapshotPages(campaign, list, 3);
    // By hand: T1 has 1 member (< 3): both figures hidden there. The network's 8 members = 1 + 3 + 4,
    // so one more territory loses its count; the share of that territory gives the same 3 members
    // (30 % of 10), so it is hidden there too. T3 and the network stay published.
    const leaks = attack(
      pages,
      knowledge(
        ['T1', 'T2', 'T3'],
        ['repondants', 'adherents', 'part_adherents'],
        [
          [
            ['adherents', 1],
            ['part_adherents', -1],
          ],
          [
            ['repondants', 1],
            ['part_adherents:base', -1],
          ],
        ],
      ),
    );
    assert.deepEqual(leaks, [], 'nothing hidden is recovered');
    assert.deepEqual(hiddenIn(pages, 'adherents'), ['T1', 'T2']);
    assert.deepEqual(hiddenIn(pages, 'part_adherents'), ['T1', 'T2']);
    assert.deepEqual(hiddenIn(pages, 'repondants'), []);
  });

  it('a count, its complement and their total: no hidden count is their difference', () => {
    // k = 3. T1: 5 centres, 1 member; T2: 6 centres, 3 members; T3: 5 centres, 4 members (1 non-member).
    const c = network({
      T1: [{ adherent: 'oui' }, ...many(4, { adherent: 'non' })],
      T2: [...many(3, { adherent: 'oui' }), ...many(3, { adherent: 'non' })],
      T3: [...many(4, { adherent: 'oui' }), { adherent: 'non' }],
    });
    const l: IndicatorInput[] = [
      { id: 'repondants', label: 'Centres répondants', kind: 'count' },
      {
        id: 'oui',
        label: 'Adhérents',
        kind: 'count',
        where: { question: 'adherent', op: 'eq', value: 'oui' },
      },
      {
        id: 'non',
        label: 'Non adhérents',
        kind: 'count',
        where: { question: 'adherent', op: 'eq', value: 'non' },
      },
    ];
    const pages = snapshotPages(c, l, 3);
    // Primary, by hand: 1 member in T1, 1 non-member in T3. The counted centres of T1 (5, a registry
    // figure) minus its 4 non-members would give T1's member: T1's non-members are hidden too,
    // and T3's members likewise; the network totals then need nothing more (4 unknowns, rank 3).
    const leaks = attack(
      pages,
      knowledge(
        ['T1', 'T2', 'T3'],
        ['repondants', 'oui', 'non'],
        [
          [
            ['repondants', 1],
            ['oui', -1],
            ['non', -1],
          ],
        ],
      ),
    );
    assert.deepEqual(leaks, [], 'nothing hidden is recovered');
    assert.deepEqual(hiddenIn(pages, 'oui'), ['T1', 'T3']);
    assert.deepEqual(hiddenIn(pages, 'non'), ['T1', 'T3']);
  });

  it('a brochure made outside a snapshot hides the complement of a hidden count on its own page', () => {
    // T1 of the case above: 5 centres (registry), 1 member, 4 non-members.
    const c = network({
      T1: [{ adherent: 'oui' }, ...many(4, { adherent: 'non' })],
      T2: [...many(3, { adherent: 'oui' }), ...many(3, { adherent: 'non' })],
      T3: [...many(4, { adherent: 'oui' }), { adherent: 'non' }],
    });
    const file = indicators([
      { id: 'repondants', label: 'Centres répondants', kind: 'count' },
      {
        id: 'oui',
        label: 'Adhérents',
        kind: 'count',
        where: { question: 'adherent', op: 'eq', value: 'oui' },
      },
      {
        id: 'non',
        label: 'Non adhérents',
        kind: 'count',
        where: { question: 'adherent', op: 'eq', value: 'non' },
      },
    ]);
    const page = (t: string) =>
      buildBrochure(c, file, { territory: { level: 'territoire', name: t }, k: 3, generatedAt: '2026-12-05' })
        .figures;
    const t1 = new Map(page('T1').map((f) => [f.id, f]));
    assert.equal(t1.get('oui')!.suppressed !== undefined, true);
    assert.equal(t1.get('non')!.value, null, '5 centres − 4 non-members would give the member');
    assert.match(t1.get('non')!.suppressed!.reason, /suppression secondaire/);
    assert.equal(t1.get('repondants')!.value, 5, 'the registry count stays published');
  });

  it("a territory's page shows the network's value only as the network page publishes it", () => {
    // k = 3. T1: 2 members (1 ETP each) and 3 others (2 ETP); T2: 5 others (3 ETP). On the network
    // page the mean of all 10 and the mean of the 8 others would give the 2 members' total: the
    // mean of the others is hidden there, so T2's page must not print it as "whole network".
    const c = network({
      T1: [...many(2, { adherent: 'oui', etp: 1 }), ...many(3, { adherent: 'non', etp: 2 })],
      T2: many(5, { adherent: 'non', etp: 3 }),
    });
    const file = indicators([
      { id: 'etp_tous', label: 'ETP moyen', kind: 'mean', question: 'etp' },
      {
        id: 'etp_oui',
        label: 'ETP moyen des adhérents',
        kind: 'mean',
        question: 'etp',
        where: { question: 'adherent', op: 'eq', value: 'oui' },
      },
      {
        id: 'etp_non',
        label: 'ETP moyen des autres',
        kind: 'mean',
        question: 'etp',
        where: { question: 'adherent', op: 'eq', value: 'non' },
      },
    ]);
    const page = (t: string | null) =>
      new Map(
        buildBrochure(c, file, {
          territory: t ? { level: 'territoire', name: t } : null,
          k: 3,
          generatedAt: '2026-12-05',
        }).figures.map((f) => [f.id, f]),
      );
    const whole = page(null);
    assert.ok(whole.get('etp_oui')!.suppressed, '2 members');
    assert.ok(whole.get('etp_non')!.suppressed, '10 × 2.3 − 8 × 2.625 would give the members');
    assert.equal(whole.get('etp_tous')!.value, 2.3);
    const t2 = page('T2');
    assert.equal(t2.get('etp_non')!.value, 3);
    assert.equal(t2.get('etp_non')!.network, undefined);
    assert.equal(t2.get('etp_tous')!.network, 2.3);
  });

  it('a ratio beside a hidden sum is hidden: Σ budget ÷ Σ ETP and Σ ETP would give Σ budget', () => {
    // One centre of T1 holds 950 of T1's 1,000 € (dominance), every centre has 2 ETP.
    const c = network({
      T1: [{ budget: 950, etp: 2 }, ...many(4, { budget: 12.5, etp: 2 })],
      T2: many(5, { budget: 100, etp: 2 }),
    });
    const l: IndicatorInput[] = [
      { id: 'budget', label: 'Budget total', kind: 'sum', question: 'budget' },
      { id: 'etp', label: 'ETP', kind: 'sum', question: 'etp' },
      {
        id: 'budget_par_etp',
        label: 'Budget par ETP',
        kind: 'ratio',
        numerator: 'budget',
        denominator: 'etp',
        percent: false,
      },
    ];
    const pages = snapshotPages(c, l, 3);
    assert.deepEqual(hiddenIn(pages, 'budget'), ['T1', 'T2'], 'dominance in T1, then T2 = network − T1');
    assert.deepEqual(hiddenIn(pages, 'budget_par_etp'), ['T1', 'T2']);
    assert.deepEqual(hiddenIn(pages, 'etp'), []);
  });
});

describe('differencing: previous years', () => {
  // k = 3, a sum of budgets. Last year T1 had 2 centres (hidden), so the brochure of T2, the
  // smallest other territory, hid T2 too (network − T3 would give T1). This year all are shown.
  const before = network({
    T1: many(2, { budget: 100 }),
    T2: many(3, { budget: 100 }),
    T3: many(4, { budget: 100 }),
  });
  const now = network({
    T1: many(3, { budget: 110 }),
    T2: many(3, { budget: 110 }),
    T3: many(4, { budget: 110 }),
  });
  const file = indicators([
    { id: 'budget', label: 'Budget total', kind: 'sum', question: 'budget', text: '{value} € {change}' },
  ]);
  const brochure = (campaign: Campaign, territory: string | null, previous: Campaign[] = []) =>
    buildBrochure(campaign, file, {
      territory: territory ? { level: 'territoire', name: territory } : null,
      k: 3,
      generatedAt: '2026-12-05',
      previous: previous.map((p) => ({ label: '2025', campaign: p })),
    });
  const cells = [null, 'T1', 'T2', 'T3'];

  it('a previous value hidden in its own year is hidden beside this year too, with no change', () => {
    const lastYear = cells.map((t) => brochure(before, t).figures[0]!);
    assert.deepEqual(
      lastYear.map((f) => f.value),
      [900, null, null, 400],
      "by hand: T1's 2 centres, then T2 to protect T1",
    );
    const pages: Page[] = cells.map((t) => ({
      cell: t ?? 'network',
      figures: brochure(now, t, [before]).figures,
    }));
    assert.deepEqual(
      attack(pages, knowledge(['T1', 'T2', 'T3'], ['budget'])),
      [],
      'nothing hidden is recovered',
    );
    const shown = pages.map((p) => p.figures[0]!.previous?.[0]?.value ?? null);
    assert.deepEqual(shown, [900, null, null, 400], 'the previous values are those published last year');
    const t2 = pages[2]!.figures[0]!;
    assert.equal(t2.value, 330);
    assert.equal(t2.change, undefined, 'no change against a hidden previous value');
    assert.doesNotMatch(t2.text ?? '', /hausse|baisse|stable/);
  });

  it('a value hidden this year shows no change against last year', () => {
    // Reversed: this year T1 has 2 centres; last year everything was published.
    const pages: Page[] = cells.map((t) => ({
      cell: t ?? 'network',
      figures: brochure(before, t, [now]).figures,
    }));
    for (const p of pages.filter((x) => x.figures[0]!.suppressed)) {
      assert.equal(p.figures[0]!.change, undefined, p.cell);
      assert.equal(p.figures[0]!.text, undefined, p.cell);
    }
    assert.deepEqual(attack(pages, knowledge(['T1', 'T2', 'T3'], ['budget'])), []);
  });
});

describe('differencing: a change between two questions of one survey', () => {
  it('a change of sums where one centre holds most of either year is that centre’s own change: hidden', () => {
    // This year's budgets (budget) and last year's (etp stands for them here): one centre of 5
    // holds 900 of 1,000 (90 % > 85 %) last year; the published rate would be nearly its own change.
    const c = network({
      T1: [{ budget: 1000, etp: 900 }, ...many(4, { budget: 50, etp: 25 })],
    });
    const file = indicators([
      {
        id: 'evolution',
        label: 'Évolution des budgets',
        kind: 'change',
        question: 'budget',
        previousQuestion: 'etp',
        statistic: 'sum',
      },
      {
        id: 'evolution_med',
        label: 'Évolution médiane',
        kind: 'change',
        question: 'budget',
        previousQuestion: 'etp',
        statistic: 'median',
      },
    ]);
    const figures = new Map(
      buildBrochure(c, file, { territory: null, k: 3, generatedAt: '2026-12-05' }).figures.map((f) => [
        f.id,
        f,
      ]),
    );
    assert.equal(figures.get('evolution')!.value, null);
    assert.match(figures.get('evolution')!.suppressed!.reason, /règle de dominance/);
    assert.equal(figures.get('evolution')!.change, undefined);
    // A median's change is no sum: the rule does not apply (median 50 against 25: +100 %).
    assert.equal(figures.get('evolution_med')!.value, 100);
  });
});

describe(
  'differencing: the Nord 2021 fixture',
  { skip: skipWithoutFixture('observatoire-nord-2021') },
  () => {
    it('no hidden figure of its snapshot is recovered from the territories, the network and the same definitions', async () => {
      const campaign = await readCampaignFolder(fixtureDir('observatoire-nord-2021'));
      const file = await loadIndicatorFile(
        join(ROOT, 'examples/observatoire-nord-2021/indicators.json'),
        campaign.survey,
        campaign.registry,
      );
      const cells = cellsFromAttributes(campaign, ['territoire']);
      const pagesAt = (k: number) => {
        const content = buildSnapshotContent(campaign, file, cells, {
          k,
          generatedAt: '2026-12-05T00:00:00.000Z',
        });
        return cells.map((c) => ({ cell: c.key, figures: content.brochures[c.key]!.figures }));
      };
      const additive = file.indicators.filter((i) => ['count', 'sum', 'mean', 'share'].includes(i.kind));
      // What the attacker reads from the definitions: a share's base is the count of its population
      // (one answer per centre here), and each territory's registry count is the network's part.
      const relations: Knowledge['relations'] = additive
        .filter((i) => i.kind === 'share' && !i.where)
        .map((i) => [
          ['reponses', 1],
          [`${i.id}:base`, -1],
        ]);
      const knowledge: Knowledge = {
        children: { network: cells.filter((c) => c.parent === 'network').map((c) => c.key) },
        indicators: additive.map((i) => i.id),
        relations,
      };
      const inTerritory = new Set(
        (campaign.registry?.structures ?? []).filter((s) => s.attributes.territoire).map((s) => s.id),
      );
      if (campaign.responses.some((r) => r.structure === null || !inTerritory.has(r.structure)))
        knowledge.rests = ['network'];
      let hidden = 0;
      for (const k of [5, 10, 20]) {
        const pages = pagesAt(k);
        hidden += pages.flatMap((p) => p.figures.filter((f) => f.suppressed)).length;
        assert.deepEqual(attack(pages, knowledge), [], `k = ${k}`);
      }
      assert.ok(hidden > 20, `the attack has hidden figures to look for (${hidden})`);
    });
  },
);
