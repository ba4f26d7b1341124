import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExport, DEFAULT_EXPORT_OPTIONS, exportTableFor } from '../../src/export/index.js';
import { statisticalNames } from '../../src/export/names.js';
import { buildSurveyModel, type SurveyModel } from '../../src/survey/model.js';
import type { Registry, ResponseRecord } from '../../src/survey/records.js';
import { readInputFolder } from '../../src/ingest/index.js';
import { fixtureDir, skipWithoutFixture } from '../support/shared.js';
import {
  registry as smallRegistry,
  responses as smallResponses,
  survey as smallSurvey,
  unzip,
} from './helpers.js';

/**
 * The R and SPSS scripts read back: every variable of the data file has a label, every choice of
 * every choice question (other and none included) a value label. Run for real by Rscript and PSPP
 * when the machine has them.
 */

/** Every kind of choice question, with numeric and text codes. */
const kinds = buildSurveyModel({
  locale: 'fr',
  pages: [
    {
      name: 'p',
      elements: [
        {
          type: 'dropdown',
          name: 'taille',
          title: 'Taille',
          choices: [
            { value: 1, text: 'Petite' },
            { value: 2, text: 'Grande' },
          ],
        },
        {
          type: 'checkbox',
          name: 'actions',
          title: 'Actions',
          showNoneItem: true,
          showOtherItem: true,
          choices: ['a', 'b'],
        },
        { type: 'boolean', name: 'agree', title: 'Agréé ?' },
        { type: 'rating', name: 'note', title: 'Note', rateMin: 1, rateMax: 4 },
        {
          type: 'matrix',
          name: 'sat',
          title: 'Satisfaction',
          rows: ['accueil', 'locaux'],
          columns: [
            { value: 'oui', text: 'Oui, tout à fait' },
            { value: 'non', text: 'Non' },
          ],
        },
        { type: 'text', name: '3 âges', title: 'Texte "cité"' },
      ],
    },
  ],
});

interface Case {
  survey: SurveyModel;
  responses: ResponseRecord[];
  registry: Registry;
}

/** What a choice variable must be labelled with, from the survey alone: variable key → codes. */
function expectedChoices(survey: SurveyModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const q of survey.questions) {
    const codes = q.choices.map((c) => String(c.value));
    if (q.hasOther) codes.push('other');
    if (q.hasNone) codes.push('none');
    if (q.kind === 'single' || q.kind === 'rating') out.set(q.name, codes);
    if (q.kind === 'boolean') out.set(q.name, ['1', '0']);
    if (q.kind === 'multiple') for (const code of codes) out.set(`${q.name}/${code}`, ['0', '1']);
    if (q.kind === 'matrix') for (const row of q.rows) out.set(`${q.name}/${String(row.value)}`, codes);
  }
  return out;
}

/** R literals of a `c(...)` list: strings unescaped, numbers as written. */
function rList(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?)/g)].map((m) =>
    m[1] !== undefined
      ? m[1].replace(/\\(.)/g, (_s, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c)
      : m[2]!,
  );
}

