import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, ReportConfigError, ReportOptionsError } from '../../src/stats/index.js';
import type { QuestionResult, ReportModel } from '../../src/report/model.js';
import type { Registry } from '../../src/survey/records.js';
import { record, smallSurvey } from './support.js';

// Five responses computed by hand below. `taille` is displayed only when qpv = 'oui'.
const RESPONSES = [
  record('r1', 'S1', {
    qpv: 'oui',
    taille: 'petit',
    champs: ['a', 'b'],
    salaries: 10,
    avis: 'Très bon accueil',
    adherent: true,
    satisfaction: { accueil: 3, locaux: 2 },
  }),
  record('r2', 'S2', {
    qpv: 'oui',
    taille: 'other',
    'taille-Comment': 'énorme',
    champs: ['a', 'other'],
    'champs-Comment': 'autre chose',
    salaries: 20,
    adherent: false,
  }),
  // taille is answered but hidden (qpv = non): it must not be counted.
  record('r3', 'S3', { qpv: 'non', taille: 'grand', champs: [], avis: '   ', satisfaction: { accueil: 1 } }),
  record('r4', null, { qpv: 'oui', taille: 'none', salaries: 30 }),
  record('r5', 'S1', { champs: ['c'] }),
];

const REGISTRY: Registry = {
  attributes: ['territoire', 'qpv'],
  structures: [
    { id: 'S1', name: 'Centre 1', attributes: { territoire: 'Nord', qpv: 'oui' } },
    { id: 'S2', name: 'Centre 2', attributes: { territoire: 'Nord', qpv: 'non' } },
    { id: 'S3', name: 'Centre 3', attributes: { territoire: 'Lens', qpv: 'oui' } },
    { id: 'S4', name: 'Centre 4', attributes: { territoire: 'Arras', qpv: 'non' } },
  ],
};

function report(options: Parameters<typeof buildReport>[2] = {}): ReportModel {
  return buildReport(smallSurvey(), RESPONSES, { registry: REGISTRY, ...options });
}
function question(model: ReportModel, name: string): QuestionResult {
  const q = model.questions.find((x) => x.name === name);
  assert.ok(q, name);
  return q;
}
const table = (q: QuestionResult) => q.rows!.map((r) => [r.label, r.count, r.percent]);

