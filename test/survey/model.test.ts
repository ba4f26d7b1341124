import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSurveyModel, loadSurveyDefinition, SurveyDefinitionError } from '../../src/survey/model.js';
import { ConditionEvaluator } from '../../src/survey/conditions.js';
import { JsonSyntaxError } from '../../src/survey/json-position.js';
import { fixtureDir, skipWithoutFixture } from '../support/shared.js';

test('reads every question type with its choices, other item and conditions', () => {
  const survey = buildSurveyModel({
    locale: 'fr',
    pages: [
      {
        name: 'p1',
        title: 'Page 1',
        elements: [
          { type: 'radiogroup', name: 'qpv', choices: [{ value: 'oui', text: 'Oui' }, 'non'] },
          {
            type: 'checkbox',
            name: 'champs',
            choices: ['a', 'b'],
            showOtherItem: true,
            visibleIf: "{qpv} = 'oui'",
          },
          { type: 'text', name: 'annee', inputType: 'number', min: 1900, max: 2019 },
          { type: 'text', name: 'debut', inputType: 'date' },
          { type: 'boolean', name: 'ok' },
          { type: 'rating', name: 'note', rateMax: 4 },
          { type: 'html', name: 'intro' },
          {
            type: 'panel',
            name: 'detail',
            visibleIf: '{annee} > 2000',
            elements: [
              { type: 'comment', name: 'pourquoi' },
              { type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: [1, 2, 3] },
            ],
          },
        ],
      },
    ],
  });
  assert.deepEqual(
    survey.questions.map((q) => [q.name, q.kind]),
    [
      ['qpv', 'single'],
      ['champs', 'multiple'],
      ['annee', 'number'],
      ['debut', 'date'],
      ['ok', 'boolean'],
      ['note', 'rating'],
      ['pourquoi', 'comment'],
      ['m', 'matrix'],
    ],
  );
  const champs = survey.byName.get('champs')!;
  assert.equal(champs.hasOther, true);
  assert.equal(champs.otherText, 'Autre');
  assert.deepEqual(survey.byName.get('qpv')!.choices, [
    { value: 'oui', label: 'Oui', labels: undefined },
    { value: 'non', label: 'non' },
  ]);
  assert.deepEqual(
    survey.byName.get('note')!.choices.map((c) => c.value),
    [1, 2, 3, 4],
  );
  assert.deepEqual(survey.byName.get('m')!.visibleIf, ['{annee} > 2000']);
  assert.equal(survey.byName.get('annee')!.max, 2019);

  const conditions = new ConditionEvaluator();
  assert.equal(conditions.isDisplayed(champs, { qpv: 'oui' }), true);
  assert.equal(conditions.isDisplayed(champs, { qpv: 'non' }), false);
  assert.equal(conditions.isDisplayed(champs, {}), false);
  assert.equal(conditions.isDisplayed(survey.byName.get('pourquoi')!, { annee: 2010 }), true);
  assert.equal(conditions.isDisplayed(survey.byName.get('pourquoi')!, { annee: 1990 }), false);
});

test('a definition error names the question and the problem', () => {
  const bad = {
    pages: [
      {
        elements: [
          { type: 'radiogroup', name: 'a' },
          { type: 'customwidget', name: 'sig' },
          { type: 'text', name: 'b', visibleIf: '{nope} = 1' },
          { type: 'comment', name: 'b' },
        ],
      },
    ],
  };
  assert.throws(
    () => buildSurveyModel(bad, 'bad.json'),
    (err: unknown) => {
      assert.ok(err instanceof SurveyDefinitionError);
      const text = err.message;
      assert.match(text, /question "a" .*needs "choices"/);
      assert.match(text, /question "sig" .*"customwidget" is not supported/);
      assert.match(text, /question "b" .*refers to \{nope\}/);
      assert.match(text, /this name is used by two questions/);
      return true;
    },
  );
  assert.throws(
    () => buildSurveyModel({ pages: [{ elements: [{ type: 'text' }] }] }),
    /pages\[0\]\.elements\[0\]\.name/,
  );
});

test('malformed JSON is reported with line and column', () => {
  assert.throws(
    () => loadSurveyDefinition('{\n  "pages": [\n    { "name": "p1", }\n  ]\n}', 'x.json'),
    (err: unknown) => err instanceof JsonSyntaxError && err.line === 3 && err.file === 'x.json',
  );
});

for (const name of ['hdf-2019', 'observatoire-nord-2021', 'flash-covid-2020']) {
  test(`loads the ${name} fixture definition`, { skip: skipWithoutFixture(name) }, () => {
    const survey = loadSurveyDefinition(readFileSync(join(fixtureDir(name), 'survey.json'), 'utf8'));
    assert.ok(survey.questions.length >= 10);
    assert.equal(survey.locale, 'fr');
  });
}
