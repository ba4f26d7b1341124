import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { renderReport } from '../../src/report/render/index.js';
import type { ReportModel } from '../../src/report/model.js';
import { buildReport } from '../../src/stats/index.js';
import { cliArgs } from '../support/cli.js';
import { fixtureDir, ROOT, skipWithoutFixture } from '../support/shared.js';
import { hdfConfig, readFixture } from '../stats/support.js';

const run = promisify(execFile);
const CONFIG = join(ROOT, 'examples', 'hdf-2019', 'report.json');

async function panorama(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, cliArgs(...args), {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      // Messages follow the locale (French by default); these assertions read the English ones
      // (test/cli/lang.test.ts checks both languages).
      env: { ...process.env, PANORAMA_LANG: 'en' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function assertCleanError(result: { code: number; stderr: string }, pattern: RegExp) {
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.doesNotMatch(result.stderr, /internal error/);
}

function tempInput(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-report-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SURVEY = JSON.stringify({
  locale: 'fr',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'qpv',
          choices: [
            { value: 'oui', text: 'Oui' },
            { value: 'non', text: 'Non' },
          ],
        },
        { type: 'text', name: 'salaries', inputType: 'number' },
      ],
    },
  ],
});
const RESPONSES = [
  { id: 'a', structure: null, data: { qpv: 'oui', salaries: 4 } },
  { id: 'b', structure: null, data: { qpv: 'non' } },
  { id: 'c', structure: null, data: { qpv: 'peut-être', salaries: 8 } },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

const skip = skipWithoutFixture('hdf-2019');
const hdf = fixtureDir('hdf-2019');

describe('panorama report on the HDF 2019 fixture', { skip }, () => {
  test('--format json reproduces the published tables, same bytes as renderReport', async () => {
    const result = await panorama('report', hdf, '--config', CONFIG, '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    const model = JSON.parse(result.stdout) as ReportModel;
    assert.equal(model.participation.rate, 38.24);
    const qpv = model.questions.find((q) => q.name === 'qpv')!;
    assert.deepEqual(
      qpv.rows!.map((r) => [r.value, r.count, r.percent]),
      [
        ['oui', 41, 45.05],
        ['non', 39, 42.86],
        [null, 11, 12.09],
      ],
    );
    const adherents = model.questions.find((q) => q.name === 'nb_adherents')!;
    assert.deepEqual(
      [adherents.stats!.count, adherents.stats!.sum, adherents.stats!.q3],
      [84, 65951, 1033.5],
    );
    assert.equal(model.questions.find((q) => q.name === 'annee_creation')!.rows![0]!.label, 'Inf 1960');

    const fixture = readFixture(hdf);
    const expected = buildReport(fixture.survey, fixture.responses, {
      registry: fixture.registry,
      config: hdfConfig(),
    });
    assert.equal(result.stdout, (await renderReport(expected, 'json')).toString('utf8'));
  });

  test('--where and --by', async () => {
    const result = await panorama('report', hdf, '--where', 'territoire=Nord', '--by', 'qpv', '--lang', 'en');
    assert.equal(result.code, 0, result.stderr);
    const model = JSON.parse(result.stdout) as ReportModel;
    assert.equal(model.lang, 'en');
    assert.equal(model.participation.population, 152);
    assert.equal(model.participation.responses, 58);
    const fonction = model.questions.find((q) => q.name === 'fonction')!;
    assert.equal(fonction.base, 58);
    assert.equal(fonction.breakdown!.key, 'qpv');
    assert.equal(
      fonction.breakdown!.groups.reduce((s, g) => s + g.base, 0),
      58,
    );
  });

  test('--profile limesurvey and --terms raw reach the engine, same model as in process', async () => {
    const result = await panorama(
      'report',
      hdf,
      '--config',
      CONFIG,
      '--profile',
      'limesurvey',
      '--terms',
      'raw',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /LimeSurvey/);
    const fixture = readFixture(hdf);
    const expected = buildReport(fixture.survey, fixture.responses, {
      registry: fixture.registry,
      config: hdfConfig(),
      profile: 'limesurvey',
      terms: 'raw',
    });
    assert.equal(result.stdout, (await renderReport(expected, 'json')).toString('utf8'));
    const grouped = buildReport(fixture.survey, fixture.responses, {
      registry: fixture.registry,
      config: hdfConfig(),
      profile: 'limesurvey',
    });
    assert.notEqual(result.stdout, (await renderReport(grouped, 'json')).toString('utf8'));
    const wrong = await panorama('report', hdf, '--profile', 'spss');
    assertCleanError(wrong, /--profile (« spss »|"spss")/);
  });

  test('--format csv writes the raw answers', async () => {
    const result = await panorama('report', hdf, '--format', 'csv');
    assert.equal(result.code, 0, result.stderr);
    const rows = parse<Record<string, string>>(result.stdout, { columns: true, bom: true, delimiter: ';' });
    assert.equal(rows.length, 91);
    assert.equal(rows.filter((r) => r.qpv === 'oui').length, 41);
  });

  test('the raw-answers CSV read back as responses.csv gives the same tables', async () => {
    const csv = await panorama('report', hdf, '--format', 'csv');
    const dir = tempInput({
      'survey.json': readFileSync(join(hdf, 'survey.json'), 'utf8'),
      'structures.csv': readFileSync(join(hdf, 'structures.csv'), 'utf8'),
      'responses.csv': csv.stdout,
    });
    const [fromCsv, fromJsonl] = await Promise.all([
      panorama('report', dir, '--config', CONFIG),
      panorama('report', hdf, '--config', CONFIG),
    ]);
    assert.equal(fromCsv.code, 0, fromCsv.stderr);
    const a = JSON.parse(fromCsv.stdout) as ReportModel;
    const b = JSON.parse(fromJsonl.stdout) as ReportModel;
    assert.deepEqual(a.participation, b.participation);
    assert.deepEqual(
      a.questions.map((q) => [q.name, q.base, q.rows, q.stats, q.verbatims]),
      b.questions.map((q) => [q.name, q.base, q.rows, q.stats, q.verbatims]),
    );
  });

  test('a bad --where key lists the available keys', async () => {
    assertCleanError(
      await panorama('report', hdf, '--where', 'region=Nord'),
      /"region" is neither a registry attribute nor a question \(registry attributes: departement, territoire;/,
    );
  });
});

describe('panorama report: bad input', () => {
  test('--help', async () => {
    const result = await panorama('report', '--help');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--where KEY=VALUE/);
  });

  test('missing folder', async () => {
    assertCleanError(
      await panorama('report', join(tmpdir(), 'no-such-panorama-dir')),
      /does not exist or is not a folder/,
    );
  });

  test('unsupported format, malformed --where, unknown option', async () => {
    const dir = tempInput({ 'survey.json': SURVEY, 'responses.jsonl': '' });
    assertCleanError(
      await panorama('report', dir, '--format', 'odt'),
      /--format "odt" is not supported; use one of: json/,
    );
    assertCleanError(
      await panorama('report', dir, '--where', 'territoire'),
      /Invalid filter "territoire": write key=value/,
    );
    assertCleanError(await panorama('report', dir, '--colour'), /unknown option "--colour"/);
  });

  test('unwritable --out and unreadable --config', async () => {
    const dir = tempInput({ 'survey.json': SURVEY, 'responses.jsonl': '' });
    assertCleanError(
      await panorama('report', dir, '--out', join(dir, 'no-such-folder', 'report.json')),
      /cannot write .*no-such-folder.*\(ENOENT\)/,
    );
    assertCleanError(
      await panorama('report', dir, '--config', dir),
      /cannot read the configuration .*\(EISDIR\)/,
    );
  });

  test('malformed survey: file, line and column', async () => {
    const dir = tempInput({
      'survey.json': '{\n  "pages": [\n    { "name": "p1", }\n  ]\n}',
      'responses.jsonl': '',
    });
    assertCleanError(await panorama('report', dir), /survey\.json, line 3, column \d+: invalid JSON/);
  });

  test('invalid survey definition: every problem named with its question', async () => {
    const survey = JSON.stringify({
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'radiogroup', name: 'qpv' },
            { type: 'text', name: 'x', visibleIf: '{nope} = 1' },
          ],
        },
      ],
    });
    const result = await panorama('report', tempInput({ 'survey.json': survey, 'responses.jsonl': '' }));
    assertCleanError(result, /2 problems in survey\.json/);
    assert.match(result.stderr, /question "qpv": a choice question needs "choices"/);
    assert.match(result.stderr, /question "x": the condition "\{nope\} = 1" refers to \{nope\}/);
  });

  test('invalid answer: strict fails naming the response, --lenient warns and goes on', async () => {
    const dir = tempInput({ 'survey.json': SURVEY, 'responses.jsonl': RESPONSES });
    assertCleanError(await panorama('report', dir), /responses\.jsonl.*response "c".*peut-être/s);
    const lenient = await panorama('report', dir, '--lenient');
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.match(lenient.stderr, /warning/);
    const model = JSON.parse(lenient.stdout) as ReportModel;
    const qpv = model.questions.find((q) => q.name === 'qpv')!;
    assert.deepEqual(
      qpv.rows!.map((r) => r.count),
      [1, 1, 1],
    );
    assert.equal(model.questions.find((q) => q.name === 'salaries')!.stats!.sum, 12);
  });

  test('a response naming a structure missing from the registry', async () => {
    const dir = tempInput({
      'survey.json': SURVEY,
      'structures.csv': 'id,nom,territoire\nS1,Centre 1,Nord\n',
      'responses.jsonl': [
        { id: 'a', structure: 'S1', data: { qpv: 'oui' } },
        { id: 'b', structure: 'S9', data: { qpv: 'non' } },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    });
    assertCleanError(
      await panorama('report', dir),
      /response "b": the structure "S9" is not in structures\.csv/,
    );
    const lenient = await panorama('report', dir, '--lenient');
    assert.equal(lenient.code, 0, lenient.stderr);
    const p = (JSON.parse(lenient.stdout) as ReportModel).participation;
    assert.deepEqual([p.population, p.responses, p.linked, p.anonymous], [1, 2, 1, 1]);
  });

  test('bad configuration: file and path named', async () => {
    const dir = tempInput({
      'survey.json': SURVEY,
      'responses.jsonl': RESPONSES.split('\n').slice(0, 2).join('\n'),
      'report.json': JSON.stringify({ quartiles: 'R7', questions: { salaires: { order: 'frequency' } } }),
    });
    assertCleanError(
      await panorama('report', dir),
      /report\.json: the report configuration has 1 problem:\n {2}- "quartiles": /,
    );
    writeFileSync(
      join(dir, 'report.json'),
      JSON.stringify({ questions: { salaires: { order: 'frequency' } } }),
    );
    assertCleanError(await panorama('report', dir), /"questions\.salaires": no question "salaires"/);
  });
});
