import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkResponses, parseRuleSet, type Rule } from '../../src/coherence/index.js';
import { buildSurveyModel } from '../../src/survey/model.js';
import type { Registry, ResponseRecord } from '../../src/survey/records.js';

// Hand-built cases, one block per kind of rule; expected figures are worked out in the comments.
const NNBSP = '\u202f'; // French thousands separator (Intl fr-FR)
const NBSP = '\u00a0';

const survey = buildSurveyModel({
  locale: 'fr',
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'text', inputType: 'number', name: 'budget', title: 'Budget total' },
        { type: 'text', inputType: 'number', name: 'budget_prec', title: 'Budget précédent' },
        { type: 'text', inputType: 'number', name: 'salaires', title: 'Masse salariale' },
        { type: 'text', inputType: 'number', name: 'etp', title: 'ETP' },
        {
          type: 'radiogroup',
          name: 'qpv',
          title: 'En QPV ?',
          choices: [
            { value: 'oui', text: 'Oui' },
            { value: 'non', text: 'Non' },
          ],
        },
        { type: 'text', inputType: 'number', name: 'nb_qpv', title: 'Habitants en QPV' },
      ],
    },
  ],
});

const registry: Registry = {
  attributes: ['territoire'],
  structures: [
    { id: 'S1', name: 'Centre Alpha', attributes: { territoire: 'Nord' } },
    { id: 'S2', name: 'Centre Bêta', attributes: { territoire: 'Sud' } },
  ],
};

function r(id: string, structure: string | null, data: Record<string, unknown>): ResponseRecord {
  return { id, structure, data };
}

function rules(list: unknown[]): Rule[] {
  return parseRuleSet({ rules: list }, 'test', survey).rules;
}

describe('range', () => {
  const set = rules([
    { id: 'b', kind: 'range', question: 'budget', min: 50000, max: 10000000, unit: '€', severity: 'warning' },
  ]);
  test('a value below the minimum is flagged, in French with the structure, the title and the values', () => {
    const [a, ...rest] = checkResponses(survey, [r('R1', 'S1', { budget: 5 })], set, { registry });
    assert.equal(rest.length, 0);
    assert.equal(a!.rule, 'b');
    assert.equal(a!.severity, 'warning');
    assert.deepEqual(a!.questions, ['budget']);
    assert.deepEqual(a!.values, { budget: 5 });
    assert.equal(
      a!.message,
      `«${NBSP}Centre Alpha${NBSP}»${NBSP}: «${NBSP}Budget total${NBSP}» vaut 5${NBSP}€, en dehors de la plage attendue ` +
        `(de 50${NNBSP}000${NBSP}€ à 10${NNBSP}000${NNBSP}000${NBSP}€).`,
    );
    assert.match(
      a!.messageEn,
      /"Centre Alpha": "Budget total" is 5\u00a0€, outside the expected range \(from 50,000\u00a0€ to 10,000,000\u00a0€\)/,
    );
  });
  test('the bounds themselves, unanswered and non-numeric answers break nothing', () => {
    const found = checkResponses(
      survey,
      [
        r('R1', 'S1', { budget: 50000 }),
        r('R2', 'S1', { budget: 10000000 }),
        r('R3', 'S1', {}),
        r('R4', 'S1', { budget: 'n/a' }),
      ],
      set,
    );
    assert.deepEqual(found, []);
  });
  test('numeric text is read as a number (1 200,5)', () => {
    const found = checkResponses(survey, [r('R1', 'S1', { budget: '10 000 000,5' })], set);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]!.values, { budget: 10000000.5 });
  });
});

