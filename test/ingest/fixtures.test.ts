import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InputError,
  loadRegistryFile,
  loadResponsesFile,
  loadSurveyFile,
  readInputFolder,
  writeResponsesCsv,
} from '../../src/ingest/index.js';
import { fixtureDir, skipWithoutFixture } from '../support/shared.js';
import { SMALL_SURVEY_JSON, tempDir, writeFile } from './helpers.js';

/** Sizes stated in each fixture's README (responses, registry rows). */
const FIXTURES = [
  { name: 'hdf-2019', responses: 91, structures: 238, anonymous: 4 },
  { name: 'observatoire-nord-2021', responses: 154, structures: 154, anonymous: 0 },
  { name: 'flash-covid-2020', responses: 116, structures: 170, anonymous: 2 },
];

for (const fixture of FIXTURES) {
  test(
    `${fixture.name}: the folder loads in strict mode with no problem`,
    { skip: skipWithoutFixture(fixture.name) },
    async () => {
      const dir = fixtureDir(fixture.name);
      const progress: number[] = [];
      const input = await readInputFolder(dir, { onProgress: (done) => progress.push(done) });
      assert.deepEqual(input.warnings, []);
      assert.equal(input.responses.length, fixture.responses);
      assert.equal(input.registry?.structures.length, fixture.structures);
      assert.equal(input.responses.filter((r) => r.structure === null).length, fixture.anonymous);
      assert.equal(input.files.responses, join(dir, 'responses.jsonl'));
      assert.ok(progress.length > 0);

      // Strict validation must keep every answer as given: nothing dropped, nothing converted.
      const lines = readFileSync(join(dir, 'responses.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as { id: string; data: unknown });
      assert.deepEqual(
        input.responses.map((r) => r.data),
        lines.map((l) => l.data),
      );
    },
  );

  test(
    `${fixture.name}: the raw-answers CSV export round-trips through the CSV loader`,
    { skip: skipWithoutFixture(fixture.name) },
    async () => {
      const dir = fixtureDir(fixture.name);
      const survey = await loadSurveyFile(join(dir, 'survey.json'));
      const { responses } = await loadResponsesFile(join(dir, 'responses.jsonl'), survey);
      const out = tempDir();
      const csvPath = writeFile(out, 'responses.csv', writeResponsesCsv(survey, responses));
      const back = await loadResponsesFile(csvPath, survey);
      assert.deepEqual(back.warnings, []);
      assert.deepEqual(back.responses, responses);
    },
  );
}

test(
  'registry attribute columns of the fixtures are kept in header order',
  { skip: skipWithoutFixture('flash-covid-2020') },
  async () => {
    const registry = await loadRegistryFile(join(fixtureDir('flash-covid-2020'), 'structures.csv'));
    const header = readFileSync(join(fixtureDir('flash-covid-2020'), 'structures.csv'), 'utf8')
      .split('\n')[0]!
      .trim()
      .split(',');
    assert.deepEqual(
      registry.attributes,
      header.filter((h) => h !== 'id' && h !== 'nom'),
    );
  },
);

test('input folder: missing, ambiguous and unknown-structure problems are explained', async () => {
  const dir = tempDir();
  await assert.rejects(readInputFolder(join(dir, 'nope')), /cannot read the folder \(ENOENT\)/);
  await assert.rejects(readInputFolder(dir), /no survey\.json in this folder \(found: nothing\)/);
  writeFile(dir, 'survey.json', JSON.stringify(SMALL_SURVEY_JSON));
  await assert.rejects(
    readInputFolder(dir),
    /no responses\.jsonl \/ responses\.ndjson \/ responses\.json \/ responses\.csv/,
  );
  writeFile(
    dir,
    'responses.jsonl',
    '{"id":"R1","structure":"CS-9","data":{"qpv":"oui"}}\n{"id":"R2","structure":"CS-1","data":{}}\n',
  );
  writeFile(dir, 'responses.csv', 'id,qpv\nR1,oui\n');
  await assert.rejects(
    readInputFolder(dir),
    /several responses files \(responses\.csv, responses\.jsonl\): keep only one/,
  );

  const clean = join(dir, 'clean');
  mkdirSync(clean);
  copyFileSync(join(dir, 'survey.json'), join(clean, 'survey.json'));
  copyFileSync(join(dir, 'responses.jsonl'), join(clean, 'responses.jsonl'));
  writeFile(clean, 'structures.csv', 'id,nom\nCS-1,Un\n');
  await assert.rejects(readInputFolder(clean), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.problems.length, 1);
    assert.match(
      err.message,
      /responses\.jsonl, line 1: response "R1": the structure "CS-9" is not in structures\.csv/,
    );
    return true;
  });
  const lenient = await readInputFolder(clean, { lenient: true });
  assert.deepEqual(
    lenient.responses.map((r) => r.structure),
    [null, 'CS-1'],
  );
  assert.equal(lenient.warnings.length, 1);
});

test('loadSurveyFile: JSON syntax and definition problems become located input errors', async () => {
  const dir = tempDir();
  const syntax = writeFile(dir, 'survey.json', '{\n  "pages": [\n    {"elements": [}\n  ]\n}');
  await assert.rejects(loadSurveyFile(syntax), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.deepEqual([err.problems[0]!.line, err.problems[0]!.column], [3, 19]);
    assert.match(err.message, /survey\.json, line 3, column 19: invalid JSON: unexpected "}/);
    return true;
  });
  const definition = writeFile(
    dir,
    'def.json',
    JSON.stringify({
      elements: [
        { type: 'radiogroup', name: 'q1' },
        { type: 'customwidget', name: 'q2' },
      ],
    }),
  );
  await assert.rejects(loadSurveyFile(definition), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.deepEqual(
      err.problems.map((p) => p.question),
      ['q1', 'q2'],
    );
    assert.match(
      err.message,
      /def\.json, column pages\[0\]\.elements\[1\]: question "q2": the question type "customwidget" is not supported/,
    );
    return true;
  });
  await assert.rejects(loadSurveyFile(join(dir, 'absent.json')), /absent\.json: file not found/);
});
