import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, loadResponsesFile, streamJsonlResponses } from '../../src/ingest/index.js';
import type { ResponseRecord } from '../../src/survey/records.js';
import { smallSurvey, tempDir, writeFile } from './helpers.js';

const survey = smallSurvey();
const dir = tempDir();

function line(id: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, structure: 'CS-1', submittedAt: '2021-02-15T16:15:06+01:00', data, ...extra });
}

async function problemsOf(path: string, lenient = false) {
  try {
    await loadResponsesFile(path, survey, { lenient });
  } catch (err) {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    return err;
  }
  assert.fail('the file was accepted');
}

test('reads one response per line, ignoring blank lines and a BOM', async () => {
  const path = writeFile(
    dir,
    'ok.jsonl',
    '\ufeff' +
      [line('R1', { qpv: 'oui' }), '', '   ', line('R2', { salaries: 3 }, { structure: null }), ''].join(
        '\n',
      ),
  );
  const { responses, warnings } = await loadResponsesFile(path, survey);
  assert.deepEqual(warnings, []);
  assert.deepEqual(responses, [
    { id: 'R1', structure: 'CS-1', submittedAt: '2021-02-15T16:15:06+01:00', data: { qpv: 'oui' } },
    { id: 'R2', structure: null, submittedAt: '2021-02-15T16:15:06+01:00', data: { salaries: 3 } },
  ]);
});

test('every problem is listed with file, line, response id, question and value', async () => {
  const path = writeFile(
    dir,
    'bad.jsonl',
    [
      line('R1', { qpv: 'oui' }),
      line('R2', { qpv: 'peut-être', salaries: 'douze' }),
      '',
      line('R3', { inconnue: 1 }),
      line('R1', { qpv: 'non' }),
      '{"id": "R5", "data": {',
    ].join('\n'),
  );
  const err = await problemsOf(path);
  assert.deepEqual(
    err.problems.map((p) => [p.line, p.responseId, p.question, p.value]),
    [
      [2, 'R2', 'qpv', 'peut-être'],
      [2, 'R2', 'salaries', 'douze'],
      [4, 'R3', 'inconnue', 1],
      [5, 'R1', undefined, undefined],
      [6, undefined, undefined, undefined],
    ],
  );
  assert.equal(err.problems[0]!.file, 'bad.jsonl');
  assert.match(err.message, /^5 problems in bad\.jsonl:/);
  assert.match(
    err.message,
    /bad\.jsonl, line 2: response "R2": question "qpv": "peut-être" is not one of the choices \(oui, non\)/,
  );
  assert.match(err.message, /line 2: response "R2": question "salaries": "douze" is text, not a number/);
  assert.match(err.message, /line 5: response "R1": duplicate response id "R1" \(first on line 1\)/);
  assert.match(err.message, /line 6, column 23: invalid JSON: the text ends too early/);
});

test('record fields are checked: id, structure, submittedAt, data', async () => {
  const path = writeFile(
    dir,
    'fields.jsonl',
    [
      JSON.stringify({ structure: 'CS-1', data: {} }),
      JSON.stringify({ id: 'R2', structure: 12, data: {} }),
      JSON.stringify({ id: 'R3', submittedAt: 'hier', data: {} }),
      JSON.stringify({ id: 'R4', data: ['oui'] }),
      JSON.stringify(['R5']),
    ].join('\n'),
  );
  const err = await problemsOf(path);
  assert.deepEqual(
    err.problems.map((p) => `${p.line}: ${p.message}`),
    [
      '1: the response "id" must be a non-empty text, got nothing',
      '2: "structure" must be a registry id or null, got 12',
      '3: "submittedAt" must be an ISO 8601 date and time, got "hier"',
      '4: "data" must be an object of answers keyed by question name, got ["oui"]',
      '5: a response must be an object {"id", "structure", "submittedAt", "data"}, got ["R5"]',
    ],
  );
});

test('lenient mode keeps the response, leaves the bad value out and warns', async () => {
  const path = writeFile(
    dir,
    'lenient.jsonl',
    [line('R1', { qpv: 'peut-être', ville: 'Lens' }), line('R2', { qpv: 'non' })].join('\n'),
  );
  const { responses, warnings } = await loadResponsesFile(path, survey, { lenient: true });
  assert.deepEqual(
    responses.map((r) => [r.id, r.data]),
    [
      ['R1', { ville: 'Lens' }],
      ['R2', { qpv: 'non' }],
    ],
  );
  assert.deepEqual(
    warnings.map((w) => [w.line, w.responseId, w.question, w.value]),
    [[1, 'R1', 'qpv', 'peut-être']],
  );
});

test('lenient mode still refuses structural problems (duplicate ids, broken lines)', async () => {
  const path = writeFile(dir, 'dup.jsonl', [line('R1', {}), line('R1', {})].join('\n'));
  const err = await problemsOf(path, true);
  assert.deepEqual(
    err.problems.map((p) => p.line),
    [2],
  );
});

