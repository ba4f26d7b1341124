import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { InputError, loadResponsesFile, writeResponsesCsv } from '../../src/ingest/index.js';
import { detectSeparator } from '../../src/ingest/csv-table.js';
import type { ResponseRecord } from '../../src/survey/records.js';
import { smallSurvey, tempDir, writeFile } from './helpers.js';

const survey = smallSurvey();
const dir = tempDir();

async function load(name: string, content: string | Uint8Array, lenient = false) {
  return loadResponsesFile(writeFile(dir, name, content), survey, { lenient });
}

async function problemsOf(name: string, content: string | Uint8Array) {
  try {
    await load(name, content);
  } catch (err) {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    return err;
  }
  assert.fail('the file was accepted');
}

test('one column per question, checkbox choices as columns, comma decimal and French dates', async () => {
  const csv = [
    'id;structure;submittedAt;qpv;actions/sante;actions.emploi;actions/culture;actions/other;actions-Comment;salaries;ouverture;agree;note;ville',
    'R1;CS-1;2021-02-15T16:15:06+01:00;oui;1;x;0;oui;aide aux devoirs;12,5;31/01/2021;oui;4;Lille',
    'R2;;03/04/2020 9:32;non;;;;;;"1 234";2021-03-01;false;;',
  ].join('\r\n');
  const { responses, warnings } = await load('columns.csv', csv);
  assert.deepEqual(warnings, []);
  assert.deepEqual(responses, [
    {
      id: 'R1',
      structure: 'CS-1',
      submittedAt: '2021-02-15T16:15:06+01:00',
      data: {
        qpv: 'oui',
        actions: ['sante', 'emploi', 'other'],
        'actions-Comment': 'aide aux devoirs',
        salaries: 12.5,
        ouverture: '2021-01-31',
        agree: true,
        note: 4,
        ville: 'Lille',
      },
    },
    {
      id: 'R2',
      structure: null,
      submittedAt: '2020-04-03T09:32:00',
      data: { qpv: 'non', salaries: 1234, ouverture: '2021-03-01', agree: false },
    },
  ]);
});

test('a checkbox as one column holding a ;-separated list, matrix rows as columns', async () => {
  const csv =
    'id,actions,satisfaction/accueil,satisfaction/locaux,taille,taille-Comment\nR1,sante; culture,2,,3,environ\nR2,none,1,2,,\n';
  const { responses } = await load('list.csv', csv);
  assert.deepEqual(
    responses.map((r) => r.data),
    [
      { actions: ['sante', 'culture'], satisfaction: { accueil: 2 }, taille: 3, 'taille-Comment': 'environ' },
      { actions: ['none'], satisfaction: { accueil: 1, locaux: 2 } },
    ],
  );
});

test('UTF-8 with BOM, Windows-1252 and UTF-16 (Excel Unicode text) files read the same accents', async () => {
  const text = 'id,ville,remarques\nR1,Hénin-Beaumont,"Très bien, merci : ça va"\n';
  const utf8 = await load('bom.csv', '\ufeff' + text);
  const cp1252 = await load('cp1252.csv', iconv.encode(text, 'win1252'));
  const expected = [
    { id: 'R1', structure: null, data: { ville: 'Hénin-Beaumont', remarques: 'Très bien, merci : ça va' } },
  ];
  const utf16 = await load(
    'utf16.csv',
    new Uint8Array([
      0xff,
      0xfe,
      ...Buffer.from(
        text.replace(/,/g, '\t').replace('"Très bien\t merci : ça va"', 'Très bien, merci : ça va'),
        'utf16le',
      ),
    ]),
  );
  assert.deepEqual(utf8.responses, expected);
  assert.deepEqual(cp1252.responses, expected);
  assert.deepEqual(utf16.responses, expected);
  // The BOM must not stick to the first header name.
  assert.equal(Object.keys(utf8.responses[0]!)[0], 'id');
});

test('the separator is detected from the header line, ignoring quoted text', () => {
  assert.equal(detectSeparator('id;qpv;"a,b,c"\n1,2,3,4,5'), ';');
  assert.equal(detectSeparator('id\tqpv\tville\n'), '\t');
  assert.equal(detectSeparator('id,qpv\n'), ',');
  assert.equal(detectSeparator('"x;y;z",a,b\n'), ',');
});