describe('choice tables', () => {
  test('single choice: every choice, Autre, Aucun, Sans réponse, over the displayed base', () => {
    const taille = question(report(), 'taille');
    assert.equal(taille.base, 3);
    assert.equal(taille.answered, 3);
    assert.deepEqual(table(taille), [
      ['petit', 1, 33.33],
      ['moyen', 0, 0],
      ['grand', 0, 0],
      ['Autre', 1, 33.33],
      ['Aucun', 1, 33.33],
      ['Sans réponse', 0, 0],
    ]);
    assert.deepEqual(
      taille.rows!.map((r) => [r.value, r.rowKind]),
      [
        ['petit', 'choice'],
        ['moyen', 'choice'],
        ['grand', 'choice'],
        ['other', 'other'],
        ['none', 'none'],
        [null, 'no-answer'],
      ],
    );
    assert.deepEqual(taille.otherTexts, ['énorme']);
  });

  test('base "all": every response, plus a "Non affiché" row', () => {
    const model = report({ base: 'all' });
    const taille = question(model, 'taille');
    assert.equal(taille.base, 5);
    assert.deepEqual(table(taille).at(0), ['petit', 1, 20]);
    assert.deepEqual(taille.rows!.at(-1), {
      value: null,
      label: 'Non affiché',
      count: 2,
      percent: 40,
      rowKind: 'not-displayed',
    });
    assert.equal(model.method.base, 'all');
  });

  test('unanswered unconditional question: Sans réponse', () => {
    assert.deepEqual(table(question(report(), 'qpv')), [
      ['Oui', 3, 60],
      ['Non', 1, 20],
      ['Sans réponse', 1, 20],
    ]);
  });

  test('multiple choice: each choice over the same base, no Sans réponse row, Autre texts', () => {
    const champs = question(report(), 'champs');
    assert.equal(champs.base, 5);
    assert.equal(champs.answered, 3);
    assert.equal(champs.multiple, true);
    assert.deepEqual(table(champs), [
      ['a', 2, 40],
      ['b', 1, 20],
      ['c', 1, 20],
      ['Autre', 1, 20],
    ]);
    assert.deepEqual(champs.otherTexts, ['autre chose']);
  });

  test('multiple choice rows may sum past 100 %', () => {
    const model = buildReport(smallSurvey(), [record('x', null, { champs: ['a', 'b', 'c'] })]);
    const sum = question(model, 'champs').rows!.reduce((s, r) => s + r.percent!, 0);
    assert.equal(sum, 300);
  });

  test('order by frequency moves the choices only', () => {
    const model = report({ config: { questions: { champs: { order: 'frequency' } } } });
    assert.deepEqual(
      question(model, 'champs').rows!.map((r) => r.value),
      ['a', 'b', 'c', 'other'],
    );
    const qpv = question(report({ config: { order: 'frequency' } }), 'taille');
    assert.deepEqual(
      qpv.rows!.map((r) => r.value),
      ['petit', 'moyen', 'grand', 'other', 'none', null],
    );
  });

  test('boolean: Oui / Non / Sans réponse', () => {
    assert.deepEqual(table(question(report(), 'adherent')), [
      ['Oui', 1, 20],
      ['Non', 1, 20],
      ['Sans réponse', 3, 60],
    ]);
  });

  test('zero base: percentages are null', () => {
    // Without a registry "qpv" is the question: only r3, for which taille is hidden.
    const model = buildReport(smallSurvey(), RESPONSES, { filters: [{ key: 'qpv', value: 'non' }] });
    const taille = question(model, 'taille');
    assert.equal(taille.base, 0);
    assert.ok(taille.rows!.every((r) => r.count === 0 && r.percent === null));
  });
});

describe('numbers, texts, matrix', () => {
  test('numeric summary over non-empty answers', () => {
    const salaries = question(report(), 'salaries');
    assert.equal(salaries.kind, 'numeric');
    assert.equal(salaries.base, 5);
    assert.deepEqual(salaries.stats, { count: 3, sum: 60, mean: 20, sd: 10, min: 10, q1: 10, median: 20, q3: 30, max: 30 });
  });

  test('numeric classes with a Sans réponse row, summary kept', () => {
    const model = report({
      config: {
        questions: {
          salaries: {
            classes: [
              { label: 'Moins de 15', min: null, max: 14 },
              { id: 'grand', label: '15 et +', min: 15, max: null },
            ],
          },
        },
      },
    });
    const salaries = question(model, 'salaries');
    assert.equal(salaries.kind, 'classes');
    assert.deepEqual(
      salaries.rows!.map((r) => [r.value, r.label, r.count, r.percent, r.rowKind]),
      [
        ['Moins de 15', 'Moins de 15', 1, 20, 'class'],
        ['grand', '15 et +', 2, 40, 'class'],
        [null, 'Sans réponse', 2, 40, 'no-answer'],
      ],
    );
    assert.equal(salaries.stats!.mean, 20);
  });

  test('free text: non-empty verbatims in response order, with term tables', () => {
    const avis = question(report(), 'avis');
    assert.equal(avis.kind, 'text');
    assert.deepEqual(avis.verbatims, ['Très bon accueil']);
    assert.equal(avis.answered, 1);
    assert.ok(avis.terms!.some((t) => t.term === 'accueil' && t.count === 1));
  });

  test('matrix: per row, column counts over the displayed base', () => {
    const m = question(report(), 'satisfaction');
    assert.deepEqual(
      m.matrix!.map((row) => [row.label, row.base, row.cells.map((c) => c.count)]),
      [
        ['accueil', 5, [1, 0, 1, 3]],
        ['locaux', 5, [0, 1, 0, 4]],
      ],
    );
    assert.equal(m.answered, 2);
  });

  test('excluded questions and sections', () => {
    const model = report({ config: { exclude: ['avis'], title: 'Mon rapport' } });
    assert.equal(model.title, 'Mon rapport');
    assert.ok(!model.questions.some((q) => q.name === 'avis'));
    assert.deepEqual(model.sections[0]!.questions.includes('avis'), false);
  });
});

