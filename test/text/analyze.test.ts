import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeTexts,
  groupInflections,
  isAcronym,
  normalizeKey,
  repeatedSegments,
  stopwords,
} from '../../src/text/index.js';

test('empty input gives empty tables', () => {
  assert.deepEqual(analyzeTexts([]), { terms: [], segments: [], tokenCount: 0 });
  assert.deepEqual(analyzeTexts(['', '   ', '!!! 😀']), { terms: [], segments: [], tokenCount: 0 });
});

test('tokenCount counts every token, stopwords and elided words included', () => {
  // L' | accès | aux | droits  +  c' | est | tout
  assert.equal(analyzeTexts(["L'accès aux droits", "c'est tout."]).tokenCount, 7);
});

test('stopwords, auxiliaries and survey filler are not terms', () => {
  const result = analyzeTexts([
    'Il est et a ont fait sont les oui non etc. RAS, néant',
    "qu'il n'y ait pas d'autres",
  ]);
  assert.deepEqual(result.terms, []);
  for (const word of ['est', 'sont', 'a', 'ont', 'fait', 'les', "l'", "d'", 'de', 'à', 'oui', 'non', 'etc']) {
    assert.ok(stopwords('fr').has(word), word);
  }
  assert.ok(stopwords('en').has('the'));
});

test('groups case-insensitively and keeps accents in display', () => {
  const { terms } = analyzeTexts(['Département du Nord', 'département', 'Le Département', 'DEPARTEMENT']);
  assert.deepEqual(terms, [
    { term: 'département', count: 3 },
    { term: 'departement', count: 1 },
    { term: 'nord', count: 1 },
  ]);
  assert.equal(normalizeKey('Département’s'), "département's");
});

test('acronyms of 2–5 capital letters keep their caps, longer capitals do not', () => {
  const { terms } = analyzeTexts(['CAF', 'la CAF', 'Caf du Nord', 'CARSAT', 'la CARSAT', 'CCAS DE Lille']);
  assert.deepEqual(terms, [
    { term: 'CAF', count: 3 },
    { term: 'carsat', count: 2 },
    { term: 'CCAS', count: 1 },
    { term: 'lille', count: 1 },
    { term: 'nord', count: 1 },
  ]);
  assert.equal(isAcronym('CG59'), true);
  assert.equal(isAcronym('A'), false);
  assert.equal(isAcronym('2018'), false);
});

test('groups singular and plural forms under the most frequent one', () => {
  const { terms } = analyzeTexts([
    'logement',
    'logements',
    'logements sociaux',
    'travail social',
    'travaux',
    'bureau',
    'bureaux',
    'les financeurs',
    'financeur',
    'financeurs',
    'jeux',
    'jeu',
    'actions',
  ]);
  // logements 2 + logement 1; financeurs 2 + financeur 1; ties go to the singular.
  assert.deepEqual(terms, [
    { term: 'financeurs', count: 3 },
    { term: 'logements', count: 3 },
    { term: 'bureau', count: 2 },
    { term: 'jeu', count: 2 },
    { term: 'social', count: 2 },
    { term: 'travail', count: 2 },
    { term: 'actions', count: 1 },
  ]);
});

test('never merges distinct words on suffix rules', () => {
  const leads = groupInflections(
    new Map([
      ['fils', 1],
      ['fil', 1],
      ['cours', 2],
      ['cour', 1],
      ['mois', 1],
      ['taux', 1],
    ]),
  );
  assert.deepEqual(
    [...leads],
    [
      ['fils', 'fils'],
      ['fil', 'fil'],
      ['cours', 'cours'],
      ['cour', 'cour'],
      ['mois', 'mois'],
      ['taux', 'taux'],
    ],
  );
});

test('feminine grouping is opt-in and conservative', () => {
  const counts = new Map([
    ['partagé', 3],
    ['partagée', 1],
    ['partagées', 1],
    ['locale', 2],
    ['local', 2],
    ['sociales', 1],
    ['social', 1],
  ]);
  assert.equal(groupInflections(counts).get('partagée'), 'partagée');
  const leads = groupInflections(counts, { feminine: true });
  assert.equal(leads.get('partagée'), 'partagé');
  assert.equal(leads.get('partagées'), 'partagé');
  assert.equal(leads.get('sociales'), 'social');
  assert.equal(leads.get('locale'), 'locale');
});

test('English plurals with lang en', () => {
  const { terms } = analyzeTexts(['The policies and the children', 'child policy', 'boxes box'], {
    lang: 'en',
  });
  assert.deepEqual(terms, [
    { term: 'box', count: 2 },
    { term: 'policy', count: 2 },
    { term: 'child', count: 1 },
    { term: 'children', count: 1 },
  ]);
});

test('sorts by count then in French alphabetical order, and keeps the top N', () => {
  const texts = ['zèbre élan école abeille', 'Zèbre'];
  assert.deepEqual(
    analyzeTexts(texts).terms.map((t) => t.term),
    ['zèbre', 'abeille', 'école', 'élan'],
  );
  assert.deepEqual(analyzeTexts(texts, { topN: 2 }).terms, [
    { term: 'zèbre', count: 2 },
    { term: 'abeille', count: 1 },
  ]);
});

