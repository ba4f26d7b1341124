import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_CATALOGUE, errorMessage, type ErrorCode } from '../../src/contract/errors/index.js';

/**
 * No English inside French sentences: every French message of the catalogue, with its parameters
 * as placeholders, is scanned for common English words. Words French shares with English (option
 * names, formats, "id") are not in the list; quoted names (« … », "…") and placeholders are skipped.
 */
const ENGLISH = [
  'the',
  'is',
  'are',
  'not',
  'with',
  'and',
  'or',
  'of',
  'this',
  'file',
  'line',
  'column',
  'must',
  'should',
  'expected',
  'got',
  'found',
  'missing',
  'unknown',
  'invalid',
  'cannot',
  'give',
  'use',
  'run',
  'folder',
  'answer',
  'answers',
  'question',
  'has',
  'have',
  'no',
  'one',
  'only',
  'empty',
  'already',
  'exists',
  'nothing',
  'was',
  'stored',
  'needs',
  'unsupported',
  'damaged',
  'choose',
];
const WORDS = new RegExp(`(^|[^\\p{L}'’-])(${ENGLISH.join('|')})(?=$|[^\\p{L}'’-])`, 'iu');

test('French messages of the catalogue hold no common English word', () => {
  const params = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `<${key}>` : undefined) });
  const offenders: string[] = [];
  for (const code of Object.keys(ERROR_CATALOGUE)) {
    const fr = errorMessage(code as ErrorCode, params as never, 'fr')
      .replace(/<[^>]*>/g, ' ')
      .replace(/«[^»]*»/g, ' ')
      .replace(/"[^"]*"/g, ' ')
      .replace(/--[\w-]+|panorama \w+|\S+\.(csv|json|xlsx|md|jsonl)\b/g, ' ');
    const m = WORDS.exec(fr);
    // "question" is French too; "non" and "no"… only the English-only words count.
    if (m && !['question'].includes(m[2]!.toLowerCase())) offenders.push(`${code}: "${m[2]}" in ${fr}`);
  }
  assert.deepEqual(offenders, []);
});