describe('breakdowns', () => {
  test('by registry attribute: groups sorted, empty group kept, anonymous in "Non renseigné"', () => {
    const qpv = question(report({ by: 'territoire' }), 'qpv');
    const b = qpv.breakdown!;
    assert.equal(b.source, 'registry');
    assert.deepEqual(
      b.groups.map((g) => [g.value, g.label, g.base]),
      [
        ['Arras', 'Arras', 0],
        ['Lens', 'Lens', 1],
        ['Nord', 'Nord', 3],
        [null, 'Non renseigné', 1],
      ],
    );
    assert.deepEqual(
      b.rows!.map((r) => [r.label, r.counts, r.percents]),
      [
        ['Oui', [0, 0, 2, 1], [null, 0, 66.67, 100]],
        ['Non', [0, 1, 0, 0], [null, 100, 0, 0]],
        ['Sans réponse', [0, 0, 1, 0], [null, 0, 33.33, 0]],
      ],
    );
  });

  test('numeric breakdown: one summary per group', () => {
    const salaries = question(report({ by: 'territoire' }), 'salaries');
    assert.deepEqual(
      salaries.breakdown!.stats!.map((s) => [s.count, s.mean]),
      [
        [0, null],
        [0, null],
        [2, 15],
        [1, 30],
      ],
    );
  });

  test('by question: choice groups, "Non renseigné" for the unanswered', () => {
    // Without a registry "qpv" is the question (with one, the registry attribute wins).
    const model = buildReport(smallSurvey(), RESPONSES, { by: 'qpv' });
    assert.deepEqual(model.method.by, { key: 'qpv', label: 'QPV ?' });
    const champs = question(model, 'champs').breakdown!;
    assert.equal(champs.source, 'question');
    assert.deepEqual(
      champs.groups.map((g) => [g.label, g.base]),
      [
        ['Oui', 3],
        ['Non', 1],
        ['Non renseigné', 1],
      ],
    );
    assert.deepEqual(
      champs.rows!.map((r) => [r.label, r.counts, r.percents]),
      [
        ['a', [2, 0, 0], [66.67, 0, 0]],
        ['b', [1, 0, 0], [33.33, 0, 0]],
        ['c', [0, 0, 1], [0, 0, 100]],
        ['Autre', [1, 0, 0], [33.33, 0, 0]],
      ],
    );
  });

  test('the "Non renseigné" group is dropped when nobody is in it', () => {
    const model = report({ by: 'territoire', filters: [{ key: 'territoire', value: 'Nord' }] });
    assert.deepEqual(
      question(model, 'qpv').breakdown!.groups.map((g) => g.label),
      ['Arras', 'Lens', 'Nord'],
    );
  });

  test('a free-text question cannot split tables', () => {
    assert.throws(() => report({ by: 'avis' }), ReportOptionsError);
  });
});

