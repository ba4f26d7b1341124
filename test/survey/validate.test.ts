import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSurveyModel } from '../../src/survey/model.js';
import { validateResponseData } from '../../src/survey/validate.js';
import { errorMessage } from '../../src/contract/errors/index.js';
import { smallSurvey } from '../ingest/helpers.js';

const survey = smallSurvey();

function problemsOf(data: unknown) {
  return validateResponseData(survey, data).problems;
}

test('a complete valid response passes unchanged', () => {
  const data = {
    qpv: 'oui',
    actions: ['sante', 'other'],
    'actions-Comment': 'aide aux devoirs',
    salaries: 12.5,
    ouverture: '2020-02-29',
    agree: false,
    note: 4,
    remarques: 'RAS',
    ville: 'Lille',
    satisfaction: { accueil: 2, locaux: 1 },
    taille: 3,
    'taille-Comment': 'environ',
  };
  const result = validateResponseData(survey, data);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.data, data);
});

test('"other" chosen without its text is valid', () => {
  const result = validateResponseData(survey, { actions: ['other'] });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.data, { actions: ['other'] });
});

test('a single choice outside the choices names the question, value and choices', () => {
  assert.deepEqual(problemsOf({ qpv: 'peut-être' }), [
    {
      question: 'qpv',
      value: 'peut-être',
      code: 'answer_not_a_choice',
      params: { question: 'qpv', got: '"peut-être"', choices: ['oui', 'non'] },
      message: 'question "qpv": "peut-être" is not one of the choices (oui, non)',
    },
  ]);
  // The edge words the code in the user's language.
  const [problem] = problemsOf({ qpv: 'Oui' });
  assert.equal(
    errorMessage(problem!.code, problem!.params as never, 'fr'),
    'question « qpv » : "Oui" n\'est pas un des choix (oui, non) ; les réponses utilisent les valeurs des choix, pas leurs libellés : vouliez-vous dire "oui" ?',
  );
});

test('choice values given as text find their numeric choice and come back typed', () => {
  const result = validateResponseData(survey, { taille: '2', note: '3', satisfaction: { accueil: '1' } });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.data, { taille: 2, note: 3, satisfaction: { accueil: 1 } });
  assert.match(
    problemsOf({ taille: 4 })[0]!.message,
    /question "taille": 4 is not one of the choices \(1, 2, 3\)/,
  );
});

test('unknown keys and misplaced comments are refused', () => {
  assert.deepEqual(
    problemsOf({ qvp: 'oui' }).map((p) => p.message),
    ['"qvp" is not a question of this survey (value "oui")'],
  );
  assert.deepEqual(
    problemsOf({ 'qpv-Comment': 'x' }).map((p) => p.message),
    ['"qpv-Comment" is not allowed: question "qpv" has no "other" item and no comment box'],
  );
  assert.match(problemsOf({ 'actions-Comment': 42 })[0]!.message, /the "other" text must be text, got 42/);
});

test('multiple choice: not a list, unknown element, duplicate, none with others', () => {
  assert.match(
    problemsOf({ actions: 'sante' })[0]!.message,
    /question "actions": expected a list of choices, got "sante"/,
  );
  assert.deepEqual(problemsOf({ actions: ['sante', 'loisirs'] }), [
    {
      question: 'actions',
      value: 'loisirs',
      code: 'answer_not_a_choice',
      params: {
        question: 'actions',
        got: '"loisirs"',
        choices: ['sante', 'emploi', 'culture', 'other', 'none'],
      },
      message:
        'question "actions": "loisirs" is not one of the choices (sante, emploi, culture, other, none)',
    },
  ]);
  assert.match(problemsOf({ actions: ['sante', 'sante'] })[0]!.message, /"sante" is listed twice/);
  assert.match(
    problemsOf({ actions: ['none', 'emploi'] })[0]!.message,
    /question "actions": "none" \(Aucun\) cannot be combined with other choices \(\["none","emploi"\]\)/,
  );
  assert.deepEqual(problemsOf({ actions: ['none'] }), []);
});

test('numbers: text, non-finite and out of range values', () => {
  assert.equal(
    problemsOf({ salaries: 'douze' })[0]!.message,
    'question "salaries": "douze" is text, not a number',
  );
  assert.equal(problemsOf({ salaries: '12' })[0]!.message, 'question "salaries": "12" is text, not a number');
  assert.equal(
    problemsOf({ salaries: Number.NaN })[0]!.message,
    'question "salaries": NaN is not a finite number',
  );
  assert.equal(
    problemsOf({ salaries: 5001 })[0]!.message,
    'question "salaries": 5001 is above the maximum 5000',
  );
  assert.equal(problemsOf({ salaries: -1 })[0]!.message, 'question "salaries": -1 is below the minimum 0');
  assert.deepEqual(problemsOf({ salaries: 0 }), []);
  assert.deepEqual(problemsOf({ salaries: 5000 }), []);
});

