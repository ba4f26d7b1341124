import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSurveyModel } from '../../src/survey/model.js';
import { buildReport } from '../../src/stats/index.js';
import { renderReport } from '../../src/report/render/index.js';

test('year questions are flagged by the engine and printed as years, other numbers keep grouping', async () => {
  const survey = buildSurveyModel({
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'text', inputType: 'number', name: 'creation', min: 1900, max: 2026 },
          { type: 'text', inputType: 'number', name: 'adherents', min: 0 },
        ],
      },
    ],
  });
  const values = [
    [1975, 1200],
    [1983, 2400],
    [2019, 3600],
  ];
  const model = buildReport(
    survey,
    values.map(([creation, adherents], i) => ({
      id: `R${i}`,
      structure: null,
      data: { creation, adherents },
    })),
    { lang: 'fr' },
  );
  const [creation, adherents] = model.questions;
  assert.equal(creation!.valueFormat, 'year');
  assert.equal(adherents!.valueFormat, undefined);
  const html = (await renderReport(model, 'html')).toString('utf8');
  // Years: median 1983, mean (1975 + 1983 + 2019) / 3 = 1992.33… → "1992,3"; never "1 983".
  assert.match(html, />1983</);
  assert.match(html, />1992,3</);
  assert.doesNotMatch(html, /1[\u00a0\u202f ]983/);
  // Ordinary numbers keep the French thousands separator: median 2 400.
  assert.match(html, />2\u00a0400</);
});
