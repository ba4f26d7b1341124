import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { renderReport } from '../../../src/report/render/index.js';
import { sheetName } from '../../../src/report/render/xlsx.js';
import { sampleModel } from '../fixtures/sample-model.js';
import { renderSuite } from './suite.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function cellText(value: ExcelJS.CellValue): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'text' in value) return String(value.text);
  if (value && typeof value === 'object' && 'richText' in value)
    return value.richText.map((r) => r.text).join('');
  return '';
}

/** Every text cell of every sheet, plus the sheet names. */
async function xlsxText(buffer: Buffer): Promise<string> {
  const workbook = await load(buffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => lines.push(cellText(cell.value))));
  });
  return lines.join('\n');
}

renderSuite({ format: 'xlsx', formatsNumbers: false, presentation: true, read: xlsxText });

/** The row whose first cell is `label`, searched after the row holding `after`. */
function findRow(sheet: ExcelJS.Worksheet, after: string, label: string): ExcelJS.Row {
  let start = 0;
  sheet.eachRow((row, n) => {
    // Question titles are numbered ("1.3 Nombre d'adhérents …").
    if (!start && cellText(row.getCell(1).value).replace(/^\d+\.\d+ /, '') === after) start = n;
  });
  assert.ok(start > 0, `"${after}" not found in ${sheet.name}`);
  for (let n = start + 1; n <= sheet.rowCount; n++) {
    if (cellText(sheet.getRow(n).getCell(1).value) === label) return sheet.getRow(n);
  }
  assert.fail(`row "${label}" not found after "${after}" in ${sheet.name}`);
}

describe('report renderer: xlsx specifics', () => {
  let workbook: ExcelJS.Workbook;
  const model = sampleModel('fr');
  before(async () => {
    workbook = await load(await renderReport(model, 'xlsx'));
  });

  it('has a contents sheet, a participation sheet, one sheet per section and a verbatims sheet', () => {
    const names = workbook.worksheets.map((s) => s.name);
    assert.deepEqual(names, [
      'Sommaire',
      'Participation',
      // Numbered as the questionnaire; a long title is cut at a word with "…".
      '1. Informations générales',
      '2. Activités actuelles et…',
      'Verbatims',
    ]);
    for (const name of names) {
      assert.ok(name.length <= 31, name);
      assert.doesNotMatch(name, /[[\]:*?/\\]/);
    }
  });

  it('stores counts and percentages as numbers, percentages with a percent format', () => {
    const sheet = workbook.getWorksheet('1. Informations générales');
    assert.ok(sheet);
    const yes = findRow(sheet, model.questions[0]?.title ?? '', 'Oui');
    assert.equal(yes.getCell(2).value, 41);
    assert.equal(yes.getCell(3).value, 0.4505);
    assert.match(yes.getCell(3).numFmt, /%/);
    const sum = findRow(sheet, "Nombre d'adhérents / usagers", 'Somme');
    assert.equal(sum.getCell(2).value, 65_951);
    const q3 = findRow(sheet, "Nombre d'adhérents / usagers", '3ème quartile (Q3)');
    assert.equal(q3.getCell(2).value, 1033.5);
  });

  it('writes the breakdown as count and percent columns per group', () => {
    const sheet = workbook.getWorksheet('1. Informations générales');
    assert.ok(sheet);
    const yes = findRow(sheet, 'Répartition par territoire', 'Oui');
    assert.deepEqual(
      [2, 3, 4, 5, 6, 7].map((c) => yes.getCell(c).value),
      [28, 0.4828, 8, 0.4, 5, 0.3846],
    );
  });

  it('freezes header rows and makes headers bold', () => {
    for (const sheet of workbook.worksheets) {
      assert.equal(sheet.views[0]?.state, 'frozen', sheet.name);
    }
    const summary = workbook.getWorksheet('Sommaire');
    assert.equal(summary?.getRow(1).getCell(1).font?.bold, true);
    assert.ok((summary?.getColumn(2).width ?? 0) > 30);
  });

  it('puts every "Autre" text and verbatim on its own row of the verbatims sheet', () => {
    const sheet = workbook.getWorksheet('Verbatims');
    assert.ok(sheet);
    const texts: string[] = [];
    sheet.eachRow((row, n) => n > 1 && texts.push(cellText(row.getCell(4).value)));
    const expected = model.questions.flatMap((q) => [...(q.otherTexts ?? []), ...(q.verbatims ?? [])]);
    assert.deepEqual(texts, expected);
  });

  it('participation figures are numbers', () => {
    const sheet = workbook.getWorksheet('Participation');
    assert.ok(sheet);
    assert.equal(findRow(sheet, 'Participation', 'Population').getCell(2).value, 238);
    assert.equal(findRow(sheet, 'Participation', 'Taux de participation').getCell(2).value, 0.3824);
  });
});

describe('xlsx sheet names', () => {
  it('cuts at a word within 31 characters with "…", removes forbidden characters and stays unique', () => {
    const taken = new Set<string>();
    const long = 'Activités actuelles et partenariats du centre social';
    const a = sheetName(long, taken);
    const b = sheetName(long, taken);
    // Never mid-word ("…partenar"): the last whole word that fits, then an ellipsis.
    assert.equal(a, 'Activités actuelles et…');
    assert.equal(b, 'Activités actuelles et… (2)');
    assert.equal(
      sheetName("1. Le projet à l'épreuve de la crise sanitaire", taken),
      "1. Le projet à l'épreuve de la…",
    );
    assert.equal(sheetName('Q1/Q2: [bilan]*?', taken), 'Q1 Q2 bilan');
    assert.equal(sheetName('SOMMAIRE', new Set(['sommaire'])), 'SOMMAIRE (2)');
    assert.equal(sheetName('///', taken), 'Section');
  });
});
