import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, ReportConfigError } from '../../src/stats/index.js';
import { question, record, report, RESPONSES, smallSurvey, table } from './support.js';

// Hand-computed cases over the five responses of support.ts (`taille` shown only when qpv = 'oui').
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
    assert.deepEqual(salaries.stats, {
      count: 3,
      sum: 60,
      mean: 20,
      sd: 10,
      min: 10,
      q1: 10,
      median: 20,
      q3: 30,
      max: 30,
    });
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
    assert.deepEqual(
      question(model, 'qpv').rows!.map((r) => r.label),
      ['Yes', 'No', 'No answer'],
    );
    assert.deepEqual(
      question(model, 'taille').rows!.map((r) => r.label),
      ['petit', 'moyen', 'grand', 'Other', 'None', 'No answer'],
    );
    assert.deepEqual(
      question(model, 'adherent').rows!.map((r) => r.label),
      ['Yes', 'No', 'No answer'],
    );
    assert.ok(model.method.notes[0]!.startsWith('Percentages are computed'));
  });
});