function readR(script: string) {
  const labels = new Map<string, string>();
  const factors = new Map<string, { levels: string[]; labels: string[] }>();
  for (const line of script.split('\n')) {
    const label = /^attr\(data\[\["([^"]+)"\]\], "label"\) <- "(.*)"$/.exec(line);
    if (label) labels.set(label[1]!, label[2]!);
    const factor = /^data\[\["([^"]+)"\]\] <- factor\(.*levels = c\((.*)\), labels = c\((.*)\)\)$/.exec(line);
    if (factor) factors.set(factor[1]!, { levels: rList(factor[2]!), labels: rList(factor[3]!) });
  }
  return { labels, factors };
}

function readSpss(syntax: string) {
  const block = (start: string) => {
    const from = syntax.indexOf(`\n${start}\n`);
    return from < 0 ? [] : syntax.slice(from + start.length + 2, syntax.indexOf('\n.\n', from)).split('\n');
  };
  const variables = block('  /VARIABLES=').map((l) => l.trim().split(' ')[0]!);
  const labels = new Map<string, string>();
  for (const line of block('VARIABLE LABELS')) {
    const m = /^ {2}\/?(\S+) '(.*)'$/.exec(line);
    assert.ok(m, `a variable label line: ${line}`);
    labels.set(m[1]!, m[2]!.replace(/''/g, "'"));
  }
  const values = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of block('VALUE LABELS')) {
    const head = /^ {2}\/?(\S+)$/.exec(line);
    if (head) values.set(head[1]!, (current = new Map()));
    const pair = /^ {4}('(?:[^']|'')*'|-?[\d.]+) '((?:[^']|'')*)'$/.exec(line);
    if (pair) current!.set(pair[1]!.replace(/^'|'$/g, '').replace(/''/g, "'"), pair[2]!.replace(/''/g, "'"));
  }
  return { variables, labels, values };
}

async function checkBundles(c: Case): Promise<{ variables: number; choices: number }> {
  const table = exportTableFor('r', c.survey, c.registry, DEFAULT_EXPORT_OPTIONS);
  const names = statisticalNames(table.variables.map((v) => v.name));
  const expected = expectedChoices(c.survey);
  const safe = new Map(table.variables.map((v, i) => [v.name, names[i]!]));

  const r = unzip((await buildExport('r', c.survey, c.responses, c.registry, DEFAULT_EXPORT_OPTIONS)).body);
  const header = r.get('reponses.csv')!.toString('utf8').slice(1).split('\r\n')[0]!.split(';');
  assert.deepEqual(header, names);
  const rScript = readR(r.get('reponses.R')!.toString('utf8'));
  for (const name of names) assert.ok(rScript.labels.get(name), `R: ${name} has a label`);
  let choices = 0;
  for (const [key, codes] of expected) {
    const factor = rScript.factors.get(safe.get(key)!);
    assert.ok(factor, `R: ${key} is a factor`);
    assert.deepEqual(factor.levels, codes, `R: every choice of ${key} is a level`);
    assert.equal(factor.labels.length, codes.length);
    for (const label of factor.labels) assert.ok(label.trim(), `R: a label for every level of ${key}`);
    choices += codes.length;
  }

  const spss = unzip(
    (await buildExport('spss', c.survey, c.responses, c.registry, DEFAULT_EXPORT_OPTIONS)).body,
  );
  const sps = readSpss(spss.get('reponses.sps')!.toString('utf8'));
  assert.deepEqual(sps.variables, names);
  assert.equal(spss.get('reponses.dat')!.toString('utf8').split('\r\n')[0], names.join('\t'));
  for (const name of names) assert.ok(sps.labels.get(name), `SPSS: ${name} has a VARIABLE LABEL`);
  for (const [key, codes] of expected) {
    const labels = sps.values.get(safe.get(key)!);
    assert.ok(labels, `SPSS: ${key} has VALUE LABELS`);
    assert.deepEqual([...labels.keys()], codes, `SPSS: every choice of ${key} has a value label`);
    for (const label of labels.values()) assert.ok(label.trim());
  }
  return { variables: names.length, choices };
}

describe('R and SPSS scripts read back', () => {
  test('the small case: labels and value labels as computed by hand', async () => {
    const counts = await checkBundles({
      survey: smallSurvey,
      responses: smallResponses,
      registry: smallRegistry,
    });
    assert.deepEqual(counts, { variables: 13, choices: 3 + 2 * 3 });
    const r = readR(
      unzip((await buildExport('r', smallSurvey, smallResponses, smallRegistry, DEFAULT_EXPORT_OPTIONS)).body)
        .get('reponses.R')!
        .toString(),
    );
    assert.deepEqual(r.factors.get('evolution'), {
      levels: ['en_progression', 'stable', 'other'],
      labels: ['En progression', 'Stable', 'Autre'],
    });
    assert.equal(r.labels.get('publics_familles'), "Publics accueillis [Familles d'accueil]");
  });

  test('every kind of choice question, numeric and text codes, awkward names', async () => {
    const response: ResponseRecord = {
      id: 'x',
      structure: null,
      submittedAt: '2025-01-01T10:00:00Z',
      data: {
        taille: 2,
        actions: ['a', 'none'],
        agree: true,
        note: 3,
        sat: { accueil: 'oui' },
        '3 âges': "l'été",
      },
    };
    const counts = await checkBundles({
      survey: kinds,
      responses: [response],
      registry: { structures: [], attributes: [] },
    });
    // taille 2, actions 4 columns × 2, agree 2, note 4, sat 2 rows × 2.
    assert.equal(counts.choices, 2 + 8 + 2 + 4 + 4);
    const sps = unzip(
      (
        await buildExport(
          'spss',
          kinds,
          [response],
          { structures: [], attributes: [] },
          DEFAULT_EXPORT_OPTIONS,
        )
      ).body,
    )
      .get('reponses.sps')!
      .toString();
    assert.match(sps, /\n {4}taille F8\.0\n/);
    assert.match(sps, /\n {4}v_3_ages A\d+\n/);
    assert.match(sps, /\n {2}\/?taille\n {4}1 'Petite'\n {4}2 'Grande'\n/);
  });

  for (const name of ['hdf-2019', 'observatoire-nord-2021', 'flash-covid-2020']) {
    test(
      `fixture ${name}: every variable and every choice labelled`,
      { skip: skipWithoutFixture(name) },
      async () => {
        const folder = await readInputFolder(fixtureDir(name), { lenient: true });
        const counts = await checkBundles({
          survey: folder.survey,
          responses: folder.responses,
          registry: folder.registry ?? { structures: [], attributes: [] },
        });
        assert.ok(counts.variables > 10 && counts.choices > 10, JSON.stringify(counts));
      },
    );
  }
});

/** The scripts run by the real programs, when installed (optional: a loud skip otherwise). */
function tool(command: string): string | false {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (found) return false;
  const reason = `SKIPPED: ${command} is not installed, the script was only parsed back`;
  process.stderr.write(`\n*** ${reason}\n`);
  return reason;
}

describe('run by R and PSPP', () => {
  test('Rscript sources the R script', { skip: tool('Rscript') }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-r-'));
    for (const [file, bytes] of unzip(
      (await buildExport('r', smallSurvey, smallResponses, smallRegistry, DEFAULT_EXPORT_OPTIONS)).body,
    ))
      writeFileSync(join(dir, file), bytes);
    const run = spawnSync(
      'Rscript',
      [
        '-e',
        'source("reponses.R", encoding = "UTF-8"); cat(levels(data$evolution), sep = "|"); cat("\\n"); cat(attr(data$budget, "label")); cat("\\n"); cat(format(data$budget[1] + data$budget[2])); cat("\\n"); cat(format(data$submittedAt[1], "%d/%m/%Y %H:%M"))',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      'En progression|Stable|Autre',
      'Budget (k€)',
      '9.25',
      '15/03/2024 14:30',
    ]);
  });

  test('PSPP runs the SPSS syntax', { skip: tool('pspp') }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-spss-'));
    for (const [file, bytes] of unzip(
      (await buildExport('spss', smallSurvey, smallResponses, smallRegistry, DEFAULT_EXPORT_OPTIONS)).body,
    ))
      writeFileSync(join(dir, file), bytes);
    writeFileSync(join(dir, 'check.sps'), 'INCLUDE FILE="reponses.sps".\nDISPLAY DICTIONARY.\nLIST.\n');
    const run = spawnSync('pspp', ['-O', 'format=txt', 'check.sps'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /error|warning/i);
    assert.match(run.stdout, /publics_jeunes +\| +8\|Publics +\|Nominal/);
    assert.match(run.stdout, /2024-03-15/);
    assert.match(run.stdout, /En progression/);
    assert.match(run.stdout, /12\.50/);
  });
});
