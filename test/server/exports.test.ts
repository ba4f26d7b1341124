import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startTestServer, structuresByDepartement, type TestServer } from './helpers.js';
import { unzip } from '../export/helpers.js';

/** GET /api/campaigns/:id/export and a structure's answers as PDF: scoped like the report. */
let server: TestServer;
let nord: string[];
let pdc: string[];
let campaign: string;
let submittedAll: number;
let submittedNord: number;

before(async () => {
  server = await startTestServer();
  ({ nord, pdc } = await structuresByDepartement(server.store));
  campaign = server.demo.closedCampaign.id;
  submittedAll = await server.store.responses.countSubmitted(campaign, {});
  submittedNord = await server.store.responses.countSubmitted(campaign, { structureIds: nord });
});
after(async () => server?.close());

const get = (who: keyof TestServer['users'] | undefined, url: string) =>
  server.request(who ? server.users[who] : undefined, { method: 'GET', url });

function csvRows(body: Buffer | string): string[][] {
  const rows: string[][] = parse(String(body).replace(/^\ufeff/, ''), { delimiter: ';' });
  return rows;
}

describe('raw answers export', () => {
  test('admin, French CSV: every submitted response, structure name and territories', async () => {
    const res = await get('admin', `/api/campaigns/${campaign}/export?format=csv`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename=".+-reponses\.csv"/);
    const [header, ...rows] = csvRows(res.body);
    assert.deepEqual(header!.slice(0, 3), ['id', 'structure', 'structure_name']);
    assert.ok(header!.includes('departement'), header!.join(';'));
    assert.equal(rows.length, submittedAll);
    assert.ok(submittedAll > 0);
    const at = header!.indexOf('submittedAt');
    for (const row of rows) assert.match(row[at]!, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  test('a correspondent of Nord gets the Nord structures only, in every format', async () => {
    const csv = await get('nord', `/api/campaigns/${campaign}/export?format=csv&values=labels&choices=cell`);
    assert.equal(csv.statusCode, 200, csv.body);
    const rows = csvRows(csv.body).slice(1);
    assert.equal(rows.length, submittedNord);
    assert.ok(rows.every((r) => nord.includes(r[1]!)));
    assert.ok(!pdc.some((id) => csv.body.includes(id)));

    const xlsx = await get('nord', `/api/campaigns/${campaign}/export?format=xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Réponses')!;
    assert.equal(sheet.rowCount, 1 + submittedNord);
    const headers = sheet.getRow(1).values as unknown[];
    assert.equal(sheet.getRow(2).getCell(headers.indexOf('submittedAt')).type, ExcelJS.ValueType.Date);

    for (const format of ['r', 'spss'] as const) {
      const res = await get('nord', `/api/campaigns/${campaign}/export?format=${format}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/zip');
      assert.match(String(res.headers['content-disposition']), new RegExp(`-reponses-${format}\\.zip"`));
      const files = unzip(res.rawPayload);
      assert.equal(files.size, 2);
      const data = [...files.values()].map((b) => b.toString('utf8')).join('\n');
      assert.ok(!pdc.some((id) => data.includes(id)), `${format}: a Pas-de-Calais structure leaked`);
      assert.ok(nord.some((id) => data.includes(id)));
    }
  });

  test('bad options: 400 naming the field, in the caller’s language', async () => {
    const res = await get('admin', `/api/campaigns/${campaign}/export?format=sav`);
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /\p{L}/u);
  });

  test('anonymous: 401, nothing exported', async () => {
    for (const format of ['csv', 'xlsx', 'r', 'spss']) {
      const res = await get(undefined, `/api/campaigns/${campaign}/export?format=${format}`);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'unauthenticated');
    }
  });
});

describe("a structure's answers as PDF", () => {
  test('admin and the correspondent of its territory get the PDF; another correspondent 403', async () => {
    const submitted = [];
    for (const id of nord) {
      const invitation = await server.store.invitations.findForStructure(campaign, id);
      if (invitation?.status === 'submitted') submitted.push(id);
    }
    const structure = submitted[0] ?? nord[0]!;
    for (const who of ['admin', 'nord'] as const) {
      const res = await get(who, `/api/campaigns/${campaign}/responses/${structure}/answers.pdf`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.match(String(res.headers['content-disposition']), /-reponses\.pdf"/);
    }
    const out = await get('nord', `/api/campaigns/${campaign}/responses/${pdc[0]}/answers.pdf`);
    assert.equal(out.statusCode, 403);
    const missing = await get('admin', `/api/campaigns/${campaign}/responses/nope/answers.pdf`);
    assert.equal(missing.statusCode, 404);
  });

  test('anonymous: 401', async () => {
    const res = await get(undefined, `/api/campaigns/${campaign}/responses/${nord[0]}/answers.pdf`);
    assert.equal(res.statusCode, 401);
  });
});