describe('compare', () => {
  const set = rules([
    {
      id: 'c',
      kind: 'compare',
      left: 'salaires',
      op: '<=',
      right: 'budget',
      unit: '€',
      severity: 'blocking',
    },
  ]);
  test('payroll above the budget is blocking and names both questions and values', () => {
    const [a] = checkResponses(survey, [r('R1', 'S2', { budget: 5, salaires: 2000000 })], set, { registry });
    assert.equal(a!.severity, 'blocking');
    assert.deepEqual(a!.questions, ['salaires', 'budget']);
    assert.equal(
      a!.message,
      `«${NBSP}Centre Bêta${NBSP}»${NBSP}: «${NBSP}Masse salariale${NBSP}» (2${NNBSP}000${NNBSP}000${NBSP}€) devrait être ` +
        `inférieur ou égal à «${NBSP}Budget total${NBSP}» (5${NBSP}€).`,
    );
  });
  test('equality holds for <=; a tolerance lets a rounding through', () => {
    assert.deepEqual(checkResponses(survey, [r('R1', 'S2', { budget: 10, salaires: 10 })], set), []);
    const tolerant = rules([
      {
        id: 't',
        kind: 'compare',
        left: 'salaires',
        op: '<=',
        right: 'budget',
        tolerance: 1,
        severity: 'flag',
      },
    ]);
    assert.deepEqual(checkResponses(survey, [r('R1', 'S2', { budget: 10, salaires: 11 })], tolerant), []);
    assert.equal(checkResponses(survey, [r('R1', 'S2', { budget: 10, salaires: 11.5 })], tolerant).length, 1);
  });
  test('an anonymous response is named by its id', () => {
    const [a] = checkResponses(survey, [r('R9', null, { budget: 1, salaires: 2 })], set);
    assert.ok(a!.message.startsWith('Réponse anonyme R9'), a!.message);
    assert.equal(a!.structure, null);
  });
});

describe('ratio', () => {
  const set = rules([
    {
      id: 'p',
      kind: 'ratio',
      numerator: 'salaires',
      denominator: 'etp',
      min: 15000,
      max: 120000,
      unit: '€',
      severity: 'warning',
    },
  ]);
  test('payroll per ETP: 900 000 / 5 = 180 000 € is above 120 000 €', () => {
    const [a, ...rest] = checkResponses(
      survey,
      [r('R1', 'S1', { salaires: 900000, etp: 5 }), r('R2', 'S1', { salaires: 900000, etp: 20 })],
      set,
      { registry },
    );
    assert.equal(rest.length, 0, '900 000 / 20 = 45 000 € is within the bounds');
    assert.equal(a!.response, 'R1');
    assert.match(a!.message, new RegExp(`vaut 180${NNBSP}000${NBSP}€ \\(900${NNBSP}000 / 5\\)`));
    assert.match(a!.message, /«\u00a0Masse salariale\u00a0» \/ «\u00a0ETP\u00a0»/);
  });
  test('decimal ratio in French: 100 000 / 7,5 = 13 333,33 € is below 15 000 €', () => {
    const [a] = checkResponses(survey, [r('R1', 'S1', { salaires: 100000, etp: 7.5 })], set);
    assert.match(a!.message, new RegExp(`13${NNBSP}333,33${NBSP}€ \\(100${NNBSP}000 / 7,5\\)`));
  });
  test('a zero denominator with a payroll is an anomaly; 0 / 0 is not', () => {
    assert.equal(checkResponses(survey, [r('R1', 'S1', { salaires: 0, etp: 0 })], set).length, 0);
    const [a] = checkResponses(survey, [r('R1', 'S1', { salaires: 1000, etp: 0 })], set);
    assert.match(a!.message, /ne peut pas être calculé/);
  });
});

