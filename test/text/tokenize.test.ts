import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanText, tokenize } from '../../src/text/index.js';
import { hashRange } from '../../src/text/hash.js';

test('splits French elisions written with straight and typographic apostrophes', () => {
  assert.deepEqual(
    tokenize("L'accès d’abord jusqu'à lorsqu’il puisqu'elle qu'on n'est s'il c’est j'ai m'a t'as"),
    [
      "L'",
      'accès',
      "d'",
      'abord',
      "jusqu'",
      'à',
      "lorsqu'",
      'il',
      "puisqu'",
      'elle',
      "qu'",
      'on',
      "n'",
      'est',
      "s'",
      'il',
      "c'",
      'est',
      "j'",
      'ai',
      "m'",
      'a',
      "t'",
      'as',
    ],
  );
});

test('keeps words whose apostrophe is not an elision', () => {
  assert.deepEqual(tokenize("aujourd'hui, aujourd’hui, presqu'île, quelqu'un"), [
    "aujourd'hui",
    "aujourd'hui",
    "presqu'île",
    "quelqu'",
    'un',
  ]);
});

test('keeps hyphenated compounds and splits trailing pronouns', () => {
  assert.deepEqual(
    tokenize('vis-à-vis du Pas-de-Calais, a-t-il dit-elle ; peut-être un rendez-vous à Villeneuve-d’Ascq'),
    [
      'vis-à-vis',
      'du',
      'Pas-de-Calais',
      'a',
      'il',
      'dit',
      'elle',
      'peut-être',
      'un',
      'rendez-vous',
      'à',
      "Villeneuve-d'Ascq",
    ],
  );
  assert.deepEqual(tokenize('- liste -- Lille - Roubaix –Tourcoing'), [
    'liste',
    'Lille',
    'Roubaix',
    'Tourcoing',
  ]);
  assert.deepEqual(tokenize('c’est-à-dire'), ["c'", 'est-à-dire']);
});

test('keeps numbers, drops punctuation, symbols and emojis', () => {
  assert.deepEqual(tokenize('En 2018, 10,5 % et 3.5 € (CG59)…\nMerci 😀👍 beaucoup !'), [
    'En',
    '2018',
    '10,5',
    'et',
    '3.5',
    'CG59',
    'Merci',
    'beaucoup',
  ]);
  assert.deepEqual(tokenize('fin de phrase 2018. Ensuite'), ['fin', 'de', 'phrase', '2018', 'Ensuite']);
});

test('keeps URLs and e-mail addresses as single tokens', () => {
  assert.deepEqual(
    tokenize('Voir https://www.caf.fr/aides?x=1. Écrire à jean.dupont@caf.fr, ou www.ccas-lille.fr !'),
    ['Voir', 'https://www.caf.fr/aides?x=1', 'Écrire', 'à', 'jean.dupont@caf.fr', 'ou', 'www.ccas-lille.fr'],
  );
  assert.deepEqual(tokenize('M.Dupont a dit'), ['M', 'Dupont', 'a', 'dit']);
});

test('composes decomposed accents and handles other scripts', () => {
  assert.deepEqual(tokenize('e\u0301te\u0301 Ελλάδα'), ['été', 'Ελλάδα']);
  assert.deepEqual(tokenize('\ud800abc\udc00def 😀x'), ['abc', 'def', 'x']);
});

test('empty and blank input give no token', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize('  \n\t !!! … '), []);
});

test('reports boundaries at punctuation and line breaks, not at spaces', () => {
  const events: string[] = [];
  scanText('accès aux droits, logement\nemploi  santé', {
    token: (surface) => events.push(surface),
    range: (text, start, end) => events.push(text.slice(start, end)),
    boundary: () => events.push('|'),
  });
  assert.deepEqual(events, ['accès', 'aux', 'droits', '|', 'logement', '|', 'emploi', 'santé']);
});

test('the hash passed with each range token is hashRange of its text', () => {
  const text =
    "L'accès d’abord, aujourd'hui vis-à-vis 10,5 3.5 CG59 jusqu'à e\u0301te\u0301 jean.dupont@caf.fr https://x.fr/a l'État";
  let ranges = 0;
  scanText(text, {
    token: () => {},
    range: (source, start, end, hash) => {
      ranges++;
      assert.equal(hash, hashRange(source, start, end), source.slice(start, end));
    },
    boundary: () => {},
  });
  assert.ok(ranges >= 12);
});
