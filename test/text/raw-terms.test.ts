import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTexts, rawTermCounts } from '../../src/text/index.js';
import { buildReport } from '../../src/stats/index.js';
import { buildSurveyModel } from '../../src/survey/model.js';

const TEXTS = [
  "L'emploi des jeunes, l’emploi des Logements : le CCAS (ex-PDI) peut aider.",
  "Logement social d'un quartier ; c'est un logement.",
];

test('raw counting: every written form apart, elisions kept, hyphens split ("ex" is a stopword)', () => {
  assert.deepEqual(
    [...rawTermCounts(TEXTS)].sort(),
    [
      ['aider', 1],
      ['ccas', 1],
      ["l'emploi", 2],
      ['jeunes', 1],
      ['logement', 2],
      ['logements', 1],
      ['pdi', 1],
      ['peut', 1],
      ['quartier', 1],
      ['social', 1],
    ].sort(),
  );
  // Grouped mode (the default) merges plurals and splits elisions instead.
  const grouped = analyzeTexts(TEXTS, { topN: 3 }).terms;
  assert.deepEqual(grouped[0], { term: 'logement', count: 3 });
  const raw = analyzeTexts(TEXTS, { topN: 3, terms: 'raw' }).terms;
  assert.deepEqual(raw, [
    { term: "l'emploi", count: 2 },
    { term: 'logement', count: 2 },
    { term: 'aider', count: 1 },
  ]);
});

test('the report configuration chooses the term mode and the report names it', () => {
  const survey = buildSurveyModel({ pages: [{ name: 'p', elements: [{ type: 'comment', name: 'avis' }] }] });
  const responses = TEXTS.map((text, i) => ({ id: `r${i}`, structure: null, data: { avis: text } }));
  const raw = buildReport(survey, responses, { config: { terms: 'raw' } });
  assert.equal(raw.method.terms, 'raw');
  assert.ok(raw.method.notes.some((n) => n.startsWith('Tableaux de termes : comptage brut')));
  assert.deepEqual(raw.questions[0]!.terms![0], { term: "l'emploi", count: 2 });
  const grouped = buildReport(survey, responses);
  assert.equal(grouped.method.terms, 'grouped');
  assert.ok(grouped.method.notes.some((n) => n.startsWith('Tableaux de termes : formes regroupées')));
});
