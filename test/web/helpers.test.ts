import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registryKeys, registryValues } from '../../src/web/admin/registryKeys.js';
import { choiceQuestions } from '../../src/web/admin/surveyQuestions.js';
import { buildTree, flattenTree } from '../../src/web/admin/TerritoryTree.js';
import { formatRate, translate } from '../../src/web/i18n.js';
import { matchPath } from '../../src/web/router.js';
import type { Structure, Territory } from '../../src/web/types.js';

test('plural forms follow each language (French: 0 and 1 singular; English: only 1)', () => {
  const cases: [number, string, string][] = [
    [0, '0 réponse sur 4 (0 %)', '0 responses out of 4 (0%)'],
    [1, '1 réponse sur 4 (25 %)', '1 response out of 4 (25%)'],
    [2, '2 réponses sur 4 (50 %)', '2 responses out of 4 (50%)'],
  ];
  for (const [n, fr, en] of cases) {
    const rate = (n / 4) * 100;
    assert.equal(
      translate('fr', 'campaign.participation', { submitted: n, total: 4, rate: formatRate(rate, 'fr') }),
      fr.replace(' %', '\u00a0%'),
    );
    assert.equal(
      translate('en', 'campaign.participation', { submitted: n, total: 4, rate: formatRate(rate, 'en') }),
      en,
    );
  }
  // A missing value stays visible rather than silently disappearing.
  assert.equal(translate('fr', 'respond.for', {}), 'Réponse pour {name}');
  assert.equal(formatRate(null, 'fr'), '—');
  assert.equal(formatRate(55.555, 'fr'), '55,6\u00a0%');
});

test('matchPath extracts and decodes parameters, and refuses other shapes', () => {
  assert.deepEqual(matchPath('/campagnes/:id/resultats', '/campagnes/a%20b/resultats'), { id: 'a b' });
  assert.deepEqual(matchPath('/r/:token', '/r/abc/'), { token: 'abc' });
  assert.equal(matchPath('/campagnes/:id', '/campagnes/1/resultats'), null);
  assert.equal(matchPath('/campagnes/:id', '/structures/1'), null);
  assert.equal(matchPath('/r/:token', '/r/%E0%A4%A'), null);
});

test('choiceQuestions lists filterable questions with their choice values, inside panels too', () => {
  const definition = {
    pages: [
      {
        elements: [
          {
            type: 'radiogroup',
            name: 'q1',
            title: { default: 'Ouvert ?', en: 'Open?' },
            choices: ['oui', { value: 2, text: 'Deux' }],
          },
          { type: 'text', name: 'free' },
          {
            type: 'panel',
            name: 'p',
            elements: [
              { type: 'boolean', name: 'b' },
              { type: 'rating', name: 'r', rateMax: 3 },
            ],
          },
        ],
      },
    ],
  };
  assert.deepEqual(choiceQuestions(definition, 'en'), [
    {
      name: 'q1',
      title: 'Open?',
      choices: [
        { value: 'oui', label: 'oui' },
        { value: '2', label: 'Deux' },
      ],
    },
    {
      name: 'b',
      title: 'b',
      choices: [
        { value: 'true', label: 'Yes' },
        { value: 'false', label: 'No' },
      ],
    },
    { name: 'r', title: 'r', choices: ['1', '2', '3'].map((v) => ({ value: v, label: v })) },
  ]);
});

const territories: Territory[] = [
  { id: 'hdf', name: 'Hauts-de-France', level: 'region', code: null, parentId: null },
  { id: '59', name: 'Nord', level: 'departement', code: '59', parentId: 'hdf' },
  { id: '62', name: 'Pas-de-Calais', level: 'departement', code: '62', parentId: 'hdf' },
  { id: 'lille', name: 'Lille Métropole', level: 'territoire', code: null, parentId: '59' },
];
const structure = (id: string, territoryId: string, extra: Partial<Structure> = {}): Structure => ({
  id,
  name: id,
  type: 'CS',
  address: null,
  communeCode: null,
  territoryId,
  territory: null,
  qpv: null,
  managerType: null,
  email: null,
  attributes: {},
  ...extra,
});

test('registry keys and values match the columns the statistics engine receives', () => {
  const structures = [
    structure('a', 'lille', { qpv: true, attributes: { label: 'oui' } }),
    structure('b', '62', { type: 'EVS', qpv: false, managerType: 'CAF' }),
  ];
  assert.deepEqual(registryKeys(structures, territories), [
    'territoire',
    'departement',
    'region',
    'type',
    'qpv',
    'manager_type',
    'label',
  ]);
  assert.deepEqual(registryValues(structures, territories, 'departement'), ['Nord', 'Pas-de-Calais']);
  assert.deepEqual(registryValues(structures, territories, 'territoire'), ['Lille Métropole']);
  assert.deepEqual(registryValues(structures, territories, 'qpv'), ['non', 'oui']);
  assert.deepEqual(registryValues(structures, territories, 'manager_type'), ['CAF']);
  assert.deepEqual(registryValues(structures, territories, 'label'), ['oui']);
});

test('the territory tree nests by parent, sorts by name and survives a missing parent', () => {
  const scoped = territories.filter((t) => t.id !== 'hdf'); // a correspondent sees no region
  const flat = flattenTree(buildTree(scoped)).map(({ territory, depth }) => `${depth}:${territory.name}`);
  assert.deepEqual(flat, ['0:Nord', '1:Lille Métropole', '0:Pas-de-Calais']);
});
