import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTexts } from '../../src/text/index.js';
import { fixtureDir, skipWithoutFixture } from '../support/shared.js';

const FIXTURE = 'hdf-2019';

interface TermsTable {
  table: number;
  question: string;
  kind: string;
  answers: number;
  terms: { rank: number; term: string; total: number }[];
}

function load(): { verbatims: (question: string) => string[]; tables: TermsTable[] } {
  const dir = fixtureDir(FIXTURE);
  const rows = readFileSync(join(dir, 'responses.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { data: Record<string, unknown> });
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { tables: TermsTable[] };
  return {
    verbatims: (question) =>
      rows.map((row) => row.data[question]).filter((v): v is string => typeof v === 'string'),
    tables: expected.tables.filter((table) => table.kind === 'terms'),
  };
}

test(
  'table 13 (vieillissement_financeurs): conférence, financeurs, département lead as in the report',
  { skip: skipWithoutFixture(FIXTURE) },
  () => {
    const { verbatims, tables } = load();
    const table = tables.find((t) => t.table === 13)!;
    const texts = verbatims(table.question);
    assert.equal(texts.length, table.answers);
    const { terms, segments } = analyzeTexts(texts);
    // The report's counts for its three first terms; our method reproduces them exactly.
    assert.deepEqual(
      terms.slice(0, 3),
      table.terms.slice(0, 3).map(({ term, total }) => ({ term, count: total })),
    );
    assert.deepEqual(segments[0], { segment: 'conférence des financeurs', count: 21 });
  },
);

// The report's counting method is undocumented (no plural grouping, elisions kept: "l'emploi"),
// so only its leading terms are compared: each must be among our 10 first terms, compared
// without case (the report lowercases acronyms), a plural being found under its singular.
test(
  'every term table: the report top-3 terms are in our top 10',
  { skip: skipWithoutFixture(FIXTURE) },
  () => {
    const { verbatims, tables } = load();
    assert.equal(tables.length, 6);
    for (const table of tables) {
      const ours = analyzeTexts(verbatims(table.question), { topN: 10 }).terms.map((t) =>
        t.term.toLowerCase(),
      );
      for (const { term } of table.terms.slice(0, 3)) {
        assert.ok(
          ours.includes(term) || ours.includes(term.replace(/s$/, '')),
          `table ${table.table}: "${term}" not in our top 10 (${ours.join(', ')})`,
        );
      }
    }
  },
);

test(
  'table 47 (logement_analyse): "logement" groups the report\'s "logement" and "logements"',
  { skip: skipWithoutFixture(FIXTURE) },
  () => {
    const { verbatims, tables } = load();
    const table = tables.find((t) => t.table === 47)!;
    const total = (term: string) => table.terms.find((t) => t.term === term)!.total;
    const { terms } = analyzeTexts(verbatims(table.question));
    assert.deepEqual(terms[0], { term: 'logement', count: total('logement') + total('logements') });
    assert.equal(
      terms.find((t) => t.term === 'logements'),
      undefined,
    );
  },
);
