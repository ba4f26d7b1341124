import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { buildExport, type ExportOptions } from '../../src/export/index.js';
import { unneutraliseCell } from '../../src/csv/write.js';
import { registry, responses, survey, unzip } from './helpers.js';

/** The suite of the analysts' exports: one hand-computed case read back in every format. */
const FR: ExportOptions = { values: 'codes', choices: 'columns', registry: true, lang: 'fr' };

function readCsv(bytes: Buffer, delimiter: string): string[][] {
  const text = bytes.toString('utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'starts with a byte-order mark');
  const rows: string[][] = parse(text.slice(1), { delimiter, relax_column_count: false });
  return rows;
}

describe('CSV', () => {
  test('French, codes, one column per choice: `;`, decimal comma, Paris dates, registry columns', async () => {
    const doc = await buildExport('csv', survey, responses, registry, FR);
    assert.equal(doc.extension, 'csv');
    const [header, ...rows] = readCsv(doc.body, ';');
    assert.deepEqual(header, [
      'id',
      'structure',
      'structure_name',
      'departement',
      'submittedAt',
      'evolution',
      'evolution-Comment',
      'publics/jeunes',
      'publics/seniors',
      'publics/familles',
      'budget',
      'ouverture',
      'remarque',
    ]);
    assert.deepEqual(rows, [
      // prettier-ignore
      ['r1', 'S1', 'Centre Alpha', 'Nord', '15/03/2024 14:30', 'en_progression', '', '1', '0', '1', '12,5', '01/09/2019', `'=HYPERLINK("http://x")`],
      // prettier-ignore
      ['r2', 'S2', 'Centre Bêta', 'Pas-de-Calais', '02/07/2024 00:15', 'other', 'Variable', '0', '1', '0', '-3,25', '31/01/2020', "'-2+3"],
      ['r3', '', '', '', '01/01/2025 00:00', '', '', '', '', '', '1000', '', ''],
    ]);
    // Read back by Panorama's readers, the neutralised cells are the answers again.
    assert.equal(unneutraliseCell(rows[0]![12]!), '=HYPERLINK("http://x")');
    assert.equal(unneutraliseCell(rows[1]![12]!), '-2+3');
  });

  test('English, labels, one cell per question: `,`, decimal point, ISO Paris dates', async () => {
    const doc = await buildExport('csv', survey, responses, registry, {
      ...FR,
      values: 'labels',
      choices: 'cell',
      lang: 'en',
    });
    const [header, ...rows] = readCsv(doc.body, ',');
    assert.deepEqual(header, [
      'Response id',
      'Structure code',
      'Structure',
      'Département',
      'Submitted at (Paris time)',
      'Évolution de la fréquentation',
      'Évolution de la fréquentation (details)',
      'Publics accueillis',
      'Budget (k€)',
      "Date d'ouverture",
      'Remarque',
    ]);
    assert.deepEqual(rows[0]!.slice(4, 10), [
      '2024-03-15 14:30',
      'En progression',
      '',
      "Jeunes | Familles d'accueil",
      '12.5',
      '2019-09-01',
    ]);
    assert.deepEqual(rows[1]!.slice(5, 9), ['Autre', 'Variable', 'Seniors', '-3.25']);
  });

  test('French labels, one column per choice: Oui / Non; codes joined in one cell', async () => {
    const labels = readCsv(
      (await buildExport('csv', survey, responses, registry, { ...FR, values: 'labels' })).body,
      ';',
    );
    assert.deepEqual(labels[1]!.slice(7, 10), ['Oui', 'Non', 'Oui']);
    assert.equal(labels[0]![7], 'Publics accueillis [Jeunes]');
    const cell = readCsv(
      (await buildExport('csv', survey, responses, registry, { ...FR, choices: 'cell' })).body,
      ';',
    );
    assert.equal(cell[1]![7], 'jeunes | familles');
    assert.equal(cell[3]![7], '');
  });

  test('without registry columns: the structure code only', async () => {
    const [header] = readCsv(
      (await buildExport('csv', survey, responses, registry, { ...FR, registry: false })).body,
      ';',
    );
    assert.deepEqual(header!.slice(0, 3), ['id', 'structure', 'submittedAt']);
  });

  test('every text cell that starts like a formula is neutralised', async () => {
    const hostile = ['=1+1', '+33 6 12', '-A1', '@SUM(A1)', '\tx'];
    const doc = await buildExport(
      'csv',
      survey,
      hostile.map((text, i) => ({
        id: `h${i}`,
        structure: 'S1',
        data: { remarque: text, 'evolution-Comment': text },
      })),
      { ...registry, structures: [{ id: 'S1', name: '=cmd|x', attributes: { departement: '@dep' } }] },
      FR,
    );
    for (const row of readCsv(doc.body, ';').slice(1))
      for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)}`);
  });
});

describe('XLSX', () => {
  test('numbers and dates are typed cells; codes; a Variables sheet', async () => {
    const doc = await buildExport('xlsx', survey, responses, registry, FR);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(doc.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Réponses')!;
    assert.equal(sheet.getRow(1).getCell(11).value, 'budget');
    const r1 = sheet.getRow(2);
    assert.equal(r1.getCell(11).type, ExcelJS.ValueType.Number);
    assert.equal(r1.getCell(11).value, 12.5);
    assert.equal(sheet.getRow(3).getCell(11).value, -3.25);
    assert.equal(r1.getCell(8).value, 1);
    assert.equal(r1.getCell(8).type, ExcelJS.ValueType.Number);
    // Dates: date cells holding the Paris wall clock, shown the French way.
    assert.equal(r1.getCell(5).type, ExcelJS.ValueType.Date);
    assert.equal((r1.getCell(5).value as Date).toISOString(), '2024-03-15T14:30:00.000Z');
    assert.equal(r1.getCell(5).numFmt, 'dd/mm/yyyy hh:mm');
    assert.equal((sheet.getRow(3).getCell(5).value as Date).toISOString(), '2024-07-02T00:15:00.000Z');
    assert.equal(r1.getCell(12).type, ExcelJS.ValueType.Date);
    assert.equal((r1.getCell(12).value as Date).toISOString(), '2019-09-01T00:00:00.000Z');
    assert.equal(r1.getCell(12).numFmt, 'dd/mm/yyyy');
    // Text that looks like a formula stays text, never a formula.
    assert.equal(r1.getCell(13).type, ExcelJS.ValueType.String);
    assert.equal(r1.getCell(13).value, '=HYPERLINK("http://x")');
    assert.equal(r1.getCell(3).value, 'Centre Alpha');
    const variables = book.getWorksheet('Variables')!;
    assert.equal(variables.rowCount, 1 + 13);
    assert.equal(
      variables.getRow(7).getCell(4).value,
      'en_progression = En progression | stable = Stable | other = Autre',
    );
  });

  test('labels: the questions as headers, the choices as labels', async () => {
    const doc = await buildExport('xlsx', survey, responses, registry, {
      ...FR,
      values: 'labels',
      choices: 'cell',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(doc.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Réponses')!;
    assert.equal(sheet.getRow(1).getCell(6).value, 'Évolution de la fréquentation');
    assert.equal(sheet.getRow(2).getCell(6).value, 'En progression');
    assert.equal(sheet.getRow(2).getCell(8).value, "Jeunes | Familles d'accueil");
    assert.equal(sheet.getRow(2).getCell(9).type, ExcelJS.ValueType.Number);
  });
});

describe('R and SPSS bundles', () => {
  test('R: a read.csv2 file (codes, decimal comma, ISO dates) and its script, in a zip', async () => {
    const doc = await buildExport('r', survey, responses, registry, {
      ...FR,
      values: 'labels',
      choices: 'cell',
    });
    assert.equal(doc.extension, 'zip');
    const files = unzip(doc.body);
    assert.deepEqual([...files.keys()], ['reponses.csv', 'reponses.R']);
    const [header, r1] = readCsv(files.get('reponses.csv')!, ';');
    // Labels and joined cells are not for R: codes and one 0/1 column per choice, whatever asked.
    assert.deepEqual(header!.slice(5, 10), [
      'evolution',
      'evolution_Comment',
      'publics_jeunes',
      'publics_seniors',
      'publics_familles',
    ]);
    assert.deepEqual(r1!.slice(4, 12), [
      '2024-03-15 14:30:00',
      'en_progression',
      '',
      '1',
      '0',
      '1',
      '12,5',
      '2019-09-01',
    ]);
  });

  test('SPSS: a tab-separated file (decimal point) and its syntax, in a zip', async () => {
    const files = unzip((await buildExport('spss', survey, responses, registry, FR)).body);
    assert.deepEqual([...files.keys()], ['reponses.dat', 'reponses.sps']);
    const dat: string[][] = parse(files.get('reponses.dat')!.toString('utf8'), { delimiter: '\t' });
    const [header, r1, r2] = dat;
    assert.equal(header!.length, 13);
    assert.deepEqual(r1!.slice(4, 12), [
      '2024-03-15 14:30:00',
      'en_progression',
      '',
      '1',
      '0',
      '1',
      '12.5',
      '2019-09-01',
    ]);
    assert.equal(r2![10], '-3.25');
  });
});