test('repeated segments: content words at both ends, stopwords inside, counted across texts', () => {
  const segments = repeatedSegments([
    'Conférence des financeurs',
    'la conférence des financeurs du Nord',
    'accès aux droits',
    'Accès aux droits et conférence',
  ]);
  assert.deepEqual(segments, [
    { segment: 'accès aux droits', count: 2 },
    { segment: 'conférence des financeurs', count: 2 },
  ]);
});

test('a segment always inside a longer one with the same count is dropped', () => {
  const segments = repeatedSegments(['mission locale jeunes', 'Mission locale jeunes', 'mission locale']);
  // "locale jeunes" (2) is always within "mission locale jeunes" (2); "mission locale" (3) is not.
  assert.deepEqual(segments, [
    { segment: 'mission locale', count: 3 },
    { segment: 'mission locale jeunes', count: 2 },
  ]);
});

test('segments stop at punctuation and line breaks, and are at most 4 tokens long', () => {
  assert.deepEqual(repeatedSegments(['projet, jeunes', 'projet\njeunes', 'projet. jeunes']), []);
  const segments = repeatedSegments(['alpha beta gamma delta epsilon', 'alpha beta gamma delta epsilon']);
  assert.deepEqual(segments, [
    { segment: 'alpha beta gamma delta', count: 2 },
    { segment: 'beta gamma delta epsilon', count: 2 },
  ]);
});

test('segment display keeps elisions attached and minSegmentCount applies', () => {
  const texts = ["accès à l'emploi", 'Accès à l’emploi', 'retour à l’emploi'];
  assert.deepEqual(analyzeTexts(texts).segments, [{ segment: "accès à l'emploi", count: 2 }]);
  assert.deepEqual(analyzeTexts(texts, { minSegmentCount: 3 }).segments, []);
  assert.deepEqual(analyzeTexts(texts, { minSegmentCount: 1 }).segments, [
    { segment: "accès à l'emploi", count: 2 },
    { segment: "retour à l'emploi", count: 1 },
  ]);
});

test('counts stay exact over many texts (internal buffers flushed several times)', () => {
  const texts = Array.from({ length: 30000 }, (_, i) =>
    i % 2 === 0 ? 'alpha beta gamma delta' : 'Alpha beta. Gamma delta',
  );
  const { terms, segments, tokenCount } = analyzeTexts(texts, { topN: Infinity });
  assert.equal(tokenCount, 120000);
  assert.deepEqual(terms, [
    { term: 'alpha', count: 30000 },
    { term: 'beta', count: 30000 },
    { term: 'delta', count: 30000 },
    { term: 'gamma', count: 30000 },
  ]);
  // "alpha beta" and "gamma delta" also occur in the odd texts, split by the full stop; no
  // segment spans two texts ("delta alpha").
  assert.deepEqual(segments, [
    { segment: 'alpha beta', count: 30000 },
    { segment: 'gamma delta', count: 30000 },
    { segment: 'alpha beta gamma delta', count: 15000 },
  ]);
});

test('a vocabulary of thousands of forms keeps exact counts', () => {
  // 3000 distinct words ("mot0" … "mot2999"), word i written i % 7 + 1 times, half capitalised.
  const texts: string[] = [];
  for (let i = 0; i < 3000; i++) {
    for (let k = 0; k <= i % 7; k++) texts.push(k % 2 === 0 ? `mot${i}` : `Mot${i}`);
  }
  const { terms, tokenCount } = analyzeTexts(texts, { topN: Infinity });
  assert.equal(tokenCount, texts.length);
  assert.equal(terms.length, 3000);
  for (const { term, count } of terms) assert.equal(count, (Number(term.slice(3)) % 7) + 1, term);
  assert.deepEqual(terms[0], { term: 'mot1000', count: 7 });
});

test('top-N segments are the same whether absorbed segments sit above or below the cut', () => {
  const texts = [
    ...Array<string>(3).fill('alpha beta gamma'),
    ...Array<string>(2).fill('xénon yak'),
    ...Array<string>(2).fill('pomme quartz'),
  ];
  const all = repeatedSegments(texts, { topN: Infinity });
  assert.deepEqual(all, [
    { segment: 'alpha beta gamma', count: 3 },
    { segment: 'pomme quartz', count: 2 },
    { segment: 'xénon yak', count: 2 },
  ]);
  for (const topN of [1, 2, 3])
    assert.deepEqual(repeatedSegments(texts, { topN }), all.slice(0, topN), `topN ${topN}`);
});

test('capitals are shown only when the capitalised form is the most frequent outright', () => {
  assert.deepEqual(analyzeTexts(['ŒUVRE', 'œuvre']).terms, [{ term: 'œuvre', count: 2 }]);
  assert.deepEqual(analyzeTexts(['CAF CAF', 'Caf']).terms, [{ term: 'CAF', count: 3 }]);
});
