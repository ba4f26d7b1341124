import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Model } from 'survey-core';
import { listSurveyTemplates, surveyTemplate } from '../../src/app/surveys/templates.js';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { buildSurveyModel } from '../../src/survey/index.js';
import { SURVEY_TEMPLATES } from '../../src/survey/templates/index.js';
import { startTestServer, type TestServer } from '../server/helpers.js';

describe('questionnaire templates', () => {
  test('every template passes the checks of an uploaded questionnaire', () => {
    assert.equal(SURVEY_TEMPLATES.length, 3);
    for (const template of SURVEY_TEMPLATES) {
      const model = buildSurveyModel(template.definition, template.id);
      assert.ok(model.questions.length >= 5, `${template.id}: ${model.questions.length} questions`);
      assert.ok(template.name.fr && template.name.en && template.description.en);
    }
  });

  test('the list counts pages and questions; a template is handed out as a copy', () => {
    const list = listSurveyTemplates();
    assert.deepEqual(
      list.map((t) => t.id),
      ['enquete-flash', 'observatoire-annuel', 'solidarite-numerique'],
    );
    const observatory = list.find((t) => t.id === 'observatoire-annuel')!;
    assert.equal(observatory.pages, 4);
    const copy = surveyTemplate('enquete-flash');
    copy.definition.title = 'changé';
    assert.notEqual(surveyTemplate('enquete-flash').definition.title, 'changé');
  });

  test('an unknown template is a 404 worded in both languages', () => {
    assert.throws(
      () => surveyTemplate('nope'),
      (err: unknown) =>
        err instanceof PanoramaError &&
        err.status === 404 &&
        err.messageIn('fr').includes('« nope »') &&
        err.messageIn('en').includes('"nope"'),
    );
  });

  test('conditions of the templates work in survey-core', () => {
    const model = new Model(surveyTemplate('solidarite-numerique').definition);
    const themes = model.getQuestionByName('themes_ateliers');
    assert.equal(themes.isVisible, false);
    model.setValue('ateliers', true);
    assert.equal(themes.isVisible, true);
  });
});

describe('template routes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('an admin lists the templates, reads one and saves it as a new questionnaire, then a version 2', async () => {
    const { admin } = server.users;
    const list = await server.request(admin, { method: 'GET', url: '/api/survey-templates' });
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().templates.length, 3);
    const one = await server.request(admin, { method: 'GET', url: '/api/survey-templates/enquete-flash' });
    assert.equal(one.statusCode, 200, one.body);
    const definition = one.json().template.definition;
    const created = await server.request(admin, {
      method: 'POST',
      url: '/api/surveys',
      payload: { definition },
    });
    assert.equal(created.statusCode, 201, created.body);
    const survey = created.json().survey;
    assert.equal(survey.version, 1);
    definition.pages[0].elements.push({ type: 'boolean', name: 'nouvelle', title: 'Nouvelle question' });
    const v2 = await server.request(admin, {
      method: 'POST',
      url: `/api/surveys/${survey.id}/versions`,
      payload: { definition },
    });
    assert.equal(v2.statusCode, 201, v2.body);
    assert.equal(v2.json().survey.version, 2);
    assert.equal(v2.json().survey.questionCount, survey.questionCount + 1);
  });

  test('an unknown template: 404 in the language asked', async () => {
    const res = await server.request(server.users.admin, {
      method: 'GET',
      url: '/api/survey-templates/inconnu',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(res.statusCode, 404, res.body);
    assert.match(res.json().message ?? res.json().error?.message ?? res.body, /template "inconnu"/);
  });

  test('a definition with a reserved name is refused, naming it', async () => {
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/surveys',
      payload: { definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'constructor' }] }] } },
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.body, /constructor/);
  });
});