describe('filters', () => {
  test('registry attribute: responses of matching structures, population restricted', () => {
    const model = report({ filters: [{ key: 'territoire', value: 'Nord' }] });
    assert.equal(question(model, 'qpv').base, 3);
    assert.deepEqual(model.method.filters, [{ key: 'territoire', value: 'Nord', source: 'registry' }]);
    assert.equal(model.participation.population, 2);
    assert.equal(model.participation.responses, 3);
    assert.ok(model.method.notes.some((n) => n.includes('territoire = Nord')));
  });

  test('a registry attribute wins over a question of the same name', () => {
    // "qpv" is both; the registry's qpv = oui keeps S1 and S3: r1, r3, r5.
    const model = report({ filters: [{ key: 'qpv', value: 'oui' }] });
    assert.equal(model.participation.responses, 3);
    assert.equal(model.method.filters[0]!.source, 'registry');
  });

  test('question: choice value (case-insensitive), multiple = contains, combined filters', () => {
    assert.equal(buildReport(smallSurvey(), RESPONSES, { filters: [{ key: 'qpv', value: 'OUI' }] }).participation.responses, 3);
    assert.equal(report({ filters: [{ key: 'champs', value: 'a' }] }).participation.responses, 2);
    const both = report({
      filters: [
        { key: 'champs', value: 'a' },
        { key: 'adherent', value: 'true' },
      ],
    });
    assert.equal(both.participation.responses, 1);
  });

  test('unknown key: the error lists the available keys', () => {
    assert.throws(
      () => report({ filters: [{ key: 'region', value: 'Nord' }] }),
      (err: Error) =>
        err instanceof ReportOptionsError &&
        /"region" is neither a registry attribute nor a question/.test(err.message) &&
        err.message.includes('territoire') &&
        err.message.includes('champs'),
    );
  });

  test('unknown value: the error lists the values found', () => {
    assert.throws(
      () => report({ filters: [{ key: 'territoire', value: 'Paris' }] }),
      (err: Error) => err instanceof ReportOptionsError && err.message.includes('Arras, Lens, Nord'),
    );
    assert.throws(
      () => report({ filters: [{ key: 'taille', value: 'immense' }] }),
      (err: Error) => err instanceof ReportOptionsError && err.message.includes('petit, moyen, grand, other, none'),
    );
  });
});

describe('participation', () => {
  test('responses / population, anonymous counted overall only, groups by territoire', () => {
    const p = report().participation;
    assert.deepEqual(
      { population: p.population, responses: p.responses, linked: p.linked, anonymous: p.anonymous, rate: p.rate },
      { population: 4, responses: 5, linked: 4, anonymous: 1, rate: 125 },
    );
    assert.equal(p.groupBy, 'territoire');
    assert.deepEqual(p.byGroup, [
      { group: 'Arras', population: 1, responses: 0, rate: 0 },
      { group: 'Lens', population: 1, responses: 1, rate: 100 },
      { group: 'Nord', population: 2, responses: 3, rate: 150 },
    ]);
  });

  test('rate basis "structures": distinct responding structures', () => {
    const p = report({ config: { participation: { rate: 'structures', groupBy: 'qpv' } } }).participation;
    assert.equal(p.rate, 75);
    assert.deepEqual(p.byGroup, [
      { group: 'non', population: 2, responses: 1, rate: 50 },
      { group: 'oui', population: 2, responses: 2, rate: 100 },
    ]);
  });

  test('without a registry: no population, no rate', () => {
    const p = buildReport(smallSurvey(), RESPONSES).participation;
    assert.deepEqual(p, { population: null, responses: 5, linked: 0, anonymous: 5, rate: null, byGroup: [] });
  });
});

describe('configuration against the survey', () => {
  test('unknown question and classes on a choice question are reported with their path', () => {
    assert.throws(
      () =>
        report({
          configSource: 'report.json',
          config: { exclude: ['nope'], questions: { qpv: { classes: [{ label: 'x', min: 1, max: 2 }] } } },
        }),
      (err: Error) =>
        err instanceof ReportConfigError &&
        err.message.startsWith('report.json') &&
        err.message.includes('exclude[0]') &&
        err.message.includes('questions.qpv.classes'),
    );
  });

  test('English labels', () => {
    const model = report({ lang: 'en' });
    assert.equal(model.lang, 'en');
    assert.equal(question(model, 'qpv').rows!.at(-1)!.label, 'No answer');
  });
});
