import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matches, type Condition } from '../../src/publish/conditions.js';
import { evaluateIndicators } from '../../src/publish/indicators/evaluate.js';
import {
  IndicatorFileError,
  loadIndicatorFile,
  parseIndicatorFile,
} from '../../src/publish/indicators/load.js';
import { tinyRegistry, tinyResponses, tinySurvey } from './support/tiny.js';

function evaluate(indicators: unknown[], scope?: string) {
  const file = parseIndicatorFile({ title: 't', indicators });
  const figures = evaluateIndicators(tinySurvey, tinyResponses(), tinyRegistry(), file, {
    ...(scope ? { scope: { attribute: 'territoire', value: scope } } : {}),
  });
  return new Map(figures.map((f) => [f.id, f]));
}

// Tiny campaign: A has 12 centres (budgets 100..1200), B 3 (100..300), C 10 (100..1000); all answered.
describe('indicator evaluation on a hand-made campaign', () => {
  it('computes counts, sums, means, medians, extremes and quartiles', () => {
    const f = evaluate([
      { id: 'n', label: 'n', kind: 'count' },
      { id: 's', label: 's', kind: 'sum', question: 'budget' },
      { id: 'm', label: 'm', kind: 'mean', question: 'budget' },
      { id: 'med', label: 'med', kind: 'median', question: 'budget' },
      { id: 'min', label: 'min', kind: 'min', question: 'budget' },
      { id: 'max', label: 'max', kind: 'max', question: 'budget' },
      { id: 'q1', label: 'q1', kind: 'quartile', question: 'budget', quartile: 1 },
      { id: 'q3x', label: 'q3', kind: 'quartile', question: 'budget', quartile: 3, method: 'excel' },
    ]);
    // Sums: A 7800, B 600, C 5500 → 13 900 over 25.
    assert.equal(f.get('n')!.value, 25);
    assert.equal(f.get('s')!.value, 13900);
    assert.equal(f.get('m')!.value, 556);
    // Sorted budgets: 100×3, 200×3, 300×3, 400×2, 500×2, …, 1000×2, 1100, 1200 → 13th value = 500.
    assert.equal(f.get('med')!.value, 500);
    assert.equal(f.get('min')!.value, 100);
    assert.equal(f.get('max')!.value, 1200);
    // Minitab Q1 at (25+1)/4 = 6.5 → between 6th (200) and 7th (300) = 250. Excel Q3 at 1+18 = 19th = 800.
    assert.equal(f.get('q1')!.value, 250);
    assert.equal(f.get('q3x')!.value, 800);
  });

  it('computes shares, subgroup shares, ratios, participation and in-response change', () => {
    const f = evaluate([
      { id: 'jardin', label: 'j', kind: 'share', condition: { question: 'jardin', op: 'eq', value: 'oui' } },
      {
        id: 'b_parmi_grands',
        label: 'x',
        kind: 'share',
        where: { question: 'budget', op: 'lte', value: 300 },
        condition: { attribute: 'territoire', op: 'eq', value: 'B' },
      },
      {
        id: 'ratio',
        label: 'r',
        kind: 'ratio',
        numerator: 'budget',
        denominator: 'budget',
        aggregate: 'mean',
      },
      {
        id: 'part',
        label: 'p',
        kind: 'participation',
        where: { attribute: 'territoire', op: 'in', value: ['A', 'B'] },
      },
    ]);
    assert.equal(f.get('jardin')!.value, (11 / 25) * 100);
    assert.equal(f.get('jardin')!.numerator, 11);
    // Budgets ≤ 300: 3 in each territory → B is 3 of 9.
    assert.equal(f.get('b_parmi_grands')!.value, (3 / 9) * 100);
    assert.equal(f.get('b_parmi_grands')!.base, 9);
    assert.equal(f.get('ratio')!.value, 100);
    assert.equal(f.get('part')!.value, 100);
    assert.equal(f.get('part')!.base, 15);
  });

  it('finds the most frequent answer and the top-N choices (other/none excluded)', () => {
    const f = evaluate([
      { id: 'mode', label: 'm', kind: 'mode', question: 'jardin' },
      { id: 'top', label: 't', kind: 'top', question: 'partenaires', n: 2 },
    ]);
    assert.equal(f.get('mode')!.value, 'non');
    assert.deepEqual(f.get('mode')!.counts, { non: 14, oui: 11 });
    // caf: everyone (25); ars: even ranks: A 6, B 1, C 5 = 12.
    assert.deepEqual(f.get('top')!.value, ['caf', 'ars']);
    assert.deepEqual(f.get('top')!.counts, { caf: 25, ars: 12 });
  });

  it('restricts every figure to a territory scope', () => {
    const f = evaluate(
      [
        { id: 'n', label: 'n', kind: 'count', of: 'structures' },
        { id: 'm', label: 'm', kind: 'mean', question: 'budget' },
      ],
      'C',
    );
    assert.equal(f.get('n')!.value, 10);
    assert.equal(f.get('m')!.value, 550);
  });

  it('fills the wording template in French', () => {
    const f = evaluate([
      { id: 's', label: 's', kind: 'sum', question: 'budget', text: '{value} € au total sur {base} centres' },
    ]);
    assert.equal(f.get('s')!.text, '13\u00a0900 € au total sur 25 centres');
  });
});

