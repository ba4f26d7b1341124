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

/** Real parameters for a sample of codes: every value must show in both messages. */
const SAMPLES: { code: ErrorCode; params: Record<string, unknown>; shows: string[] }[] = [
  { code: 'not_found', params: { what: 'campaign', id: 'C-42' }, shows: ['C-42'] },
  { code: 'forbidden', params: { reason: 'reminders_out_of_scope', items: ['S1', 'S2'] }, shows: ['S1, S2'] },
  { code: 'unknown_reference', params: { what: 'survey', id: 'Q-7' }, shows: ['Q-7'] },
  { code: 'route_not_found', params: { method: 'GET', url: '/api/x' }, shows: ['GET /api/x'] },
  { code: 'body_too_large', params: { limitMegabytes: 5 }, shows: ['5'] },
  {
    code: 'campaign_not_open',
    params: { campaign: 'Observatoire 2026', opensAt: '01/03/2026 à 09:00' },
    shows: ['Observatoire 2026'],
  },
  { code: 'report_filter_syntax', params: { item: 'territoire' }, shows: ['territoire'] },
  {
    code: 'report_key_unknown',
    params: {
      usage: 'filter',
      key: 'region',
      value: 'Nord',
      attributes: ['departement'],
      questions: ['qpv'],
    },
    shows: ['region', 'departement', 'qpv'],
  },
  {
    code: 'report_filter_not_choice',
    params: { question: 'qpv', value: 'peut-être', choices: ['oui', 'non'] },
    shows: ['qpv', 'peut-être', 'oui, non'],
  },
  { code: 'report_breakdown_kind', params: { question: 'salaries', kind: 'number' }, shows: ['salaries'] },
  {
    code: 'json_syntax',
    params: { file: 'survey.json', line: 3, column: 19, near: ']' },
    shows: ['survey.json', '3', '19'],
  },
  {
    code: 'input_problems',
    params: {
      problems: [
        { file: 'reponses.csv', line: 4, column: 'C "qpv"', message: 'x', code: 'json_invalid', params: {} },
      ],
    },
    shows: ['reponses.csv', '4', 'C "qpv"'],
  },
  { code: 'cli_unknown_command', params: { command: 'raport' }, shows: ['raport'] },
  {
    code: 'cli_option_choice',
    params: { option: 'format', value: 'odt', allowed: ['json', 'pdf'] },
    shows: ['odt', 'json, pdf'],
  },
  {
    code: 'bad_request',
    params: {
      part: 'body',
      issues: [{ field: 'name', kind: 'too_small', limit: 1, unit: 'characters', inclusive: true }],
    },
    shows: ['name'],
  },
];

/** Words that betray an English sentence left inside a French message. */
const ENGLISH =
  /\b(the|is|not|found|must|invalid|expected|should|unknown|missing|please|error|with|and|or)\b/i;

test('sample messages: parameters interpolated in both languages, no English word in the French text', () => {
  for (const { code, params, shows } of SAMPLES) {
    const fr = errorMessage(code, params as never, 'fr');
    const en = errorMessage(code, params as never, 'en');
    for (const value of shows) {
      assert.ok(fr.includes(value), `${code} (fr) shows ${value}: ${fr}`);
      assert.ok(en.includes(value), `${code} (en) shows ${value}: ${en}`);
    }
    // Parameter values are quoted user data: only the catalogue's own words are checked.
    let words = fr;
    for (const v of Object.values(params).flat()) if (typeof v === 'string') words = words.split(v).join(' ');
    assert.doesNotMatch(words.replace(/« [^»]*»|"[^"]*"/g, ' '), ENGLISH, `${code} (fr): ${fr}`);
    assert.doesNotMatch(fr, /\$\{|undefined|\[object/, `${code} (fr) interpolated: ${fr}`);
    assert.doesNotMatch(en, /\$\{|undefined|\[object/, `${code} (en) interpolated: ${en}`);
  }
});

test('every French message of the catalogue, with placeholder values, holds no English sentence', () => {
  const params = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `<${key}>` : undefined) });
  // Codes whose French message quotes a technical term on purpose (CS/EVS, oui/non...) are words of the data.
  for (const code of Object.keys(ERROR_CATALOGUE) as ErrorCode[]) {
    const fr = errorMessage(code, params as never, 'fr')
      .replace(/<\w+>/g, ' ')
      .replace(/« [^»]*»|"[^"]*"/g, ' ');
    assert.doesNotMatch(fr, /\b(the|must|should|please|not found|is not|cannot)\b/i, `${code}: ${fr}`);
  }
});

test('zod issues become our own words naming the field, never zod’s text', async () => {
  const { z } = await import('zod');
  const { parseFields, wordFieldIssue } = await import('../../src/contract/errors/index.js');
  const schema = z
    .object({ token: z.string().min(16), k: z.number().int(), kind: z.enum(['a', 'b']) })
    .strict();
  const parsed = parseFields(schema, { token: 'abc', kind: 'c', extra: 1 });
  assert.equal(parsed.ok, false);
  if (parsed.ok) return;
  const fr = parsed.issues.map((i) => wordFieldIssue(i, 'fr'));
  const en = parsed.issues.map((i) => wordFieldIssue(i, 'en'));
  assert.deepEqual(fr, [
    '« token » : au moins 16 caractères attendus',
    '« k » : valeur obligatoire manquante',
    '« kind » : valeur non reconnue ; valeurs acceptées : « a », « b »',
    'champ(s) non reconnu(s) : « extra »',
  ]);
  assert.deepEqual(en, [
    '"token": at least 16 characters expected',
    '"k": required value missing',
    '"kind": unknown value; accepted values: "a", "b"',
    'unknown field(s): "extra"',
  ]);
});
