import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocument } from '../../src/web/admin/editor/checks.js';
import { parseCondition, writeCondition } from '../../src/web/admin/editor/conditions.js';
import {
  addQuestion,
  changeKind,
  duplicateElement,
  fromDefinition,
  moveElement,
  toDefinition,
  updateElement,
} from '../../src/web/admin/editor/definition.js';
import { buildSurveyModel } from '../../src/survey/index.js';
import { SURVEY_TEMPLATES } from '../../src/survey/templates/index.js';

test('editor round trip keeps every template and unknown properties verbatim', () => {
  for (const template of SURVEY_TEMPLATES) {
    assert.deepEqual(toDefinition(fromDefinition(template.definition)), template.definition);
    assert.deepEqual(checkDocument(fromDefinition(template.definition)), [], template.id);
  }
  const odd = {
    title: { default: 'Titre', en: 'Title' },
    showProgressBar: 'top',
    pages: [{ name: 'p', elements: [{ type: 'html', name: 'intro', html: '<b>x</b>' }] }],
  };
  assert.deepEqual(toDefinition(fromDefinition(odd)), odd);
});

test('operations: add, move across pages, duplicate with a unique name, change kind', () => {
  let doc = fromDefinition(SURVEY_TEMPLATES[0]!.definition);
  const added = addQuestion(doc, 0, 'checkbox', 'Nouvelle');
  doc = added.doc;
  assert.equal(added.element.json.name, 'q8');
  doc = moveElement(doc, doc.pages[1]!.elements[0]!.key, -1);
  assert.equal(doc.pages[0]!.elements.at(-1)!.json.name, 'nb_professionnels');
  const dup = duplicateElement(doc, added.element.key);
  assert.equal(dup.element!.json.name, 'q8_copie');
  const radio = changeKind(added.element.json, 'radiogroup');
  assert.equal(radio.type, 'radiogroup');
  assert.ok(Array.isArray(radio.choices));
  const year = changeKind(radio, 'year');
  assert.deepEqual([year.type, year.inputType, year.choices], ['text', 'number', undefined]);
  assert.doesNotThrow(() => buildSurveyModel(toDefinition(dup.doc), 'edited'));
});

test('conditions are written for survey-core and read back', () => {
  const written = writeCondition({ question: 'activite', operator: '=', value: "l'arrêt" });
  assert.equal(written, "{activite} = 'l\\'arrêt'");
  assert.deepEqual(parseCondition(written), { question: 'activite', operator: '=', value: "l'arrêt" });
  assert.deepEqual(parseCondition('{ateliers} = true'), { question: 'ateliers', operator: '=', value: true });
  assert.deepEqual(parseCondition('{q} notempty'), { question: 'q', operator: 'notempty' });
  assert.equal(parseCondition("{a} = 'x' and {b} = 'y'"), undefined);
});

test('checks name the question: reserved, duplicate, bad characters, choices, conditions', () => {
  let doc = fromDefinition(SURVEY_TEMPLATES[0]!.definition);
  const [first, second] = doc.pages[0]!.elements;
  doc = updateElement(doc, first!.key, { ...first!.json, name: '__proto__' });
  doc = updateElement(doc, second!.key, { ...second!.json, name: 'nb_benevoles', choices: [] });
  const third = doc.pages[0]!.elements[2]!;
  doc = updateElement(doc, third.key, { ...third.json, name: 'mes modalités', visibleIf: '{inconnue} = 1' });
  const codes = checkDocument(doc).map((p) => `${p.code}:${p.vars.question}`);
  assert.deepEqual(codes, [
    'reservedName:__proto__',
    'duplicateName:nb_benevoles',
    'noChoices:nb_benevoles',
    'badName:mes modalités',
    'unknownInCondition:mes modalités',
    'duplicateName:nb_benevoles',
  ]);
});
