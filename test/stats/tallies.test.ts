import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../src/stats/index.js';
import { fixtureDir, skipWithoutFixture } from '../support/shared.js';
import { readFixture } from './support.js';

type Tallies = Record<string, { answered: number; counts: Record<string, number> }>;

// The Nord 2021 and flash 2020 fixtures list the count of every choice of their choice questions.
for (const name of ['observatoire-nord-2021', 'flash-covid-2020']) {
  const skip = skipWithoutFixture(name);
  const dir = fixtureDir(name);
  const tallies: Tallies = existsSync(join(dir, 'expected.json'))
    ? (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { tallies: Tallies }).tallies
    : {};

  describe(`${name}: choice counts equal the fixture's tallies`, { skip }, () => {
    const fixture = readFixture(dir);
    const report = buildReport(fixture.survey, fixture.responses, { registry: fixture.registry });
    for (const [question, tally] of Object.entries(tallies)) {
      test(question, () => {
        const result = report.questions.find((q) => q.name === question);
        assert.ok(result?.rows, `${question} has a frequency table`);
        assert.equal(result.answered, tally.answered, 'answered');
        const counts = Object.fromEntries(
          result.rows.filter((r) => r.value !== null).map((r) => [String(r.value), r.count]),
        );
        assert.deepEqual(counts, tally.counts);
      });
    }
  });
}
