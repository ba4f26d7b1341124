import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { readRegistryUpload } from '../../src/app/registry/import.js';
import { loadResponsesFile } from '../../src/ingest/index.js';
import { XLSX_LIMITS } from '../../src/ingest/xlsx-limits.js';
import { startTestServer } from '../server/helpers.js';
import { smallSurvey, tempDir, writeFile } from './helpers.js';
import { bombSheet, member, workbookMembers, zip } from './zip-bomb.js';

const dir = tempDir();

/** A workbook whose first sheet is `sheet`, every other member taken from a real one. */
async function workbookWith(sheet: Awaited<ReturnType<typeof bombSheet>>): Promise<Buffer> {
  const members = [...(await workbookMembers())].map(([name, data]) =>
    name === sheet.name ? sheet : member(name, data),
  );
  return zip(members);
}

async function refusal(promise: Promise<unknown>): Promise<PanoramaError> {
  const err = await promise.then(
    () => assert.fail('the workbook was read'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof PanoramaError, `expected a PanoramaError, got ${String(err)}`);
  return err;
}

test('an XLSX zip bomb (347 MB of XML in about a megabyte) is refused before it is expanded', async () => {
  const bytes = await workbookWith(await bombSheet(347));
  assert.ok(bytes.length < 1.6 * 1024 * 1024, `the bomb is small: ${bytes.length} bytes`);
  const rssBefore = process.memoryUsage().rss;
  const err = await refusal(readRegistryUpload('structures-bombe.xlsx', bytes, 'fr'));
  assert.equal(err.code, 'xlsx_too_large');
  assert.equal(err.status, 413);
  const fr = err.messageIn('fr');
  assert.match(fr, /« structures-bombe\.xlsx »/);
  assert.match(fr, /347(,\d)? Mo/);
  assert.match(fr, /limite de 64 Mo/);
  assert.match(err.messageIn('en'), /"structures-bombe\.xlsx".*limit of 64 MB/);
  // Nothing close to the expanded size was allocated.
  assert.ok(process.memoryUsage().rss - rssBefore < 200 * 1024 * 1024);

  // Same refusal for a responses file (panorama import / report of a folder).
  const path = writeFile(dir, 'reponses-bombe.xlsx', bytes);
  const again = await refusal(loadResponsesFile(path, smallSurvey()));
  assert.equal(again.code, 'xlsx_too_large');
  assert.match(again.messageIn('fr'), /« reponses-bombe\.xlsx »/);
});

test('a bomb whose headers lie about its size is stopped once it passes what it declared', async () => {
  const sheet = await bombSheet(347);
  const bytes = await workbookWith({ ...sheet, declaredSize: 4096 });
  const err = await refusal(readRegistryUpload('menteur.xlsx', bytes, 'fr'));
  assert.equal(err.code, 'xlsx_compression_ratio');
  assert.match(err.messageIn('fr'), /« menteur\.xlsx ».*« xl\/worksheets\/sheet1\.xml »/);
});

test('a member compressed far beyond an ordinary workbook is refused even under the size limit', async () => {
  const bytes = await workbookWith(await bombSheet(20));
  const err = await refusal(readRegistryUpload('dense.xlsx', bytes, 'fr'));
  assert.equal(err.code, 'xlsx_compression_ratio');
  const params = err.params as { ratio: number; limit: number };
  assert.ok(params.ratio > XLSX_LIMITS.ratio, `ratio ${params.ratio}`);
  assert.match(err.messageIn('fr'), /bombe ZIP/);
});

async function sheetWithCell(row: number, column: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Structures');
  sheet.addRow(['id', 'nom']);
  sheet.addRow(['CS-1', 'Centre social un']);
  sheet.getRow(row).getCell(column).value = 'loin';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an over-wide sheet is refused, naming the file, the column reached and the limit', async () => {
  const err = await refusal(readRegistryUpload('large.xlsx', await sheetWithCell(3, 2500), 'fr'));
  assert.equal(err.code, 'xlsx_too_many_columns');
  const fr = err.messageIn('fr');
  assert.match(fr, /« large\.xlsx »/);
  assert.match(fr, /colonne CRD/); // column 2,500
  assert.match(fr, /limite de 2\s000 colonnes/);
});

test('a sheet reaching row 150,000 is refused, naming the file and the row limit', async () => {
  const err = await refusal(readRegistryUpload('long.xlsx', await sheetWithCell(150_000, 1), 'fr'));
  assert.equal(err.code, 'xlsx_too_many_rows');
  assert.match(err.messageIn('fr'), /« long\.xlsx ».*100\s000 lignes/);
});

test('the registry import route answers the bomb with 413 and the French message, and stores nothing', async () => {
  const server = await startTestServer();
  try {
    const before = (await server.store.structures.list()).length;
    const bytes = await workbookWith(await bombSheet(347));
    for (const url of ['/api/structures/import/preview', '/api/structures/import']) {
      const res = await server.request(server.users.admin, {
        method: 'POST',
        url,
        payload: { filename: 'annuaire.xlsx', content: bytes.toString('base64') },
      });
      assert.equal(res.statusCode, 413, res.body);
      const body = res.json<{ error: { code: string; message: string } }>();
      assert.equal(body.error.code, 'xlsx_too_large');
      assert.match(body.error.message, /Le fichier « annuaire\.xlsx » est refusé.*64 Mo/);
    }
    assert.equal((await server.store.structures.list()).length, before);
  } finally {
    await server.close();
  }
});
