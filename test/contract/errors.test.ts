import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ERROR_CATALOGUE,
  errorMessage,
  PanoramaError,
  type ErrorCode,
} from '../../src/contract/errors/index.js';
import { pickLang } from '../../src/contract/lang.js';

test('every error code has a status and a message in French and in English, different from each other', () => {
  for (const [code, spec] of Object.entries(ERROR_CATALOGUE)) {
    assert.ok(spec.status >= 400 && spec.status < 600, `${code}: status ${spec.status}`);
    // Parameters a message reads are given as placeholders so that every branch prints something.
    const params = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `<${key}>` : undefined) });
    const fr = errorMessage(code as ErrorCode, params as never, 'fr');
    const en = errorMessage(code as ErrorCode, params as never, 'en');
    assert.ok(fr.trim().length > 0 && en.trim().length > 0, code);
    assert.notEqual(fr, en, `${code}: the English message is the French one`);
  }
});

test('a PanoramaError carries its code, parameters and the catalogue status, worded at the edge', () => {
  const err = new PanoramaError('bad_request', { reason: 'x' });
  assert.equal(err.status, 400);
  assert.equal(err.code, 'bad_request');
  assert.equal(err.messageIn('fr'), 'Requête invalide : x');
  assert.equal(err.messageIn('en'), 'Invalid request: x');
  assert.equal(new PanoramaError('forbidden').status, 403);
});

test('pickLang follows Accept-Language preferences and falls back to French', () => {
  assert.equal(pickLang(undefined), 'fr');
  assert.equal(pickLang('en-GB,en;q=0.9,fr;q=0.8'), 'en');
  assert.equal(pickLang('de-DE,fr;q=0.5,en;q=0.7'), 'en');
  assert.equal(pickLang('de-DE'), 'fr');
  assert.equal(pickLang('en;q=0,fr'), 'fr');
});
