import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildStructureSheet, UnknownStructureError } from '../../src/publish/sheet/model.js';
import { renderSheetHtml, renderSheetPdf } from '../../src/publish/sheet/render.js';
import { buildSurveyModel } from '../../src/survey/model.js';
import { tinyRegistry, tinyResponses, tinySurvey } from './support/tiny.js';

const campaign = { survey: tinySurvey, responses: tinyResponses(), registry: tinyRegistry() };

describe('structure sheet', () => {
  it('places a structure beside its territory, the network and similar structures', () => {
    // C7 has budget 700. Sorted network budgets: 100×3, 200×3, 300×3, 400…1000 ×2, 1100, 1200. Terciles at
    // positions 26/3 = 8.67 → 300 and 52/3 = 17.33 → 700 + 0.33 × 100 = 733.3: 700 is "moyenne" (300, 733.3].
    const sheet = buildStructureSheet(campaign, 'C7', {
      questions: ['budget'],
      sizeQuestion: 'budget',
      k: 3,
    });
    assert.equal(sheet.sizeClass, 'moyenne');
    const row = sheet.rows[0]!;
    assert.equal(row.value, 700);
    const [territory, network, similar] = row.groups;
    // C: 100..1000 (n = 10), Minitab quartiles at 2.75, 5.5, 8.25 → 275, 550, 825.
    assert.deepEqual([territory!.n, territory!.q1, territory!.median, territory!.q3], [10, 275, 550, 825]);
    assert.equal(network!.n, 25);
    assert.equal(network!.median, 500);
    // Similar (C, moyenne): 400, 500, 600, 700 → quartiles at 1.25, 2.5, 3.75 → 425, 550, 675.
    assert.deepEqual([similar!.n, similar!.q1, similar!.median, similar!.q3], [4, 425, 550, 675]);
  });

  it('hides the quartiles of a group under k except for administrators', () => {
    const sheet = buildStructureSheet(campaign, 'B1', { questions: ['budget'], k: 5 });
    const territory = sheet.rows[0]!.groups[0]!;
    assert.equal(territory.n, 3);
    assert.equal(territory.median, null);
    assert.match(territory.suppressed!, /moins de 5 structures/);
    const admin = buildStructureSheet(campaign, 'B1', { questions: ['budget'], k: 5, audience: 'admin' });
    assert.equal(admin.rows[0]!.groups[0]!.median, 200);
  });

  it('renders HTML and PDF and refuses an unknown structure', async () => {
    const sheet = buildStructureSheet(campaign, 'A3', { questions: ['budget'] });
    const html = renderSheetHtml(sheet);
    assert.match(html, /Fiche de Centre A3/);
    assert.match(html, /<svg/);
    const pdf = await renderSheetPdf(sheet);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.throws(() => buildStructureSheet(campaign, 'Z9'), UnknownStructureError);
  });

  it('prints calendar years without a thousands separator', () => {
    const survey = buildSurveyModel({
      pages: [
        {
          name: 'p',
          elements: [{ type: 'text', inputType: 'number', name: 'creation', min: 1900, max: 2026 }],
        },
      ],
    });
    const years = [1980, 1983, 1990, 1995, 2000, 2005];
    const structures = years.map((_, i) => ({
      id: `S${i + 1}`,
      name: `Centre S${i + 1}`,
      attributes: { territoire: 'T' },
    }));
    const sheet = buildStructureSheet(
      {
        survey,
        registry: { structures, attributes: ['territoire'] },
        responses: years.map((creation, i) => ({
          id: `R${i + 1}`,
          structure: `S${i + 1}`,
          data: { creation },
        })),
      },
      'S2',
      { questions: ['creation'] },
    );
    assert.equal(sheet.rows[0]!.year, true);
    const html = renderSheetHtml(sheet);
    assert.match(html, />1983</);
    // n = 6: minitab median at position 3.5 → 1990 + 0.5 × 5 = 1992.5.
    assert.match(html, />1992,5</);
    assert.doesNotMatch(html, /1[\s\u00a0\u202f]9[0-9]{2}/);
  });
});
