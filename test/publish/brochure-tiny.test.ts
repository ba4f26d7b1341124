import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildBrochure } from '../../src/publish/brochure/model.js';
import { brochureJson } from '../../src/publish/brochure/json.js';
import { parseIndicatorFile } from '../../src/publish/indicators/load.js';
import { tinyRegistry, tinyResponses, tinySurvey } from './support/tiny.js';
import { renderBrochureHtml, renderBrochurePdf } from '../../src/publish/index.js';

const campaign = { survey: tinySurvey, responses: tinyResponses(), registry: tinyRegistry() };
const file = parseIndicatorFile({
  title: 'Mini',
  indicators: [
    { id: 'centres', label: 'Centres', kind: 'count', of: 'structures', text: '{value} centres' },
    {
      id: 'taux_a',
      label: 'Taux A',
      kind: 'participation',
      where: { attribute: 'territoire', op: 'eq', value: 'A' },
    },
    {
      id: 'jardin',
      label: 'Jardin',
      kind: 'share',
      condition: { question: 'jardin', op: 'eq', value: 'oui' },
      unit: '%',
    },
  ],
  sections: [
    { title: 'Réseau', indicators: ['centres', 'jardin'], charts: ['jardin'] },
    { title: 'Territoire A', indicators: ['taux_a'] },
  ],
});

describe('brochure model on a hand-made campaign', () => {
  it('renders PDF then HTML from one model: a renderer never changes the model it is given', async () => {
    const model = buildBrochure(campaign, file, { territory: null });
    const before = JSON.stringify(model);
    await renderBrochurePdf(model);
    assert.equal(JSON.stringify(model), before);
    assert.match(await renderBrochureHtml(model), /Réseau/);
  });

  it('drops a section with nothing to show in the territory', () => {
    const c = buildBrochure(campaign, file, { territory: { level: 'territoire', name: 'C' } });
    assert.deepEqual(
      c.sections.map((s) => s.title),
      ['Réseau'],
    );
    const a = buildBrochure(campaign, file, { territory: { level: 'territoire', name: 'A' } });
    assert.deepEqual(
      a.sections.map((s) => s.title),
      ['Réseau', 'Territoire A'],
    );
  });

  it('compares a territory share with the network and highlights the territory on the map', () => {
    const a = brochureJson(
      buildBrochure(campaign, file, { territory: { level: 'territoire', name: 'A' }, k: 3 }),
    );
    const jardin = a.figures.find((f) => f.id === 'jardin')!;
    // A: ranks 1–4 of 12 say oui; network: 11 of 25.
    assert.equal(jardin.value, (4 / 12) * 100);
    assert.equal(jardin.network, (11 / 25) * 100);
    const model = buildBrochure(campaign, file, { territory: { level: 'territoire', name: 'A' } });
    assert.deepEqual(
      model.map.territories.filter((t) => t.highlighted).map((t) => t.name),
      ['A'],
    );
    assert.equal(model.scopeLabel, 'Territoire : A');
  });

  it('hides chart bars under k and says so', () => {
    // Territory B: 3 answers → the chart base is under 5 and the chart is left out.
    assert.equal(
      buildBrochure(campaign, file, { territory: { level: 'territoire', name: 'B' } }).sections[0]!.charts
        .length,
      0,
    );
    // k = 5 in A: 4 'oui' is hidden, 8 'non' drawn.
    const chart = buildBrochure(campaign, file, { territory: { level: 'territoire', name: 'A' } })
      .sections[0]!.charts[0]!;
    assert.deepEqual(
      chart.rows!.map((r) => [r.value, r.percent === null]),
      [
        ['oui', true],
        ['non', false],
      ],
    );
    assert.match(chart.notes![0]!, /moins de 5 structures non représentées \(oui\)/);
  });
});
