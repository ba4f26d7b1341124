import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/shared.js';
import { cliArgs } from '../support/cli.js';
import { openStore } from '../../src/store/index.js';
import { interopFiles, lsTable, skipWithoutInterop } from './support.js';
import { unzip } from '../report/support/unzip.js';

const dir = mkdtempSync(join(tmpdir(), 'panorama-survey-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, cliArgs(...args), {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', PANORAMA_LANG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const lsa = interopFiles('limesurvey', ['.lsa']).find((f) => f.includes('862611'));
const xlsx = interopFiles('xlsform', ['.xlsx']).find((f) => f.includes('UCL_Biomass'));

test(
  'panorama survey import FILE.lsa --out DIR: survey.json, responses.jsonl and report; panorama report runs on it',
  { skip: skipWithoutInterop('limesurvey', ['.lsa']) || (!lsa && 'no 862611 archive') },
  () => {
    const out = join(dir, 'archive');
    const res = run('survey', 'import', lsa!, '--out', out);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Réponses terminées : 3/);
    assert.match(res.stdout, /question « G01Q15 » — encrypted : réponses chiffrées/);
    assert.match(res.stdout, /Converti de façon approchée/);
    for (const name of ['survey.json', 'responses.jsonl', 'conversion-report.txt'])
      assert.ok(existsSync(join(out, name)), name);
    const lines = readFileSync(join(out, 'responses.jsonl'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 3);

    // The statistics engine on the converted folder counts what the archive holds.
    const report = run('report', out);
    assert.equal(report.status, 0, report.stderr);
    const q = (
      JSON.parse(report.stdout) as { questions: { name: string; rows: { value: string; count: number }[] }[] }
    ).questions.find((x) => x.name === 'G01Q12')!;
    const members = unzip(readFileSync(lsa!));
    const lsr = [...members].find(([n]) => n.endsWith('.lsr'))![1].toString('utf8');
    const lss = [...members].find(([n]) => n.endsWith('.lss'))![1].toString('utf8');
    const sid = lsTable(lss, 'surveys')[0]!.sid!;
    const row = lsTable(lss, 'questions').find((r) => r.title === 'G01Q12')!;
    const column = `${sid}X${row.gid}X${row.qid}`;
    const rows = lsTable(lsr, 'responses').filter((r) => r.submitdate);
    for (const r of q.rows.filter((x) => x.value !== null)) {
      const code = r.value === 'other' ? '-oth-' : r.value;
      assert.equal(r.count, rows.filter((x) => x[column] === code).length, `G01Q12 ${r.value}`);
    }
  },
);

test(
  'panorama survey import FILE.xlsx --save creates the questionnaire; --lang en words the report in English',
  { skip: skipWithoutInterop('xlsform', ['.xlsx']) || (!xlsx && 'no UCL workbook') },
  async () => {
    const data = join(dir, 'data');
    const res = run(
      'survey',
      'import',
      xlsx!,
      '--save',
      '--title',
      'Biomasse',
      '--data-dir',
      data,
      '--lang',
      'en',
    );
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Not carried over/);
    assert.match(res.stdout, /repeated group/);
    assert.match(res.stdout, /Survey "Biomasse" created/);
    const store = await openStore({ dataDir: data });
    try {
      const surveys = await store.surveys.list();
      assert.deepEqual(
        surveys.map((s) => s.title),
        ['Biomasse'],
      );
    } finally {
      await store.close();
    }
  },
);

test('panorama survey import: refusals are one clear line in French, no stack', () => {
  const missing = run('survey', 'import', join(dir, 'absent.lss'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /n.existe pas ou n.est pas un fichier/);
  const wrong = join(dir, 'ancien.xls');
  writeFileSync(wrong, 'xx');
  const unknown = run('survey', 'import', wrong);
  assert.equal(unknown.status, 2, unknown.stderr);
  assert.match(
    unknown.stderr,
    /^panorama: Le fichier « ancien\.xls » n'est pas un format de questionnaire connu/,
  );
  assert.doesNotMatch(unknown.stderr, /\n\s+at /);
  const usage = run('survey');
  assert.equal(usage.status, 2);
  assert.match(usage.stdout, /panorama survey import FILE/);
});