test('the printed list is capped at 50 problems with a count of the rest', async () => {
  const lines = Array.from({ length: 60 }, (_, i) => line(`R${i}`, { qpv: 'x' }));
  const err = await problemsOf(writeFile(dir, 'many.jsonl', lines.join('\n')));
  assert.equal(err.problems.length, 60);
  assert.equal(err.message.split('\n').filter((l) => l.startsWith('  - ')).length, 50);
  assert.match(err.message, /… and 10 more$/);
});

test('a .json file holding an array of responses is read too', async () => {
  const path = writeFile(
    dir,
    'responses.json',
    JSON.stringify([
      { id: 'A', data: { qpv: 'oui' } },
      { id: 'B', data: { qpv: 'x' } },
    ]),
  );
  const err = await problemsOf(path);
  assert.deepEqual(
    err.problems.map((p) => [p.column, p.responseId, p.question]),
    [['responses[1]', 'B', 'qpv']],
  );
  const broken = await problemsOf(writeFile(dir, 'broken.json', '[\n  {"id": "A",\n  "data": }\n]'));
  assert.deepEqual([broken.problems[0]!.line, broken.problems[0]!.column], [3, 11]);
  assert.match(broken.message, /broken\.json, line 3, column 11: invalid JSON: unexpected "}\\n]"/);
});

test('onProgress reports the lines read, ending at the total', async () => {
  const lines = Array.from({ length: 2500 }, (_, i) => line(`R${i}`, { qpv: 'oui' }));
  const path = writeFile(dir, 'progress.jsonl', lines.join('\n'));
  const calls: [number, number][] = [];
  const { responses } = await loadResponsesFile(path, survey, {
    onProgress: (done, total) => calls.push([done, total]),
  });
  assert.equal(responses.length, 2500);
  assert.deepEqual(calls, [
    [1000, 2500],
    [2000, 2500],
    [2500, 2500],
  ]);
});

test('streaming: yields valid responses and throws the full list at the end in strict mode', async () => {
  const good = writeFile(
    dir,
    'stream.jsonl',
    [line('R1', { qpv: 'oui' }), '', line('R2', { qpv: 'non' })].join('\n'),
  );
  const seen: ResponseRecord[] = [];
  for await (const r of streamJsonlResponses(good, survey)) seen.push(r);
  assert.deepEqual(
    seen.map((r) => r.data),
    [{ qpv: 'oui' }, { qpv: 'non' }],
  );

  const bad = writeFile(
    dir,
    'stream-bad.jsonl',
    [line('R1', { qpv: 'x' }), line('R2', { qpv: 'non' }), line('R2', {})].join('\n'),
  );
  const ids: string[] = [];
  await assert.rejects(
    async () => {
      for await (const r of streamJsonlResponses(bad, survey)) ids.push(r.id);
    },
    (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.deepEqual(
        err.problems.map((p) => [p.line, p.question ?? p.message]),
        [
          [1, 'qpv'],
          [3, 'duplicate response id "R2" (first on line 2)'],
        ],
      );
      return true;
    },
  );
  assert.deepEqual(ids, ['R1', 'R2']);

  const warnings: unknown[] = [];
  const lenientIds: string[] = [];
  const lenientFile = writeFile(
    dir,
    'stream-lenient.jsonl',
    [line('R1', { qpv: 'x' }), line('R2', { qpv: 'non' })].join('\n'),
  );
  for await (const r of streamJsonlResponses(lenientFile, survey, {
    lenient: true,
    onWarning: (w) => warnings.push(w.value),
  })) {
    lenientIds.push(r.id);
  }
  assert.deepEqual(lenientIds, ['R1', 'R2']);
  assert.deepEqual(warnings, ['x']);
});

test('streaming: progress in bytes up to the file size, registry ids checked, .ndjson accepted', async () => {
  const lines = Array.from({ length: 2100 }, (_, i) =>
    line(`R${i}`, { qpv: 'oui' }, { structure: i === 5 ? 'CS-X' : 'CS-1' }),
  );
  const path = writeFile(dir, 'big.ndjson', lines.join('\n') + '\n');
  const calls: [number, number][] = [];
  const warnings: unknown[] = [];
  let anonymous = 0;
  const stream = streamJsonlResponses(path, survey, {
    lenient: true,
    structures: new Set(['CS-1']),
    onProgress: (done, total) => calls.push([done, total]),
    onWarning: (w) => warnings.push([w.line, w.value]),
  });
  for await (const r of stream) if (r.structure === null) anonymous++;
  const size = Buffer.byteLength(lines.join('\n') + '\n');
  assert.deepEqual(calls.at(-1), [size, size]);
  assert.ok(calls.length >= 3 && calls.every(([done], i) => i === 0 || done >= calls[i - 1]![0]));
  assert.equal(anonymous, 1);
  assert.deepEqual(warnings, [[6, 'CS-X']]);
  const loaded = await loadResponsesFile(path, survey, { structures: new Set(['CS-1']), lenient: true });
  assert.equal(loaded.responses.length, 2100);
});
