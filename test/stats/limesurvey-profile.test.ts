import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, numericStats } from '../../src/stats/index.js';
import { limesurveyPercent, roundDecimalHalfUp } from '../../src/stats/profile.js';
import { buildSurveyModel } from '../../src/survey/model.js';
import { question, record, table } from './support.js';

// Hand-computed LimeSurvey 6 figures (statistics_helper.php, displayResults): percentages over
// every response, "Non complété ou non affiché" rows, sprintf("%01.2f") rounding, numeric
// summaries over non-zero values with a population SD, Q1/Q3 from 4 values and the median from 2.
const survey = buildSurveyModel({
  locale: 'fr',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'q1', choices: ['a', 'b', 'c'], showOtherItem: true },
        { type: 'radiogroup', name: 'q2', choices: ['y', 'z'], visibleIf: "{q1} = 'a'" },
        { type: 'checkbox', name: 'm', choices: ['x', 'y'], showOtherItem: true, visibleIf: '{q1} notempty' },
        { type: 'checkbox', name: 'm2', choices: ['x', 'y'] },
        { type: 'text', name: 'n', inputType: 'number' },
        { type: 'comment', name: 't' },
        { type: 'comment', name: 't2', visibleIf: "{q1} = 'a'" },
        { type: 'rating', name: 'r' },
        { type: 'matrix', name: 'arr', rows: ['l1', 'l2'], columns: [1, 2, 3, 4, 5] },
      ],
    },
  ],
});

const responses = [
  record('r1', null, {
    q1: 'a',
    q2: 'y',
    m: ['x', 'y'],
    m2: ['x'],
    n: 10,
    t: 'bien',
    t2: 'x',
    r: 5,
    arr: { l1: 1, l2: 2 },
  }),
  // q2 holds a stale value although hidden (q1 = b): LimeSurvey's NULL, "non affiché".
  record('r2', null, { q1: 'b', q2: 'y', m: ['other'], n: 0, t: '  ', r: 4, arr: { l1: 3 } }),
  record('r3', null, {
    q1: 'other',
    'q1-Comment': 'autre',
    m: ['x', 'other'],
    'm-Comment': 'abc',
    m2: ['y'],
    n: 20,
    t: 'ok merci',
    r: 4,
    arr: {},
  }),
  record('r4', null, {}),
  record('r5', null, { q1: 'a', m: [], n: 30, r: 1, arr: { l1: 5, l2: 5 } }),
];

const model = buildReport(survey, responses, { profile: 'limesurvey' });