describe('required_if', () => {
  const set = rules([
    {
      id: 'q',
      kind: 'required_if',
      question: 'nb_qpv',
      if: { question: 'qpv', op: '=', value: 'oui' },
      severity: 'flag',
    },
  ]);
  test('missing when the condition holds, with the choice label', () => {
    const found = checkResponses(
      survey,
      [
        r('R1', 'S1', { qpv: 'oui' }),
        r('R2', 'S1', { qpv: 'non' }),
        r('R3', 'S1', { qpv: 'oui', nb_qpv: 0 }),
      ],
      set,
      { registry },
    );
    assert.deepEqual(
      found.map((a) => a.response),
      ['R1'],
    );
    assert.equal(
      found[0]!.message,
      `«${NBSP}Centre Alpha${NBSP}»${NBSP}: «${NBSP}Habitants en QPV${NBSP}» n'est pas renseigné alors que ` +
        `«${NBSP}En QPV ?${NBSP}» vaut «${NBSP}Oui${NBSP}».`,
    );
  });
  test('numeric condition', () => {
    const numeric = rules([
      {
        id: 'n',
        kind: 'required_if',
        question: 'salaires',
        if: { question: 'etp', op: '>', value: 0 },
        severity: 'flag',
      },
    ]);
    const found = checkResponses(survey, [r('R1', 'S1', { etp: 0 }), r('R2', 'S1', { etp: 2 })], numeric);
    assert.deepEqual(
      found.map((a) => a.response),
      ['R2'],
    );
  });
});

describe('change', () => {
  test('against another question of the same response: 800 000 → 1 500 000 is +87,5 %', () => {
    const set = rules([
      {
        id: 'e',
        kind: 'change',
        question: 'budget',
        from: 'budget_prec',
        percent: 50,
        unit: '€',
        severity: 'warning',
      },
    ]);
    const found = checkResponses(
      survey,
      [
        r('R1', 'S1', { budget: 1500000, budget_prec: 800000 }),
        r('R2', 'S1', { budget: 1500000, budget_prec: 1000000 }),
      ],
      set,
      { registry },
    );
    assert.deepEqual(
      found.map((a) => a.response),
      ['R1'],
      '+50 % exactly is not beyond 50 %',
    );
    assert.match(
      found[0]!.message,
      new RegExp(
        `passe de 800${NNBSP}000${NBSP}€ \\(«${NBSP}Budget précédent${NBSP}»\\) à 1${NNBSP}500${NNBSP}000${NBSP}€`,
      ),
    );
    assert.match(found[0]!.message, new RegExp(`\\+87,5${NBSP}%`));
    assert.deepEqual(found[0]!.values, { budget: 1500000, budget_prec: 800000 });
  });
  test("against the same structure's answer in the previous campaign (by structure id)", () => {
    const set = rules([
      { id: 'y', kind: 'change', question: 'budget', percent: 50, unit: '€', severity: 'warning' },
    ]);
    const previous = [r('P1', 'S1', { budget: 100000 }), r('P2', 'S2', { budget: 100000 })];
    const found = checkResponses(
      survey,
      [r('R1', 'S1', { budget: 40000 }), r('R2', 'S2', { budget: 140000 }), r('R3', null, { budget: 1 })],
      set,
      { registry, previous },
    );
    assert.deepEqual(
      found.map((a) => a.response),
      ['R1'],
      '-60 % is flagged, +40 % is not, an anonymous response has no previous answer',
    );
    assert.match(found[0]!.message, new RegExp(`-60${NBSP}%`));
    assert.match(found[0]!.message, /campagne précédente/);
    assert.deepEqual(found[0]!.values, { budget: 40000, 'previous:budget': 100000 });
    assert.deepEqual(
      checkResponses(survey, [r('R1', 'S1', { budget: 40000 })], set),
      [],
      'no previous campaign',
    );
  });
});