describe('conditions', () => {
  const unit = { data: { n: 5, tags: ['a', 'b'], s: 'oui' }, attributes: { dep: '59' }, structure: 'X' };
  const cases: [Condition, boolean][] = [
    [{ question: 'n', op: 'gt', value: 4 }, true],
    [{ question: 'n', op: 'lte', value: 4 }, false],
    [{ question: 'tags', op: 'contains', value: 'b' }, true],
    [{ question: 'tags', op: 'contains', value: 'z' }, false],
    [{ question: 's', op: 'in', value: ['non', 'oui'] }, true],
    [{ question: 'missing', op: 'notEmpty' }, false],
    [{ question: 'missing', op: 'ne', value: 'x' }, true],
    [{ attribute: 'dep', op: 'eq', value: 59 }, true],
    [
      {
        all: [
          { question: 'n', op: 'eq', value: 5 },
          { attribute: 'dep', op: 'eq', value: '62' },
        ],
      },
      false,
    ],
    [
      {
        any: [
          { question: 'n', op: 'eq', value: 5 },
          { attribute: 'dep', op: 'eq', value: '62' },
        ],
      },
      true,
    ],
    [{ not: { question: 's', op: 'eq', value: 'oui' } }, false],
  ];
  for (const [condition, expected] of cases) {
    it(`${JSON.stringify(condition)} → ${expected}`, () => assert.equal(matches(condition, unit), expected));
  }
});

describe('indicator file errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-ind-'));

  it('reports bad JSON with line and column', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, `{\n  "title": "x",\n  "indicators": [1 2]\n}`);
    await assert.rejects(loadIndicatorFile(path), (err: Error) => {
      assert.ok(err instanceof IndicatorFileError);
      assert.match(err.message, /bad\.json/);
      assert.match(err.messageIn('en'), /line 3, column/);
      assert.match(err.messageIn('fr'), /ligne 3, colonne/);
      return true;
    });
  });

  it('reports schema problems with their JSON path', () => {
    assert.throws(
      () => parseIndicatorFile({ title: 'x', indicators: [{ id: 'a', label: 'a', kind: 'mean' }] }, 'f.json'),
      (err: Error) =>
        err instanceof IndicatorFileError &&
        /indicators\[0\]/.test(err.message) &&
        /f\.json/.test(err.message),
    );
    assert.throws(
      () =>
        parseIndicatorFile({
          title: 'x',
          indicators: [{ id: 'a', label: 'a', kind: 'average', question: 'q' }],
        }),
      /indicators\[0\]/,
    );
  });

  it('reports unknown questions, attributes and duplicate ids against the survey and registry', async () => {
    const path = join(dir, 'refs.json');
    writeFileSync(
      path,
      JSON.stringify({
        title: 'x',
        indicators: [
          { id: 'a', label: 'a', kind: 'mean', question: 'budjet' },
          { id: 'a', label: 'b', kind: 'share', condition: { attribute: 'region', op: 'eq', value: 'x' } },
        ],
      }),
    );
    await assert.rejects(loadIndicatorFile(path, tinySurvey, tinyRegistry()), (err: Error) => {
      const en = (err as IndicatorFileError).messageIn('en');
      assert.match(en, /unknown question "budjet"/);
      assert.match(en, /duplicate id "a"/);
      assert.match(en, /unknown registry attribute "region" \(known: territoire\)/);
      assert.match(err.message, /question « budjet » inconnue/);
      return true;
    });
  });
});