describe('profile limesurvey: hand-computed tables (5 responses)', () => {
  test('the report names the profile; base all and minitab quartiles are fixed', () => {
    assert.equal(model.method.profile, 'limesurvey');
    assert.equal(model.method.base, 'all');
    assert.equal(model.method.quartiles, 'minitab');
    assert.ok(model.method.notes.some((n) => n.startsWith('Méthode statistique : profil LimeSurvey 6')));
    const panorama = buildReport(survey, responses, { quartiles: 'excel' });
    assert.equal(panorama.method.profile, 'panorama');
    assert.ok(panorama.method.notes.some((n) => n.startsWith('Méthode statistique : profil Panorama')));
    // The profile wins over a base or quartile method asked for beside it.
    const forced = buildReport(survey, responses, {
      profile: 'limesurvey',
      base: 'displayed',
      quartiles: 'excel',
    });
    assert.equal(forced.method.base, 'all');
    assert.equal(forced.method.quartiles, 'minitab');
  });

  test('single choice: over all responses, "Non complété ou non affiché" listed even at 0', () => {
    const q1 = question(model, 'q1');
    assert.equal(q1.base, 5);
    assert.deepEqual(table(q1), [
      ['a', 2, 40],
      ['b', 1, 20],
      ['c', 0, 0],
      ['Autre', 1, 20],
      ['Sans réponse', 1, 20],
      ['Non complété ou non affiché', 0, 0],
    ]);
    assert.deepEqual(table(question(model, 'q2')), [
      ['y', 1, 20],
      ['z', 0, 0],
      ['Sans réponse', 1, 20],
      ['Non complété ou non affiché', 3, 60],
    ]);
  });

  test('multiple choice: "Autre" only with a text; "non affiché" only when non-zero', () => {
    const m = question(model, 'm');
    assert.equal(m.base, 5);
    assert.deepEqual(table(m), [
      ['x', 2, 40],
      ['y', 1, 20],
      // r2 ticked "other" without a text: LimeSurvey's other column is empty there.
      ['Autre', 1, 20],
      ['Non complété ou non affiché', 1, 20],
    ]);
    assert.deepEqual(table(question(model, 'm2')), [
      ['x', 1, 20],
      ['y', 1, 20],
    ]);
  });

  test('number: zeros left out, population SD, no Q1/Q3 under 4 values', () => {
    const n = question(model, 'n');
    assert.equal(n.base, 5);
    assert.deepEqual(n.stats, {
      count: 3,
      sum: 60,
      mean: 20,
      sd: 8.16, // √(200/3) = 8.1649…
      min: 10,
      q1: null,
      median: 20,
      q3: null,
      max: 30,
    });
    assert.ok(n.notes!.some((note) => note.startsWith('1 valeur(s) égale(s) à 0')));
  });

  test('text questions: Réponse / Sans réponse / Non complété ou non affiché', () => {
    assert.deepEqual(table(question(model, 't')), [
      ['Réponse', 2, 40],
      ['Sans réponse', 3, 60],
      ['Non complété ou non affiché', 0, 0],
    ]);
    const t2 = question(model, 't2');
    assert.deepEqual(table(t2), [
      ['Réponse', 1, 20],
      ['Sans réponse', 1, 20],
      ['Non complété ou non affiché', 3, 60],
    ]);
    assert.deepEqual(
      t2.rows!.map((r) => r.rowKind),
      ['answer', 'no-answer', 'not-displayed'],
    );
  });

  test('5-point scale: percentages over the answered responses, aggregated shares, mean and SD', () => {
    const r = question(model, 'r');
    assert.deepEqual(table(r), [
      ['1', 1, 20],
      ['2', 0, 0],
      ['3', 0, 0],
      ['4', 2, 40],
      ['5', 1, 20],
      ['Sans réponse', 1, 20],
      ['Non complété ou non affiché', 0, 0],
    ]);
    assert.deepEqual(
      r.rows!.map((row) => row.answeredPercent),
      [25, 0, 0, 50, 25, undefined, undefined],
    );
    assert.equal(r.stats, undefined);
    // mean 14/4 = 3.5; SD √((6.25 + 2×0.25 + 2.25)/3) = √3 = 1.732…
    assert.deepEqual(r.notes, [
      'Sur les réponses exprimées (n = 4)\u00a0: 1-2\u00a0: 25,00\u00a0% ; 3\u00a0: 0,00\u00a0% ; 4-5\u00a0: 75,00\u00a0% ; moyenne arithmétique 3,5 ; écart type 1,73.',
    ]);
  });

  test('array of 5-point choices: every line over all responses, aggregated over its answers', () => {
    const arr = question(model, 'arr');
    const l1 = arr.matrix![0]!;
    assert.equal(l1.base, 5);
    assert.deepEqual(
      l1.cells.map((c) => [c.label, c.count, c.percent, c.answeredPercent]),
      [
        ['1', 1, 20, 33.33],
        ['2', 0, 0, 0],
        ['3', 1, 20, 33.33],
        ['4', 0, 0, 0],
        ['5', 1, 20, 33.33],
        ['Sans réponse', 2, 40, undefined],
        ['Non complété ou non affiché', 0, 0, undefined],
      ],
    );
    assert.match(
      arr.notes![0]!,
      /^l1 — Sur les réponses exprimées \(n = 3\).*moyenne arithmétique 3 ; écart type 2\.$/,
    );
    // l2: 2 and 5 → mean 3.5, SD √4.5 = 2.1213…
    assert.match(arr.notes![1]!, /^l2 — .*\(n = 2\).*moyenne arithmétique 3,5 ; écart type 2,12\.$/);
  });
});

