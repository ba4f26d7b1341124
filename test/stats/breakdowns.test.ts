import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, ReportOptionsError } from '../../src/stats/index.js';
import { question, report, RESPONSES, smallSurvey } from './support.js';

// Breakdowns, filters and participation over the five hand-made responses and four structures of support.ts.
describe('breakdowns', () => {
  test('by registry attribute: groups sorted, empty group kept, anonymous in "Non renseigné"', () => {
    const qpv = question(report({ by: 'territoire' }), 'qpv');
    const b = qpv.breakdown!;
    assert.equal(b.source, 'registry');
    assert.deepEqual(
      b.groups.map((g) => [g.value, g.label, g.base]),
      [
        ['Arras', 'Arras', 0],
        ['Lens', 'Lens', 1],
        ['Nord', 'Nord', 3],
        [null, 'Non renseigné', 1],
      ],
    );
    assert.deepEqual(
      b.rows!.map((r) => [r.label, r.counts, r.percents]),
      [
        ['Oui', [0, 0, 2, 1], [null, 0, 66.67, 100]],
        ['Non', [0, 1, 0, 0], [null, 100, 0, 0]],
        ['Sans réponse', [0, 0, 1, 0], [null, 0, 33.33, 0]],
      ],
    );
  });

  test('numeric breakdown: one summary per group', () => {
    const salaries = question(report({ by: 'territoire' }), 'salaries');
    assert.deepEqual(
      salaries.breakdown!.stats!.map((s) => [s.count, s.mean]),
      [
        [0, null],
        [0, null],
        [2, 15],
        [1, 30],
      ],
    );
  });

  test('by question: choice groups, "Non renseigné" for the unanswered', () => {
    // Without a registry "qpv" is the question (with one, the registry attribute wins).
    const model = buildReport(smallSurvey(), RESPONSES, { by: 'qpv' });
    assert.deepEqual(model.method.by, { key: 'qpv', label: 'QPV ?' });
    const champs = question(model, 'champs').breakdown!;
    assert.equal(champs.source, 'question');
    assert.deepEqual(
      champs.groups.map((g) => [g.label, g.base]),
      [
        ['Oui', 3],
        ['Non', 1],
        ['Non renseigné', 1],
      ],
    );
    assert.deepEqual(
      champs.rows!.map((r) => [r.label, r.counts, r.percents]),
      [
        ['a', [2, 0, 0], [66.67, 0, 0]],
        ['b', [1, 0, 0], [33.33, 0, 0]],
        ['c', [0, 0, 1], [0, 0, 100]],
        ['Autre', [1, 0, 0], [33.33, 0, 0]],
      ],
    );
  });

  test('the "Non renseigné" group is dropped when nobody is in it', () => {
    const model = report({ by: 'territoire', filters: [{ key: 'territoire', value: 'Nord' }] });
    assert.deepEqual(
      question(model, 'qpv').breakdown!.groups.map((g) => g.label),
      ['Arras', 'Lens', 'Nord'],
    );
  });

  test('a free-text question cannot split tables', () => {
    assert.throws(() => report({ by: 'avis' }), ReportOptionsError);
  });
});

describe('filters', () => {
  test('registry attribute: responses of matching structures, population restricted', () => {
    const model = report({ filters: [{ key: 'territoire', value: 'Nord' }] });
    assert.equal(question(model, 'qpv').base, 3);
    assert.deepEqual(model.method.filters, [{ key: 'territoire', value: 'Nord', source: 'registry' }]);
    assert.equal(model.participation.population, 2);
    assert.equal(model.participation.responses, 3);
    assert.ok(model.method.notes.some((n) => n.includes('territoire = Nord')));
  });

  test('a registry attribute wins over a question of the same name', () => {
    // "qpv" is both; the registry's qpv = oui keeps S1 and S3: r1, r3, r5.
    const model = report({ filters: [{ key: 'qpv', value: 'oui' }] });
    assert.equal(model.participation.responses, 3);
    assert.equal(model.method.filters[0]!.source, 'registry');
  });

  test('question: choice value (case-insensitive), multiple = contains, combined filters', () => {
    assert.equal(
      buildReport(smallSurvey(), RESPONSES, { filters: [{ key: 'qpv', value: 'OUI' }] }).participation
        .responses,
      3,
    );
    assert.equal(report({ filters: [{ key: 'champs', value: 'a' }] }).participation.responses, 2);
    const both = report({
      filters: [
        { key: 'champs', value: 'a' },
        { key: 'adherent', value: 'true' },
      ],
    });
    assert.equal(both.participation.responses, 1);
  });

  test('unknown key: the error lists the available keys', () => {
    assert.throws(
      () => report({ filters: [{ key: 'region', value: 'Nord' }] }),
      (err: Error) =>
        err instanceof ReportOptionsError &&
        /"region" is neither a registry attribute nor a question/.test(err.messageIn('en')) &&
        /« region » n'est ni un attribut du répertoire ni une question/.test(err.message) &&
        err.message.includes('territoire') &&
        err.message.includes('champs'),
    );
  });

  test('unknown value: the error lists the values found', () => {
    assert.throws(
      () => report({ filters: [{ key: 'territoire', value: 'Paris' }] }),
      (err: Error) => err instanceof ReportOptionsError && err.message.includes('Arras, Lens, Nord'),
    );
    assert.throws(
      () => report({ filters: [{ key: 'taille', value: 'immense' }] }),
      (err: Error) =>
        err instanceof ReportOptionsError && err.message.includes('petit, moyen, grand, other, none'),
    );
  });
});

describe('participation', () => {
  test('responses / population, anonymous counted overall only, groups by territoire', () => {
    const p = report().participation;
    assert.deepEqual(
      {
        population: p.population,
        responses: p.responses,
        linked: p.linked,
        anonymous: p.anonymous,
        rate: p.rate,
      },
      { population: 4, responses: 5, linked: 4, anonymous: 1, rate: 125 },
    );
    assert.equal(p.groupBy, 'territoire');
    assert.deepEqual(p.byGroup, [
      { group: 'Arras', population: 1, responses: 0, rate: 0 },
      { group: 'Lens', population: 1, responses: 1, rate: 100 },
      { group: 'Nord', population: 2, responses: 3, rate: 150 },
    ]);
  });

  test('rate basis "structures": distinct responding structures', () => {
    const p = report({ config: { participation: { rate: 'structures', groupBy: 'qpv' } } }).participation;
    assert.equal(p.rate, 75);
    assert.deepEqual(p.byGroup, [
      { group: 'non', population: 2, responses: 1, rate: 50 },
      { group: 'oui', population: 2, responses: 2, rate: 100 },
    ]);
  });

  test('without a registry: no population, no rate', () => {
    const p = buildReport(smallSurvey(), RESPONSES).participation;
    assert.deepEqual(p, { population: null, responses: 5, linked: 0, anonymous: 5, rate: null, byGroup: [] });
  });
});
