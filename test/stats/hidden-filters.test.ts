import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { question, report, table } from './support.js';

// r3 answered taille = "grand" but qpv = "non" hid the question: its value is stale. A filter or a
// breakdown on taille must treat r3 as taille's own table does — not displayed.
describe('hidden questions in filters and breakdowns', () => {
  test("--where on a hidden question agrees with that question's table", () => {
    const all = report();
    assert.equal(question(all, 'taille').rows!.find((r) => r.value === 'grand')!.count, 0);
    const filtered = report({ filters: [{ key: 'taille', value: 'grand' }] });
    assert.equal(filtered.participation.responses, 0);
    const petit = report({ filters: [{ key: 'taille', value: 'petit' }] });
    assert.equal(petit.participation.responses, 1);
    assert.equal(question(petit, 'taille').rows!.find((r) => r.value === 'petit')!.count, 1);
  });

  test('every choice of a filter keeps exactly the responses its row counts', () => {
    const taille = question(report(), 'taille');
    for (const row of taille.rows!.filter((r) => r.value !== null)) {
      const kept = report({ filters: [{ key: 'taille', value: String(row.value) }] });
      assert.equal(kept.participation.responses, row.count, String(row.value));
    }
  });

  test('a breakdown by a hidden question puts the response in "Non renseigné"', () => {
    const model = report({ by: 'taille' });
    const qpv = question(model, 'qpv');
    const groups = qpv.breakdown!.groups.map((g) => [g.label, g.base]);
    assert.deepEqual(
      groups.find(([label]) => label === 'grand'),
      ['grand', 0],
    );
    // r3 (stale "grand") and r5 (no qpv, taille hidden) are not specified.
    assert.deepEqual(groups.at(-1), ['Non renseigné', 2]);
    assert.deepEqual(table(question(model, 'taille')).at(2), ['grand', 0, 0]);
  });

  test('responses without submittedAt are counted and noted', () => {
    const model = report();
    assert.equal(model.method.undated, 5);
    assert.ok(
      model.method.notes.some((n) => n.startsWith('Attention\u00a0: 5 réponse(s) sans date d’envoi')),
      model.method.notes.join('\n'),
    );
    const dated = report({ undatedDefault: '2026-01-31T00:00:00Z', lang: 'en' });
    assert.ok(dated.method.notes.some((n) => n.includes('date used by default: 2026-01-31')));
  });
});
