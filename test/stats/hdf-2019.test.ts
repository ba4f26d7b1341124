import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../src/stats/index.js';
import type { NumericStats, QuestionResult, ReportModel } from '../../src/report/model.js';
import { fixtureDir, skipWithoutFixture } from '../support/shared.js';
import { readInputFolder } from '../../src/ingest/index.js';
import { hdfConfig, readFixture } from './support.js';

interface ExpectedRow {
  label: string;
  count?: number;
  percent?: number;
  value?: number;
}
interface ExpectedTable {
  table: number;
  question: string;
  kind: 'freq' | 'numeric' | 'terms';
  type?: string;
  base: number;
  rows?: ExpectedRow[];
  classes?: { label: string; min: number | null; max: number | null }[];
  informative?: boolean;
  answers?: number;
  terms?: { rank: number; term: string; total: number }[];
}
interface ExpectedGroup {
  population: number;
  responses: number;
  rate: number;
}
interface Expected {
  tables: ExpectedTable[];
  participation: {
    population: number;
    responses: number;
    linked: number;
    anonymous: number;
    rate: number;
    byTerritory: Record<string, ExpectedGroup>;
    byDepartement: Record<string, ExpectedGroup>;
  };
}

const NUMERIC_LABELS: Record<string, keyof NumericStats> = {
  Décompte: 'count',
  Somme: 'sum',
  Moyenne: 'mean',
  Minimum: 'min',
  '1er quartile (Q1)': 'q1',
  '2ème quartile (Médiane)': 'median',
  '3ème quartile (Q3)': 'q3',
  Maximum: 'max',
};

const skip = skipWithoutFixture('hdf-2019');
const dir = fixtureDir('hdf-2019');
const expected: Expected | undefined = existsSync(join(dir, 'expected.json'))
  ? (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected)
  : undefined;

const folder = skip ? undefined : await readInputFolder(dir);

describe('HDF 2019: every table of expected.json', { skip }, () => {
  // The product path: src/ingest reads and validates the folder.
  const fixture = folder!;
  const config = hdfConfig();
  const report: ReportModel = buildReport(fixture.survey, fixture.responses, {
    registry: fixture.registry,
    config,
  });
  const byName = new Map(report.questions.map((q) => [q.name, q]));
  const question = (name: string): QuestionResult => {
    const q = byName.get(name);
    assert.ok(q, `question ${name} is missing from the report`);
    return q;
  };

  test('the fixture lists 54 tables', () => {
    assert.equal(expected!.tables.length, 54);
  });

  for (const table of expected?.tables ?? []) {
    test(`table ${table.table} (${table.question}, ${table.kind})`, () => {
      const q = question(table.question);
      assert.equal(q.base, table.base, 'base');
      if (table.kind === 'freq') {
        assert.ok(q.rows, 'rows');
        assert.equal(q.kind, table.type === 'numeric-classes' ? 'classes' : 'choice');
        assert.deepEqual(
          q.rows.map((r) => ({ label: r.label, count: r.count, percent: r.percent })),
          table.rows!.map((r) => ({ label: r.label, count: r.count, percent: r.percent })),
        );
        if (table.type === 'single' || table.type === 'numeric-classes') {
          assert.equal(q.rows.at(-1)!.value, null, 'the "Sans réponse" row has value null');
          assert.equal(q.rows.at(-1)!.rowKind, 'no-answer');
        }
        if (table.type === 'multiple') assert.equal(q.multiple, true);
        if (table.classes) {
          const classes = config.questions?.[table.question]?.classes;
          assert.deepEqual(
            classes?.map((c) => ({ label: c.label, min: c.min, max: c.max })),
            table.classes,
            'examples/hdf-2019/report.json reproduces the classes',
          );
          assert.ok(q.stats, 'class tables keep their numeric summary');
        }
      } else if (table.kind === 'numeric') {
        assert.equal(q.kind, 'numeric');
        assert.ok(q.stats);
        for (const row of table.rows!) {
          const field = NUMERIC_LABELS[row.label];
          assert.ok(field, `unknown numeric label ${row.label}`);
          const actual: number | null = q.stats[field];
          assert.ok(typeof actual === 'number', `${row.label} is a number`);
          if (field === 'mean')
            assert.ok(Math.abs(actual - row.value!) < 1e-9, `mean ${actual} vs ${row.value}`);
          else assert.equal(actual, row.value, row.label);
        }
      } else {
        // Term tables are informative: the counting method of the source is undocumented.
        assert.equal(q.kind, 'text');
        assert.equal(q.answered, table.answers, 'non-empty answers');
        assert.equal(q.verbatims?.length, table.answers);
        assert.ok(q.terms && q.terms.length > 0, 'a term table is produced');
        const ours = new Set(q.terms.map((t) => t.term.toLocaleLowerCase('fr')));
        const overlap = table.terms!.slice(0, 10).filter((t) => ours.has(t.term.toLocaleLowerCase('fr')));
        if (overlap.length < 3) {
          process.stderr.write(
            `table ${table.table}: only ${overlap.length} of the reference top-10 terms found (informative)\n`,
          );
        }
      }
    });
  }

  test('reading the files with plain JSON.parse gives the same report as src/ingest', () => {
    const plain = readFixture(dir);
    assert.deepEqual(
      buildReport(plain.survey, plain.responses, { registry: plain.registry, config }),
      report,
    );
  });

  test('participation: overall and by territory', () => {
    const want = expected!.participation;
    const p = report.participation;
    assert.deepEqual(
      {
        population: p.population,
        responses: p.responses,
        linked: p.linked,
        anonymous: p.anonymous,
        rate: p.rate,
      },
      {
        population: want.population,
        responses: want.responses,
        linked: want.linked,
        anonymous: want.anonymous,
        rate: want.rate,
      },
    );
    assert.equal(p.groupBy, 'territoire');
    assert.deepEqual(
      Object.fromEntries(
        p.byGroup.map((g) => [g.group, { population: g.population, responses: g.responses, rate: g.rate }]),
      ),
      Object.fromEntries(
        Object.entries(want.byTerritory).map(([k, g]) => [
          k,
          { population: g.population, responses: g.responses, rate: g.rate },
        ]),
      ),
    );
  });

  test('participation by département', () => {
    const byDepartement = buildReport(fixture.survey, fixture.responses, {
      registry: fixture.registry,
      config: { ...config, participation: { groupBy: 'departement' } },
    }).participation;
    assert.deepEqual(
      Object.fromEntries(
        byDepartement.byGroup.map((g) => [
          g.group,
          { population: g.population, responses: g.responses, rate: g.rate },
        ]),
      ),
      expected!.participation.byDepartement,
    );
  });
});