test('tab-separated text is read', async () => {
  const { responses } = await load('tabs.csv', 'id\tqpv\tsalaries\nR1\toui\t3\n');
  assert.deepEqual(responses[0]!.data, { qpv: 'oui', salaries: 3 });
});

test('errors give the physical line, the column letter and header, the response and the value', async () => {
  const csv = [
    'id;qpv;salaries;remarques;actions/sante',
    'R1;oui;3;"deux',
    'lignes";1',
    'R2;peut-être;douze;;peut-être',
    '',
    'R3;non;4',
    'R1;non;1;;',
  ].join('\n');
  const err = await problemsOf('bad.csv', csv);
  const lines = err.message.split('\n').slice(1);
  assert.deepEqual(lines, [
    '  - bad.csv, line 4, column B "qpv": response "R2": question "qpv": "peut-être" is not one of the choices (oui, non)',
    '  - bad.csv, line 4, column C "salaries": response "R2": question "salaries": "douze" is text, not a number',
    '  - bad.csv, line 4, column E "actions/sante": response "R2": question "actions": "peut-être" is not a checkbox mark (use 1/0, oui/non, x or leave empty)',
    '  - bad.csv, line 6: this line has 3 fields but the header has 5 columns (separator ";"; check quotes and separators)',
    '  - bad.csv, line 7, column A "id": response "R1": duplicate response id "R1" (first on line 2)',
  ]);
  assert.equal(err.problems[0]!.value, 'peut-être');
});

