import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonErrorOffset } from '../../src/survey/json-error.js';

test('jsonErrorOffset points at the first character that breaks the JSON grammar', () => {
  const cases: [string, number][] = [
    ['{"a": 1,}', 8], // trailing comma in an object: the "}" where a key was due
    ['[1, 2,]', 6], // trailing comma in an array: the "]" where a value was due
    ['{"a" 1}', 5], // missing colon
    ['{"a": 1 "b": 2}', 8], // missing comma between members
    ['[1 2]', 3], // missing comma between items
    ['{a: 1}', 1], // unquoted key
    ['[tru]', 1], // broken literal
    ['{"a": [1, {"b": nul}]}', 16], // nested: error inside an object inside an array
    ['"abc', 4], // unterminated string: end of text
    ['{} x', 3], // trailing garbage
  ];
  for (const [text, offset] of cases) {
    assert.throws(() => JSON.parse(text), SyntaxError, text);
    assert.equal(jsonErrorOffset(text), offset, text);
  }
});

test('jsonErrorOffset accepts empty and nested containers up to the end of the text', () => {
  for (const text of ['{}', '[]', ' { "a" : [ {} , [ ] , "x\\u00e9" ] } ']) {
    assert.doesNotThrow(() => JSON.parse(text));
    assert.equal(jsonErrorOffset(text), text.length, text);
  }
});
