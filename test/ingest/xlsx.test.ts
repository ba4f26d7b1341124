import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { InputError, loadRegistryFile, loadResponsesFile } from '../../src/ingest/index.js';
import { smallSurvey, tempDir, writeFile } from './helpers.js';

const survey = smallSurvey();
const dir = tempDir();

/** Builds a real workbook file; `rows[0]` is the header. */
async function workbook(name: string, rows: unknown[][], sheetName = 'Réponses'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  wb.addWorksheet('Notes').addRow(['ignored: only the first sheet is read']);
  const buffer = await wb.xlsx.writeBuffer();
  return writeFile(dir, name, new Uint8Array(buffer));
}

test('reads typed cells: numbers, booleans, dates, checkbox columns, formulas and rich text', async () => {
  const path = await workbook('ok.xlsx', [
    [
      'id',
      'structure',
      'submittedAt',
      'qpv',
      'actions/sante',
      'actions/emploi',
      'salaries',
      'ouverture',
      'agree',
      'note',
      'ville',
    ],
    [
      'R1',
      'CS-1',
      new Date('2021-02-15T15:15:06Z'),
      'oui',
      1,
      0,
      12.5,
      new Date(Date.UTC(2021, 0, 31)),
      true,
      3,
      'Lille',
    ],
    [],
    [
      'R2',
      null,
      null,
      'non',
      'x',
      'oui',
      '7,5',
      '31/12/2020',
      'non',
      { formula: '2+2', result: 4 },
      { richText: [{ text: 'Ar' }, { text: 'ras' }] },
    ],
  ]);
  const { responses, warnings } = await loadResponsesFile(path, survey);
  assert.deepEqual(warnings, []);
  assert.deepEqual(responses, [
    {
      id: 'R1',
      structure: 'CS-1',
      submittedAt: '2021-02-15T15:15:06.000Z',
      data: {
        qpv: 'oui',
        actions: ['sante'],
        salaries: 12.5,
        ouverture: '2021-01-31',
        agree: true,
        note: 3,
        ville: 'Lille',
      },
    },
    {
      id: 'R2',
      structure: null,
      data: {
        qpv: 'non',
        actions: ['sante', 'emploi'],
        salaries: 7.5,
        ouverture: '2020-12-31',
        agree: false,
        note: 4,
        ville: 'Arras',
      },
    },
  ]);
});

test('errors name the sheet and the cell', async () => {
  const path = await workbook('bad.xlsx', [
    ['id', 'qpv', 'salaries', 'inconnue'],
    ['R1', 'oui', 3, null],
    ['R2', 'peut-être', 'douze', null],
    ['R1', 'non', 2, null, 'orphan'],
  ]);
  try {
    await loadResponsesFile(path, survey);
    assert.fail('accepted');
  } catch (err) {
    assert.ok(err instanceof InputError);
    assert.deepEqual(err.message.split('\n').slice(1), [
      '  - bad.xlsx, sheet "Réponses", cell D1, column "inconnue": column "inconnue" is not a question of this survey (expected id, structure, submittedAt, a question name, <question>/<choice> or <question>-Comment)',
      '  - bad.xlsx, sheet "Réponses", cell B3, column "qpv": response "R2": question "qpv": "peut-être" is not one of the choices (oui, non)',
      '  - bad.xlsx, sheet "Réponses", cell C3, column "salaries": response "R2": question "salaries": "douze" is text, not a number',
      '  - bad.xlsx, sheet "Réponses", cell A4, column "id": response "R1": duplicate response id "R1" (first on row 2)',
      '  - bad.xlsx, sheet "Réponses", cell E4: this cell holds "orphan" but its column has no header',
    ]);
  }
});

test('a file that is not a workbook gets a clear error', async () => {
  const path = writeFile(dir, 'fake.xlsx', 'id,qpv\nR1,oui\n');
  await assert.rejects(loadResponsesFile(path, survey), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /fake\.xlsx: the file is not a readable XLSX workbook/);
    return true;
  });
});

test('a registry can be an XLSX workbook; numeric cells become text', async () => {
  const path = await workbook(
    'structures.xlsx',
    [
      ['id', 'nom', 'departement', 'territoire'],
      ['CS-59-001', 'Centre social Lille-Sud', 59, 'MEL'],
      ['CS-62-001', 'Centre social Arras', 62, 'Artois'],
    ],
    'Structures',
  );
  const registry = await loadRegistryFile(path);
  assert.deepEqual(registry, {
    attributes: ['departement', 'territoire'],
    structures: [
      {
        id: 'CS-59-001',
        name: 'Centre social Lille-Sud',
        attributes: { departement: '59', territoire: 'MEL' },
      },
      {
        id: 'CS-62-001',
        name: 'Centre social Arras',
        attributes: { departement: '62', territoire: 'Artois' },
      },
    ],
  });
});