test('unknown columns are refused (with a hint) unless lenient', async () => {
  const csv = 'id,qpv,inconnue,actions/loisirs,qpv-Comment,Ville\nR1,oui,1,1,x,Lens\n';
  const err = await problemsOf('unknown.csv', csv);
  assert.deepEqual(
    err.problems.map((p) => [p.line, p.column]),
    [
      [1, 'C "inconnue"'],
      [1, 'D "actions/loisirs"'],
      [1, 'E "qpv-Comment"'],
      [1, 'F "Ville"'],
    ],
  );
  assert.equal(
    err.problems[3]!.message,
    'column "Ville" is not a question of this survey; did you mean "ville"?',
  );
  assert.match(
    err.problems[0]!.message,
    /column "inconnue" is not a question of this survey \(expected id, structure, submittedAt/,
  );
  assert.match(
    err.problems[1]!.message,
    /"loisirs" is not a choice of question "actions" \(sante, emploi, culture, other, none\)/,
  );
  assert.match(err.problems[2]!.message, /question "qpv" has no "other" item and no comment box/);
  const { responses, warnings } = await load('unknown2.csv', csv, true);
  assert.deepEqual(responses[0]!.data, { qpv: 'oui' });
  assert.equal(warnings.length, 4);
});

test('lenient mode drops only the bad value of the line', async () => {
  const { responses, warnings } = await load(
    'lenient.csv',
    'id,qpv,salaries\nR1,oui,douze\nR2,non,4\n',
    true,
  );
  assert.deepEqual(
    responses.map((r) => r.data),
    [{ qpv: 'oui' }, { qpv: 'non', salaries: 4 }],
  );
  assert.deepEqual(
    warnings.map((w) => [w.line, w.column, w.question, w.value]),
    [[2, 'C "salaries"', 'salaries', 'douze']],
  );
});

test('an unclosed quote and an empty file are reported with their line', async () => {
  const unclosed = await problemsOf('quote.csv', 'id,ville\nR1,"Lille\nR2,Lens\n');
  assert.match(
    unclosed.message,
    /quote\.csv, line 2: the file is not valid CSV: a quote opened here is never closed/,
  );
  const empty = await problemsOf('empty.csv', '');
  assert.match(empty.message, /empty\.csv, line 1: the file is empty: a header line is expected/);
});

test('missing id column: ids are made from line numbers; empty ids are refused', async () => {
  const { responses } = await load('noid.csv', 'qpv\noui\n\nnon\n');
  assert.deepEqual(
    responses.map((r) => r.id),
    ['line-2', 'line-4'],
  );
  const err = await problemsOf('emptyid.csv', 'id,qpv\n,oui\n');
  assert.match(err.message, /emptyid\.csv, line 2, column A "id": the response id is empty/);
});

test('the raw-answers CSV export reads back identically, also with ; and decimal comma', async () => {
  const responses: ResponseRecord[] = [
    {
      id: 'R1',
      structure: 'CS-1',
      submittedAt: '2021-02-15T16:15:06+01:00',
      data: {
        qpv: 'oui',
        actions: ['emploi', 'other'],
        'actions-Comment': 'dit "autre", avec; séparateurs\net retour',
        salaries: 12.75,
        ouverture: '2020-02-29',
        agree: false,
        note: 2,
        remarques: ' espaces autour ',
        satisfaction: { locaux: 1 },
        taille: 1,
        'taille-Comment': 'x',
      },
    },
    { id: 'R2', structure: null, data: { actions: ['none'] } },
    { id: 'R3', structure: null, data: {} },
  ];
  const csv = writeResponsesCsv(survey, responses);
  assert.ok(
    csv.startsWith(
      '\ufeffid,structure,submittedAt,qpv,actions/sante,actions/emploi,actions/culture,actions/other,actions/none,actions-Comment,',
    ),
  );
  for (const [name, text] of [
    ['export.csv', csv],
    [
      'export-fr.csv',
      writeResponsesCsv(survey, responses, { separator: ';', decimalComma: true, bom: false }),
    ],
  ] as const) {
    const back = await load(name, text);
    const expected = structuredClone(responses);
    // Surrounding spaces of a text answer are not meaningful and are trimmed on reading.
    expected[0]!.data.remarques = 'espaces autour';
    assert.deepEqual(
      back.responses.map((r) => ({ ...r, submittedAt: r.submittedAt ?? undefined })),
      expected.map((r) => ({ ...r, submittedAt: r.submittedAt })),
      name,
    );
  }
});

test('line numbers stay exact with CRLF line ends and quoted line breaks', async () => {
  const csv = [
    'id,qpv,remarques',
    'R1,oui,"deux',
    'lignes"',
    '',
    'R2,peut,',
    'R3,non,"a',
    'b',
    'c"',
    'R4,x,',
  ].join('\r\n');
  const err = await problemsOf('crlf.csv', csv);
  assert.deepEqual(
    err.problems.map((p) => [p.line, p.responseId]),
    [
      [5, 'R2'],
      [9, 'R4'],
    ],
  );
  const { responses } = await load('crlf-lenient.csv', csv, true);
  assert.equal(responses[0]!.data.remarques, 'deux\nlignes');
});

test('with registry ids given, an unknown structure is located (lenient: kept as anonymous)', async () => {
  const path = writeFile(dir, 'linked.csv', 'id,structure,qpv\nR1,CS-1,oui\nR2,CS-9,non\nR3,,non\n');
  const options = { structures: new Set(['CS-1']), registryName: 'structures.csv' };
  await assert.rejects(loadResponsesFile(path, survey, options), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.deepEqual(err.message.split('\n').slice(1), [
      '  - linked.csv, line 3, column B "structure": response "R2": the structure "CS-9" is not in structures.csv',
    ]);
    return true;
  });
  const { responses, warnings } = await loadResponsesFile(path, survey, { ...options, lenient: true });
  assert.deepEqual(
    responses.map((r) => r.structure),
    ['CS-1', null, null],
  );
  assert.equal(warnings.length, 1);
});

test('submission times must be ISO 8601 or French day/month/year', async () => {
  const err = await problemsOf(
    'times.csv',
    'id,submittedAt\nR1,April 3 2020\nR2,2020-13-01\nR3,2020-04-03T09:32:50+02:00\n',
  );
  assert.deepEqual(
    err.problems.map((p) => [p.line, p.value]),
    [
      [2, 'April 3 2020'],
      [3, '2020-13-01'],
    ],
  );
  assert.match(err.problems[0]!.message, /"April 3 2020" is not a date and time \(expected ISO 8601/);
});
