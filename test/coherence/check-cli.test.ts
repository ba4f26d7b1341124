import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { loadSurveyFile } from '../../src/ingest/index.js';
import type { SurveyModel } from '../../src/survey/model.js';
import { cliArgs } from '../support/cli.js';
import { fixtureDir, ROOT, skipWithoutFixture } from '../support/shared.js';

/**
 * `panorama check` (the real command) over a campaign generated from the example survey with a
 * seeded generator: clean responses, plus responses where this test PLANTS known anomalies. The
 * command must flag exactly the planted (response, rule) pairs and nothing else.
 */

const run = promisify(execFile);
const NAME = 'observatoire-nord-2021';
const RULES = join(ROOT, 'examples', NAME, 'rules.json');
const NNBSP = '\u202f';
const NBSP = '\u00a0';
const euros = (text: string) => `${text.replace(/ /g, NNBSP)}${NBSP}€`;

async function panorama(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, cliArgs(...args), {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** mulberry32: a small seeded generator, so the dataset is the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

const TERRITORIES = ['Flandre', 'Métropole Européenne de Lille', 'Hainaut', 'Cambrésis Sambre Avesnois'];
const CLEAN = 120;

interface Planted {
  /** Numeric answers replacing the generated ones (undefined: the question is left unanswered). */
  set: Record<string, number | undefined>;
  /** Rules this response must break, and only those. */
  rules: string[];
  /** Texts the French message of each rule must hold (values in French formatting). */
  texts: Record<string, string[]>;
}

// Each planted response breaks the listed rules and no other (bounds checked by hand in comments).
const PLANTED: Planted[] = [
  {
    // payroll 600 000 > budget 500 000; 600 000 / 15 ETP = 40 000 €/ETP; 2019 = 2020.
    set: { budget_total: 500000, budget_total_2019: 500000, charges_personnel: 600000, etp: 15 },
    rules: ['charges_personnel_sous_budget'],
    texts: { charges_personnel_sous_budget: [euros('600 000'), euros('500 000')] },
  },
  {
    // budget 30 000 < 50 000; 20 000 / 0,5 = 40 000 €/ETP.
    set: { budget_total: 30000, budget_total_2019: 30000, charges_personnel: 20000, etp: 0.5 },
    rules: ['budget_total_plage'],
    texts: { budget_total_plage: [euros('30 000'), euros('50 000'), euros('10 000 000')] },
  },
  {
    // 900 000 / 5 = 180 000 €/ETP > 120 000.
    set: { budget_total: 1200000, budget_total_2019: 1200000, charges_personnel: 900000, etp: 5 },
    rules: ['masse_salariale_par_etp'],
    texts: { masse_salariale_par_etp: [euros('180 000'), '900 000'.replace(/ /g, NNBSP), euros('120 000')] },
  },
  {
    // 800 000 → 1 500 000 = +87,5 %; 1 000 000 / 25 = 40 000 €/ETP.
    set: { budget_total: 1500000, budget_total_2019: 800000, charges_personnel: 1000000, etp: 25 },
    rules: ['evolution_budget_2019'],
    texts: { evolution_budget_2019: [euros('800 000'), euros('1 500 000'), `+87,5${NBSP}%`] },
  },
  {
    // 3 inhabitants for 5 initiatives.
    set: { nb_initiatives_habitants: 5, nb_habitants_mobilises: 3 },
    rules: ['habitants_mobilises_initiatives'],
    texts: { habitants_mobilises_initiatives: ['(3)', '(5)'] },
  },
  {
    // 4 initiatives, inhabitants not answered.
    set: { nb_initiatives_habitants: 4, nb_habitants_mobilises: undefined },
    rules: ['habitants_mobilises_renseigne'],
    texts: { habitants_mobilises_renseigne: ['vaut 4'] },
  },
  {
    // 9 000 000 in a territory whose budgets lie within 200 000–2 000 000 (upper fence about 4,6 M);
    // +12,5 % on 2019; 6 000 000 / 150 = 40 000 €/ETP.
    set: { budget_total: 9000000, budget_total_2019: 8000000, charges_personnel: 6000000, etp: 150 },
    rules: ['budget_atypique_territoire'],
    texts: { budget_atypique_territoire: [euros('9 000 000'), `du territoire «${NBSP}Flandre${NBSP}»`] },
  },
  {
    // The issue's case: a budget of 5 € with a payroll of 2 000 000 €: below the range, payroll above
    // the budget, −100 % against 1 000 000 € in 2019; 2 000 000 / 40 = 50 000 €/ETP is plausible.
    set: { budget_total: 5, budget_total_2019: 1000000, charges_personnel: 2000000, etp: 40 },
    rules: ['charges_personnel_sous_budget', 'budget_total_plage', 'evolution_budget_2019'],
    texts: {
      charges_personnel_sous_budget: [euros('2 000 000'), `(5${NBSP}€)`],
      budget_total_plage: [`vaut 5${NBSP}€`],
      evolution_budget_2019: [euros('1 000 000'), `-100${NBSP}%`],
    },
  },
];

function structureId(i: number) {
  return `CS-T-${String(i + 1).padStart(3, '0')}`;
}
function structureName(i: number) {
  return `Centre d'essai ${String(i + 1).padStart(3, '0')}`;
}

/** Clean answers for every question of the survey without a display condition. */
function cleanAnswers(survey: SurveyModel, rnd: ReturnType<typeof seeded>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const q of survey.questions) {
    const own = q.visibleIf.length > 0;
    if (q.kind === 'single' && !own) data[q.name] = rnd.pick(q.choices).value;
    else if (q.kind === 'multiple' && !own) {
      const chosen = q.choices.filter(() => rnd.next() < 0.4).map((c) => c.value);
      data[q.name] = chosen.length > 0 ? chosen : [q.choices[0]!.value];
    }
  }
  const budget = rnd.int(200000, 2000000);
  const payroll = Math.round(budget * (0.55 + rnd.next() * 0.25));
  Object.assign(data, {
    heures_hors_les_murs: rnd.int(0, 20),
    benevoles_instances: rnd.int(5, 30),
    nouveaux_membres_instances: rnd.int(0, 5),
    benevoles_activites: rnd.int(0, 50),
    budget_total: budget,
    budget_total_2019: Math.round(budget * (0.85 + rnd.next() * 0.3)),
    charges_personnel: payroll,
    etp: Math.round((payroll / (30000 + rnd.next() * 20000)) * 100) / 100,
  });
  const initiatives = rnd.int(0, 10);
  data.nb_initiatives_habitants = initiatives;
  if (initiatives > 0) data.nb_habitants_mobilises = initiatives * rnd.int(3, 20);
  return data;
}

interface Campaign {
  dir: string;
  survey: SurveyModel;
  /** response id → planted entry */
  planted: Map<string, Planted & { index: number }>;
}

function writeCampaign(
  dir: string,
  survey: SurveyModel,
  records: { id: string; structure: string; data: Record<string, unknown> }[],
) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'survey.json'), JSON.stringify(survey.json));
  const count = records.length;
  const lines = ['id,nom,departement,territoire'];
  for (let i = 0; i < count; i++)
    lines.push(`${structureId(i)},"${structureName(i)}",59,${TERRITORIES[i % TERRITORIES.length]}`);
  writeFileSync(join(dir, 'structures.csv'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(dir, 'responses.jsonl'),
    records.map((r) => JSON.stringify({ ...r, submittedAt: '2021-03-01T10:00:00+01:00' })).join('\n') + '\n',
  );
}

