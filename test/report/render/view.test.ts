import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  baseLine,
  breakdownTable,
  frequencyTable,
  matrixTable,
  numericColumns,
  questionBlocks,
  statsTable,
} from '../../../src/report/render/view.js';
import { sampleModel } from '../fixtures/sample-model.js';

const question = (name: string) => {
  const q = sampleModel('fr').questions.find((x) => x.name === name);
  assert.ok(q, name);
  return q;
};

describe('format-neutral report blocks', () => {
  it('says the base in words, singular and plural, French and English', () => {
    assert.equal(baseLine(91, 'fr'), 'Base\u00a0: 91 réponses');
    assert.equal(baseLine(1, 'fr'), 'Base\u00a0: 1 réponse');
    assert.equal(baseLine(1200, 'en'), 'Base: 1,200 responses');
  });

  it('frequency table: display text and raw number per cell, muted "Sans réponse"', () => {
    const table = frequencyTable(question('qpv'), 'fr');
    assert.deepEqual(table.head, ['Réponse', 'Décompte', 'Pourcentage']);
    assert.deepEqual(
      table.rows.map((r) => r.map((c) => c.text)),
      [
        ['Oui', '41', '45,05\u00a0%'],
        ['Non', '39', '42,86\u00a0%'],
        ['Sans réponse', '11', '12,09\u00a0%'],
      ],
    );
    assert.deepEqual(
      table.rows[0]?.map((c) => c.value ?? null),
      [null, 41, 45.05],
    );
    assert.equal(table.rows[2]?.[0]?.muted, true);
    assert.equal(table.rows[0]?.[0]?.muted, undefined);
    assert.deepEqual(numericColumns(table), [false, true, true]);
  });

  it('multiple choice tables carry the "several answers" note', () => {
    assert.ok(
      frequencyTable(question('actions'), 'fr').notes.some((n) => n.includes('Plusieurs réponses possibles')),
    );
    assert.ok(
      !frequencyTable(question('qpv'), 'fr').notes.some((n) => n.includes('Plusieurs réponses possibles')),
    );
  });

  it('numeric summary in the reference order, with the quartile method note', () => {
    const stats = question('adherents').stats;
    assert.ok(stats);
    const table = statsTable('t', stats, 'excel', 'fr');
    assert.deepEqual(
      table.rows.map((r) => r.map((c) => c.text)),
      [
        ['Décompte', '84'],
        ['Somme', '65\u00a0951'],
        ['Moyenne', '785,13'],
        ['Écart type', '561,27'],
        ['Minimum', '110'],
        ['1er quartile (Q1)', '365'],
        ['2ème quartile (Médiane)', '685,5'],
        ['3ème quartile (Q3)', '1\u00a0033,5'],
        ['Maximum', '2\u00a0914'],
      ],
    );
    assert.match(table.notes[0] ?? '', /QUARTILE\.INC/);
  });

  it('breakdown of a choice: two columns (count, %) under each group', () => {
    const q = question('qpv');
    assert.ok(q.breakdown);
    const table = breakdownTable(q, q.breakdown, 'minitab', 'fr');
    assert.ok(table);
    assert.deepEqual(
      table.headGroups?.map((g) => [g.label, g.span]),
      [
        ['', 1],
        ['Nord (n\u00a0=\u00a058)', 2],
        ['Pas-de-Calais (n\u00a0=\u00a020)', 2],
        ['Picardie (n\u00a0=\u00a013)', 2],
      ],
    );
    assert.deepEqual(
      table.rows[0]?.map((c) => c.text),
      ['Oui', '28', '48,28\u00a0%', '8', '40,00\u00a0%', '5', '38,46\u00a0%'],
    );
    assert.equal(table.caption, 'Répartition par territoire');
  });

  it('breakdown of a number: one summary column per group', () => {
    const q = question('adherents');
    assert.ok(q.breakdown);
    const table = breakdownTable(q, q.breakdown, 'minitab', 'fr');
    assert.ok(table);
    assert.equal(table.head.length, 4);
    assert.deepEqual(
      table.rows[1]?.map((c) => c.text),
      ['Somme', '45\u00a0100', '13\u00a0300', '7\u00a0551'],
    );
  });

  it('matrix: one line per row with its base, count and % per column', () => {
    const table = matrixTable(question('satisfaction'), 'fr');
    assert.ok(table);
    assert.deepEqual(
      table.rows[1]?.map((c) => c.text),
      ['Locaux', '91', '41', '45,05\u00a0%', '50', '54,95\u00a0%'],
    );
  });

  it('blocks per question kind, in reading order', () => {
    const kinds = (name: string) =>
      questionBlocks(question(name), 'minitab', 'fr').map((b) =>
        b.type === 'table' ? `table:${b.caption}` : `list:${b.title}`,
      );
    assert.deepEqual(kinds('creation'), [`table:${question('creation').title}`, 'table:Résumé']);
    assert.deepEqual(kinds('actions'), [`table:${question('actions').title}`, 'list:Réponses « Autre »']);
    assert.deepEqual(kinds('financement_vieillissement'), [
      'table:Termes les plus fréquents',
      'table:Segments répétés',
      'list:Détail',
    ]);
    assert.deepEqual(kinds('adherents'), [
      `table:${question('adherents').title}`,
      'table:Répartition par territoire',
    ]);
  });
});