describe('profile limesurvey: numeric summaries for n = 0…5', () => {
  const ls = (values: number[]) => numericStats(values, 'minitab', 'limesurvey');
  test('n = 0 and 1: no quartiles, no median; SD of one value is 0', () => {
    assert.equal(ls([]).count, 0);
    assert.deepEqual(ls([7]), {
      count: 1,
      sum: 7,
      mean: 7,
      sd: 0,
      min: 7,
      q1: null,
      median: null,
      q3: null,
      max: 7,
    });
  });
  test('n = 2 and 3: a median, no Q1/Q3', () => {
    assert.deepEqual(ls([5, 3]), {
      count: 2,
      sum: 8,
      mean: 4,
      sd: 1,
      min: 3,
      q1: null,
      median: 4,
      q3: null,
      max: 5,
    });
    // mean 7/3 → 2.33; population SD √(42/27) = 1.2472…
    assert.deepEqual(ls([4, 1, 2]), {
      count: 3,
      sum: 7,
      mean: 2.33,
      sd: 1.25,
      min: 1,
      q1: null,
      median: 2,
      q3: null,
      max: 4,
    });
  });
  test('n = 4 and 5: every quartile, minitab positions', () => {
    assert.deepEqual(ls([4, 3, 2, 1]), {
      count: 4,
      sum: 10,
      mean: 2.5,
      sd: 1.12, // √1.25 = 1.118…
      min: 1,
      q1: 1.25,
      median: 2.5,
      q3: 3.75,
      max: 4,
    });
    assert.deepEqual(ls([10, 20, 30, 40, 50]), {
      count: 5,
      sum: 150,
      mean: 30,
      sd: 14.14, // √200
      min: 10,
      q1: 15,
      median: 30,
      q3: 45,
      max: 50,
    });
    // The textbook population SD: exactly 2 (the sample SD would be 2.138…).
    assert.equal(ls([2, 4, 4, 4, 5, 5, 7, 9]).sd, 2);
    assert.equal(numericStats([2, 4, 4, 4, 5, 5, 7, 9], 'minitab').sd, Math.sqrt(32 / 7));
  });
  test('mean and SD rounded as PHP round($x, 2): 1.005 → 1.01', () => {
    assert.equal(ls([1.005]).mean, 1.01);
    assert.equal(ls([1.005]).sum, 1.005);
  });
});

describe('sprintf("%01.2f") rounding of percentages', () => {
  test('ties at x.xx5 round away from zero on the decimal representation', () => {
    assert.equal(roundDecimalHalfUp(1.005), 1.01); // the double is 1.00499999999999989…
    assert.equal((1.005).toFixed(2), '1.00');
    assert.equal(roundDecimalHalfUp(2.675), 2.68);
    assert.equal(roundDecimalHalfUp(0.125), 0.13);
    assert.equal(roundDecimalHalfUp(33.33499999999999), 33.33);
    assert.equal(roundDecimalHalfUp(99.995), 100);
    assert.equal(roundDecimalHalfUp(-1.005), -1.01);
    assert.equal(roundDecimalHalfUp(1e-9), 0);
    assert.equal(limesurveyPercent(1, 32), 3.13); // 3.125
    assert.equal(limesurveyPercent(31, 32), 96.88); // 96.875
    assert.equal(limesurveyPercent(1, 160), 0.63); // 0.625
    assert.equal(limesurveyPercent(201, 20_000), 1.01); // 1.005
    assert.equal(limesurveyPercent(2, 3), 66.67);
    assert.equal(limesurveyPercent(0, 0), null);
  });

  test('a table of 32 responses: 1 → 3.13 %, 31 → 96.88 %', () => {
    const small = buildSurveyModel({
      pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'q', choices: ['a', 'b'] }] }],
    });
    const rows = Array.from({ length: 32 }, (_, i) => record(`r${i}`, null, { q: i === 0 ? 'a' : 'b' }));
    const q = question(buildReport(small, rows, { profile: 'limesurvey' }), 'q');
    assert.deepEqual(table(q), [
      ['a', 1, 3.13],
      ['b', 31, 96.88],
      ['Sans réponse', 0, 0],
      ['Non complété ou non affiché', 0, 0],
    ]);
    // Panorama's own rounding gives the same figures here (half up on 12 significant digits).
    const panorama = question(buildReport(small, rows), 'q');
    assert.deepEqual(table(panorama).slice(0, 2), [
      ['a', 1, 3.13],
      ['b', 31, 96.88],
    ]);
  });
});