async function generate(seed: number): Promise<Campaign> {
  const survey = await loadSurveyFile(join(fixtureDir(NAME), 'survey.json'));
  const rnd = seeded(seed);
  const records: { id: string; structure: string; data: Record<string, unknown> }[] = [];
  const planted = new Map<string, Planted & { index: number }>();
  const total = CLEAN + PLANTED.length;
  // Planted responses are spread among the clean ones, in Flandre (index ≡ 0 mod 4) for the outlier.
  const plantAt = new Map(PLANTED.map((p, k) => [4 * (2 + 3 * k), p]));
  for (let i = 0; i < total; i++) {
    const id = `G${String(i + 1).padStart(4, '0')}`;
    const data = cleanAnswers(survey, rnd);
    const plant = plantAt.get(i);
    if (plant) {
      for (const [key, value] of Object.entries(plant.set)) {
        if (value === undefined) delete data[key];
        else data[key] = value;
      }
      planted.set(id, { ...plant, index: i });
    }
    records.push({ id, structure: structureId(i), data });
  }
  assert.equal(planted.size, PLANTED.length);
  const dir = mkdtempSync(join(tmpdir(), 'panorama-check-'));
  writeCampaign(dir, survey, records);
  return { dir, survey, planted };
}

const skip = skipWithoutFixture(NAME);