describe('outlier', () => {
  // Ten values 10, 20, …, 100 (Minitab quartiles: Q1 at rank 2,75 = 27,5 ; Q3 at rank 8,25 = 82,5 ;
  // IQR 55), so with k = 1 the fences are 27,5 − 55 = −27,5 and 82,5 + 55 = 137,5.
  const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  test('within the campaign', () => {
    const set = rules([{ id: 'o', kind: 'outlier', question: 'budget', k: 1, severity: 'flag' }]);
    const responses = values.map((v, i) => r(`R${i}`, 'S1', { budget: v }));
    assert.deepEqual(checkResponses(survey, responses, set), []);
    const population = [...responses, r('X', 'S1', { budget: 137.5 }), r('Y', 'S1', { budget: 1000 })];
    const found = checkResponses(survey, population, set, { registry });
    // With 12 values (10…100, 137,5, 1000): Q1 at rank 3,25 = 30 + 0,25 × 10 = 32,5 ; Q3 at rank
    // 9,75 = 90 + 0,75 × 10 = 97,5 ; IQR 65 ; fences −32,5 and 162,5: only 1000 is beyond.
    assert.deepEqual(
      found.map((a) => a.response),
      ['Y'],
    );
    assert.match(
      found[0]!.message,
      /vaut 1\u202f000, en dehors des valeurs habituelles de la campagne \(de -32,5 à 162,5 : quartiles 32,5 et 97,5/,
    );
  });
  test('within the territory, from the registry; small groups are left alone', () => {
    const set = rules([
      {
        id: 't',
        kind: 'outlier',
        question: 'budget',
        k: 1,
        within: 'territory',
        minCount: 4,
        severity: 'flag',
      },
    ]);
    const north = values.map((v, i) => r(`N${i}`, 'S1', { budget: v }));
    const south = [1, 2, 3].map((v, i) => r(`S${i}`, 'S2', { budget: v * 1000 }));
    const found = checkResponses(survey, [...north, r('N', 'S1', { budget: 500 }), ...south], set, {
      registry,
    });
    assert.deepEqual(
      found.map((a) => a.response),
      ['N'],
    );
    assert.match(found[0]!.message, /du territoire «\u00a0Nord\u00a0»/);
  });
  test('population: a single submission against the campaign', () => {
    const set = rules([{ id: 'o', kind: 'outlier', question: 'budget', k: 1, severity: 'flag' }]);
    const others = values.map((v, i) => r(`R${i}`, 'S1', { budget: v }));
    const candidate = r('NEW', 'S1', { budget: 5000 });
    const found = checkResponses(survey, [candidate], set, { population: [...others, candidate] });
    assert.deepEqual(
      found.map((a) => a.response),
      ['NEW'],
    );
  });
});

describe('ordering and templates', () => {
  test('most severe first, then response and rule order', () => {
    const set = rules([
      { id: 'f', kind: 'range', question: 'etp', max: 10, severity: 'flag' },
      { id: 'w', kind: 'range', question: 'budget', max: 10, severity: 'warning' },
      { id: 'b', kind: 'compare', left: 'salaires', op: '<=', right: 'budget', severity: 'blocking' },
    ]);
    const found = checkResponses(
      survey,
      [
        r('R1', 'S1', { etp: 20, budget: 20, salaires: 30 }),
        r('R2', 'S1', { etp: 20, budget: 20, salaires: 30 }),
      ],
      set,
    );
    assert.deepEqual(
      found.map((a) => `${a.severity}:${a.response}`),
      ['blocking:R1', 'blocking:R2', 'warning:R1', 'warning:R2', 'flag:R1', 'flag:R2'],
    );
  });
  test('a message template is filled in both languages, after the structure', () => {
    const set = rules([
      {
        id: 'm',
        kind: 'range',
        question: 'budget',
        min: 100,
        unit: '€',
        severity: 'warning',
        message: {
          fr: '{question} trop faible : {value} (minimum {min}).',
          en: '{question} too low: {value}.',
        },
      },
    ]);
    const [a] = checkResponses(survey, [r('R1', 'S1', { budget: 5 })], set, { registry });
    assert.equal(
      a!.message,
      `«${NBSP}Centre Alpha${NBSP}»${NBSP}: «${NBSP}Budget total${NBSP}» trop faible : 5${NBSP}€ (minimum 100${NBSP}€).`,
    );
    assert.equal(a!.messageEn, '"Centre Alpha": "Budget total" too low: 5\u00a0€.');
  });
});
