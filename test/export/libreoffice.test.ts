import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildExport, DEFAULT_EXPORT_OPTIONS } from '../../src/export/index.js';
import { registry, responses, survey } from './helpers.js';

/**
 * The raw exports opened by LibreOffice, as the chargée d'études would: the French CSV with its
 * import options (`;`, `"`, UTF-8, French locale) must give a number 12.5 and a date cell, the
 * XLSX the same. LibreOffice is optional: a loud skip when `soffice` is not installed.
 */
const soffice = ['soffice', 'libreoffice']
  .map((c) => spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).stdout.trim())
  .find(Boolean);
// Calc is a package of its own (Debian: libreoffice-calc-nogui): without it nothing opens a CSV.
const hasCalc = !!soffice && existsSync(join(dirname(realpathSync(soffice)), 'libsclo.so'));
const skip = !soffice
  ? 'SKIPPED: LibreOffice (soffice) is not installed, the exports were not opened in it'
  : !hasCalc
    ? 'SKIPPED: LibreOffice Calc is not installed (libreoffice-calc-nogui), the exports were not opened in it'
    : false;
if (skip) process.stderr.write(`\n*** ${skip}\n`);

function convert(dir: string, file: string, args: string[]): void {
  const run = spawnSync(
    soffice!,
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      ...args,
      '--outdir',
      join(dir, 'out'),
      join(dir, file),
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /could not be loaded/, run.stderr);
}

describe('opened in LibreOffice', { skip }, () => {
  test('the French CSV: decimal comma read as a number, Paris dates as dates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-lo-'));
    writeFileSync(
      join(dir, 'reponses.csv'),
      (await buildExport('csv', survey, responses, registry, DEFAULT_EXPORT_OPTIONS)).body,
    );
    // 59 = ';', 34 = '"', 76 = UTF-8, first line 1, no column formats, 1036 = French (France).
    convert(dir, 'reponses.csv', ['--infilter=CSV:59,34,76,1,,1036', '--convert-to', 'xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'out', 'reponses.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.getRow(2).getCell(11).value, 12.5);
    assert.equal(sheet.getRow(3).getCell(11).value, -3.25);
    assert.equal(sheet.getRow(2).getCell(5).type, ExcelJS.ValueType.Date);
    assert.equal((sheet.getRow(2).getCell(5).value as Date).toISOString(), '2024-03-15T14:30:00.000Z');
    assert.equal(sheet.getRow(2).getCell(12).type, ExcelJS.ValueType.Date);
    assert.equal((sheet.getRow(2).getCell(12).value as Date).toISOString(), '2019-09-01T00:00:00.000Z');
  });

  test('the XLSX: numbers and dates shown the French way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-lo-'));
    writeFileSync(
      join(dir, 'reponses.xlsx'),
      (await buildExport('xlsx', survey, responses, registry, DEFAULT_EXPORT_OPTIONS)).body,
    );
    convert(dir, 'reponses.xlsx', ['--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1036']);
    const lines = readFileSync(join(dir, 'out', 'reponses.csv'), 'utf8').split(/\r?\n/);
    const r1 = lines[1]!.split(';');
    assert.equal(r1[4], '15/03/2024 14:30');
    assert.equal(r1[11], '01/09/2019');
    assert.match(r1[10]!, /^12[,.]5$/);
  });
});