describe('panorama check on a generated campaign with planted anomalies', { skip }, () => {
  let campaign: Campaign;
  before(async () => {
    campaign = await generate(20211);
  });

  test('json: exactly the planted anomalies, messages in French naming structure, questions and values', async () => {
    const result = await panorama('check', campaign.dir, '--rules', RULES, '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as {
      response: string;
      structure: string;
      rule: string;
      questions: string[];
      message: string;
      severity: string;
    }[];
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), [
        'response',
        'structure',
        'rule',
        'questions',
        'message',
        'severity',
      ]);
    }
    const expected = [...campaign.planted]
      .flatMap(([id, p]) => p.rules.map((rule) => `${id} ${rule}`))
      .sort();
    assert.deepEqual(rows.map((r) => `${r.response} ${r.rule}`).sort(), expected);
    const clean = rows.filter((r) => !campaign.planted.has(r.response));
    assert.deepEqual(clean, [], 'no clean response is flagged');

    const rules = JSON.parse(readFileSync(RULES, 'utf8')) as { rules: { id: string; severity: string }[] };
    for (const row of rows) {
      const p = campaign.planted.get(row.response)!;
      assert.equal(row.structure, structureId(p.index));
      assert.equal(row.severity, rules.rules.find((r) => r.id === row.rule)!.severity);
      assert.ok(row.message.startsWith(`«${NBSP}${structureName(p.index)}${NBSP}»${NBSP}: `), row.message);
      for (const q of row.questions) {
        const title = campaign.survey.byName.get(q)!.title;
        assert.ok(row.message.includes(`«${NBSP}${title}${NBSP}»`), `${row.message} names ${title}`);
      }
      for (const text of p.texts[row.rule] ?? [])
        assert.ok(row.message.includes(text), `${row.message} ∌ ${text}`);
    }
    // Most severe first.
    const rank = { blocking: 0, warning: 1, flag: 2 } as Record<string, number>;
    for (let i = 1; i < rows.length; i++) assert.ok(rank[rows[i - 1]!.severity]! <= rank[rows[i]!.severity]!);
    assert.match(
      result.stderr,
      new RegExp(`${expected.length} anomalie\\(s\\) sur ${CLEAN + PLANTED.length} réponse\\(s\\)`),
    );
  });

  test('csv and xlsx hold the same rows', async () => {
    const json = JSON.parse((await panorama('check', campaign.dir, '--rules', RULES)).stdout) as Record<
      string,
      unknown
    >[];
    const csv = await panorama('check', campaign.dir, '--rules', RULES, '--format', 'csv');
    assert.equal(csv.code, 0, csv.stderr);
    const records: Record<string, string>[] = parse(csv.stdout.replace(/^\ufeff/, ''), { columns: true });
    assert.deepEqual(
      records,
      json.map((r) => ({ ...r, questions: (r.questions as string[]).join(', ') })),
    );
    const out = join(campaign.dir, 'anomalies.xlsx');
    const xlsx = await panorama('check', campaign.dir, '--rules', RULES, '--format', 'xlsx', '--out', out);
    assert.equal(xlsx.code, 0, xlsx.stderr);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header, ['response', 'structure', 'rule', 'questions', 'message', 'severity']);
    const read: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = (row.values as string[]).slice(1);
      read.push(Object.fromEntries(header.map((h, i) => [String(h), cells[i] ?? ''])));
    });
    assert.deepEqual(read, records);
  });

  test('--previous: change against the same structure in the previous campaign', async () => {
    const prev = campaign.dir;
    const lines = readFileSync(join(prev, 'responses.jsonl'), 'utf8').trim().split('\n');
    const next = mkdtempSync(join(tmpdir(), 'panorama-check-next-'));
    // The next year: every budget +10 %, but structure #10 triples and #20 falls by 70 %.
    const records = lines.map((line, i) => {
      const r = JSON.parse(line) as { id: string; structure: string; data: Record<string, number> };
      const factor = i === 9 ? 3 : i === 19 ? 0.3 : 1.1;
      return {
        id: `N${i + 1}`,
        structure: r.structure,
        data: { ...r.data, budget_total: Math.round(r.data.budget_total! * factor) },
      };
    });
    writeCampaign(next, campaign.survey, records);
    const rules = join(next, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify({
        rules: [
          {
            id: 'budget_annee_precedente',
            kind: 'change',
            question: 'budget_total',
            percent: 50,
            unit: '€',
            severity: 'warning',
          },
        ],
      }),
    );
    const result = await panorama('check', next, '--rules', rules, '--previous', prev);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as { response: string; structure: string; message: string }[];
    assert.deepEqual(
      rows.map((r) => r.response),
      ['N10', 'N20'],
    );
    assert.equal(rows[0]!.structure, structureId(9));
    assert.match(rows[0]!.message, new RegExp(`\\+200${NBSP}%`));
    assert.match(rows[1]!.message, new RegExp(`-70${NBSP}%`));
    assert.match(rows[1]!.message, /campagne précédente/);
    const without = await panorama('check', next, '--rules', rules);
    assert.deepEqual(JSON.parse(without.stdout), [], 'without --previous there is nothing to compare with');
  });

  test('a rules file with mistakes: a French message naming the rule, field and value, no stack trace', async () => {
    const bad = join(campaign.dir, 'bad-rules.json');
    writeFileSync(
      bad,
      JSON.stringify({
        rules: [
          {
            id: 'x',
            kind: 'ratio',
            numerator: 'charges_personnel',
            denominator: 'etps',
            min: 1,
            severity: 'warning',
          },
        ],
      }),
    );
    const result = await panorama('check', campaign.dir, '--rules', bad);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /Règle n° 1 \(« x »\), champ « denominator » \(valeur : "etps"\) : n'est pas une question du questionnaire/,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    const missing = await panorama('check', campaign.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /l'option --rules est obligatoire/);
  });
});

describe('panorama check on the published fixture', { skip }, () => {
  test('the 154 answers of observatoire-nord-2021 break none of the example rules', async () => {
    const result = await panorama('check', fixtureDir(NAME), '--rules', RULES);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });
});
