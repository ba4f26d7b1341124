/** Registry keys as people read them in "Critère" and "Ventiler par" (issue 14: no raw keys). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translate } from '../../src/web/i18n.js';
import { attributeLabel } from '../../src/web/admin/registryKeys.js';

test('known registry keys get their label, in French and English', () => {
  const fr = (key: Parameters<typeof translate>[1]) => translate('fr', key);
  const en = (key: Parameters<typeof translate>[1]) => translate('en', key);
  assert.equal(attributeLabel('manager_type', fr), 'Type de gestionnaire');
  assert.equal(attributeLabel('email', fr), 'Adresse e-mail');
  assert.equal(attributeLabel('departement', fr), 'Département');
  assert.equal(attributeLabel('manager_type', en), 'Manager type');
});

test('an imported column is made readable, never left as snake_case', () => {
  const fr = (key: Parameters<typeof translate>[1]) => translate('fr', key);
  assert.equal(attributeLabel('nb_salaries', fr), 'Nb salaries');
  assert.equal(attributeLabel('agrement-caf', fr), 'Agrement caf');
  assert.equal(attributeLabel('Label', fr), 'Label');
});
