import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir, skipWithoutFixture, ROOT } from '../support/shared.js';
import { readCampaignFolder } from '../../src/publish/input.js';
import { loadIndicatorFile } from '../../src/publish/indicators/load.js';
import { evaluateIndicators } from '../../src/publish/indicators/evaluate.js';
import { buildBrochure } from '../../src/publish/brochure/model.js';

interface Check {
  figure: string;
  value: number | string | string[];
  published: number | string | string[];
  tolerance: number | null;
  comparison: 'approx' | 'gt' | 'eq' | 'set_eq';
}

for (const name of ['observatoire-nord-2021', 'flash-covid-2020']) {
  describe(
    `indicators of examples/${name} against the fixture's published figures`,
    { skip: skipWithoutFixture(name) },
    () => {
      it('computes every published figure within its tolerance', async () => {
        const dir = fixtureDir(name);
        const campaign = await readCampaignFolder(dir);
        const file = await loadIndicatorFile(
          join(ROOT, 'examples', name, 'indicators.json'),
          campaign.survey,
          campaign.registry,
        );
        const figures = new Map(
          evaluateIndicators(campaign.survey, campaign.responses, campaign.registry, file).map((f) => [
            f.id,
            f,
          ]),
        );
        const checks = (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { checks: Check[] })
          .checks;
        assert.ok(checks.length > 10);
        for (const check of checks) {
          const figure = figures.get(check.figure);
          assert.ok(figure, `no indicator with id ${check.figure}`);
          const actual = figure.value;
          switch (check.comparison) {
            case 'eq':
              assert.deepEqual(actual, check.published, check.figure);
              break;
            case 'set_eq':
              assert.deepEqual(
                [...(actual as string[])].sort(),
                [...(check.published as string[])].sort(),
                check.figure,
              );
              break;
            case 'gt':
              assert.ok(
                (actual as number) > (check.published as number),
                `${check.figure}: ${String(actual)} > ${String(check.published)}`,
              );
              break;
            case 'approx':
              assert.ok(
                Math.abs((actual as number) - (check.published as number)) <= (check.tolerance ?? 0),
                `${check.figure}: ${String(actual)} ≈ ${String(check.published)} ± ${String(check.tolerance)}`,
              );
              // The exact synthetic value is known too: the computation, not just the rounding, must agree.
              assert.ok(
                Math.abs((actual as number) - (check.value as number)) < 1e-6,
                `${check.figure}: exact ${String(check.value)}`,
              );
              break;
          }
        }
      });

      it('publishes every figure of the fixture in the public whole-network brochure (k = 5)', async () => {
        const campaign = await readCampaignFolder(fixtureDir(name));
        const file = await loadIndicatorFile(
          join(ROOT, 'examples', name, 'indicators.json'),
          campaign.survey,
          campaign.registry,
        );
        const raw = new Map(
          evaluateIndicators(campaign.survey, campaign.responses, campaign.registry, file).map((f) => [
            f.id,
            f.value,
          ]),
        );
        const model = buildBrochure(campaign, file, { territory: null, k: 5 });
        for (const f of model.figures) {
          assert.equal(f.suppressed, undefined, `${f.id} is published`);
          assert.deepEqual(f.value, raw.get(f.id));
        }
      });
    },
  );
}
