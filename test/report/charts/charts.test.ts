import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { questionChartSvg, svgSize, svgToPng } from '../../../src/report/charts/index.js';
import type { QuestionResult } from '../../../src/report/model.js';
import { sampleModel } from '../fixtures/sample-model.js';

function question(name: string): QuestionResult {
  const q = sampleModel('fr').questions.find((x) => x.name === name);
  assert.ok(q, name);
  return q;
}

/** Text nodes of the SVG in document order, with their vertical position. */
function texts(svg: string): { text: string; y: number }[] {
  return [
    ...svg.matchAll(/<text\b[^>]*transform="translate\(([\d.-]+) ([\d.-]+)\)"[^>]*>([^<]*)<\/text>/g),
  ].map((m) => ({
    text: (m[3] ?? '').replace(/&nbsp;|&#160;/g, '\u00a0'),
    y: Number(m[2]),
  }));
}

describe('question charts', () => {
  it('draws horizontal bars labelled in the table order, top to bottom, with French percentages', () => {
    const svg = questionChartSvg(question('qpv'), 'fr') ?? '';
    assert.ok(svg.startsWith('<svg'));
    const labels = texts(svg);
    const y = (label: string) => labels.find((t) => t.text === label)?.y ?? Number.NaN;
    assert.ok(y('Oui') < y('Non') && y('Non') < y('Sans réponse'), 'rows out of order');
    for (const percent of ['45,05\u00a0%', '42,86\u00a0%', '12,09\u00a0%']) {
      assert.ok(
        labels.some((t) => t.text === percent),
        `bar label ${percent}`,
      );
    }
  });

  it('uses English number formatting with lang=en', () => {
    const svg = questionChartSvg(sampleModel('en').questions[0] as QuestionResult, 'en') ?? '';
    assert.ok(texts(svg).some((t) => t.text === '45.05%'));
  });

  it('grows with the number of rows', () => {
    const small = svgSize(questionChartSvg(question('qpv'), 'fr') ?? '');
    const tall = svgSize(questionChartSvg(question('creation'), 'fr') ?? '');
    assert.equal(small.width, tall.width);
    assert.ok(tall.height > small.height * 2, `${tall.height} vs ${small.height}`);
  });

  it('cuts very long labels with an ellipsis instead of overflowing', () => {
    const long =
      'Le développement de services d’utilité sociale (ESS) de type Fab lab, repair café, épicerie solidaire, ressourcerie et autres tiers-lieux';
    const q: QuestionResult = {
      ...question('qpv'),
      rows: [{ value: 'x', label: long, count: 3, percent: 100, rowKind: 'choice' }],
    };
    const svg = questionChartSvg(q, 'fr') ?? '';
    assert.match(svg, /…/);
    assert.ok(!svg.includes('tiers-lieux'));
  });

  it('draws a number question as a box plot of its quartiles', () => {
    const svg = questionChartSvg(question('adherents'), 'fr') ?? '';
    assert.ok(svg.startsWith('<svg'), 'a chart');
    // The sample's minimum, quartiles and maximum (110, 365, 685.5, 1033.5, 2914) in French.
    const labels = texts(svg).map((t) => t.text.replace(/[\u00a0\u202f]/g, ' '));
    for (const value of ['110', '365', '685,5', '1 033,5', '2 914'])
      assert.ok(labels.includes(value), `${value} in ${labels.join(' | ')}`);
  });

  it('draws nothing for free texts and tables without a base', () => {
    assert.equal(questionChartSvg(question('financement_vieillissement'), 'fr'), undefined);
    const empty: QuestionResult = {
      ...question('qpv'),
      base: 0,
      rows: [{ value: 'a', label: 'A', count: 0, percent: null, rowKind: 'choice' }],
    };
    assert.equal(questionChartSvg(empty, 'fr'), undefined);
  });

  it('draws a matrix as stacked bars with a legend of its columns', () => {
    const svg = questionChartSvg(question('satisfaction'), 'fr') ?? '';
    const labels = texts(svg).map((t) => t.text);
    for (const label of ['Accueil', 'Locaux']) assert.ok(labels.includes(label), label);
    assert.ok(svg.includes('>Oui<') && svg.includes('>Non<'), 'legend');
  });
});

describe('svgToPng', () => {
  it('rasterises a chart at the requested width, keeping its proportions', () => {
    const svg = questionChartSvg(question('qpv'), 'fr') ?? '';
    const { width, height } = svgSize(svg);
    const png = svgToPng(svg, width * 2);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.readUInt32BE(16), width * 2);
    assert.equal(png.readUInt32BE(20), height * 2);
  });

  it('renders the labels with a real font (text adds ink)', () => {
    const svg = questionChartSvg(question('qpv'), 'fr') ?? '';
    const withoutText = svg.replace(/<text\b[\s\S]*?<\/text>/g, '');
    assert.ok(svgToPng(svg, 640).length > svgToPng(withoutText, 640).length + 1000);
  });
});