test('booleans, dates, ratings, matrices and texts of the wrong shape', () => {
  assert.match(
    problemsOf({ agree: 'oui' })[0]!.message,
    /question "agree": "oui" is not a yes\/no answer \(expected true or false\)/,
  );
  assert.match(problemsOf({ ouverture: '2021-02-30' })[0]!.message, /"2021-02-30" is not a real date/);
  assert.match(
    problemsOf({ ouverture: '30/01/2021' })[0]!.message,
    /"30\/01\/2021" is not a valid ISO date \(expected e\.g\. 2020-04-03\)/,
  );
  assert.match(problemsOf({ ouverture: 20210130 })[0]!.message, /expected a date as text, got 20210130/);
  assert.match(
    problemsOf({ note: 5 })[0]!.message,
    /question "note": 5 is not one of the choices \(1, 2, 3, 4\)/,
  );
  assert.match(problemsOf({ satisfaction: 'bien' })[0]!.message, /expected an object of row → column values/);
  assert.match(
    problemsOf({ satisfaction: { cuisine: 1 } })[0]!.message,
    /row "cuisine" is not a row of this matrix \(accueil, locaux\)/,
  );
  assert.match(
    problemsOf({ satisfaction: { accueil: 3 } })[0]!.message,
    /row "accueil": 3 is not one of the columns \(1, 2\)/,
  );
  assert.match(problemsOf({ ville: 59 })[0]!.message, /question "ville": expected text, got 59/);
  assert.match(
    problemsOf({ remarques: ['a'] })[0]!.message,
    /question "remarques": expected text, got \["a"\]/,
  );
});

test('answers must be an object', () => {
  assert.match(
    problemsOf(['oui'])[0]!.message,
    /the answers must be an object keyed by question name, got \["oui"\]/,
  );
  assert.match(problemsOf(null)[0]!.message, /got null/);
});

test('every problem of a response is listed and the bad values are left out of data', () => {
  const result = validateResponseData(
    survey,
    { qpv: 'peut-être', actions: ['sante', 'loisirs', 'emploi'], salaries: 'x', ville: 'Lens', inconnu: 1 },
    { lenient: true },
  );
  assert.deepEqual(
    result.problems.map((p) => p.question),
    ['qpv', 'actions', 'salaries', 'inconnu'],
  );
  assert.deepEqual(result.data, { actions: ['sante', 'emploi'], ville: 'Lens' });
});

test('null and blank answers count as unanswered, not as problems', () => {
  const result = validateResponseData(survey, { qpv: null, ville: '  ', actions: [] });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.data, {});
});

test('custom boolean values (valueTrue/valueFalse) are the only accepted ones', () => {
  const custom = buildSurveyModel({
    elements: [{ type: 'boolean', name: 'ok', valueTrue: 'yes', valueFalse: 'no' }],
  });
  assert.deepEqual(validateResponseData(custom, { ok: 'yes' }).problems, []);
  assert.match(
    validateResponseData(custom, { ok: true }).problems[0]!.message,
    /question "ok": true is not a yes\/no answer \(expected "yes" or "no"\)/,
  );
});

test('datetime-local, month and time inputs are checked with their own ISO shape', () => {
  const dates = buildSurveyModel({
    elements: [
      { type: 'text', name: 'quand', inputType: 'datetime-local' },
      { type: 'text', name: 'mois', inputType: 'month' },
      { type: 'text', name: 'heure', inputType: 'time' },
    ],
  });
  const ok = validateResponseData(dates, { quand: '2021-03-01T09:30', mois: '2021-12', heure: '23:59' });
  assert.deepEqual(ok.problems, []);
  const bad = validateResponseData(dates, { quand: '2021-03-01T25:00', mois: '2021-13', heure: '9h30' });
  assert.deepEqual(
    bad.problems.map((p) => p.question),
    ['quand', 'mois', 'heure'],
  );
});

test('the input is never modified: valid data comes back as is, changed data as a copy', () => {
  const valid = { qpv: 'oui', actions: ['sante'] };
  assert.equal(validateResponseData(survey, valid).data, valid);
  const input = { qpv: 'oui', taille: '2', actions: ['sante', 'loisirs'], salaries: 'x', ville: 'Lens' };
  const snapshot = structuredClone(input);
  const result = validateResponseData(survey, input);
  assert.deepEqual(input, snapshot);
  assert.deepEqual(result.data, { qpv: 'oui', taille: 2, actions: ['sante'], ville: 'Lens' });
});

test('an unknown question name suggests the closest known one', () => {
  assert.equal(
    problemsOf({ Salaries: 3 })[0]!.message,
    '"Salaries" is not a question of this survey (value 3); did you mean "salaries"?',
  );
  assert.match(problemsOf({ remarque: 'x' })[0]!.message, /did you mean "remarques"\?$/);
  assert.doesNotMatch(problemsOf({ zzzzzz: 'x' })[0]!.message, /did you mean/);
});

test('a choice given by its label (or in the wrong case) points to the value to use', () => {
  assert.equal(
    problemsOf({ qpv: 'Oui' })[0]!.message,
    'question "qpv": "Oui" is not one of the choices (oui, non); answers use choice values, not labels: did you mean "oui"?',
  );
  assert.match(problemsOf({ actions: ['Aucun'] })[0]!.message, /did you mean "none"\?$/);
  assert.match(
    problemsOf({ satisfaction: { accueil: 'Bonne' } })[0]!.message,
    /row "accueil": "Bonne" is not one of the columns \(1, 2\)$/,
  );
});
