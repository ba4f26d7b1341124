import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { neutraliseCell, unneutraliseCell, writeCsv } from '../../src/csv/write.js';
import { buildSurveyModel } from '../../src/survey/index.js';
import { readCsvTable } from '../../src/ingest/csv-table.js';
import { writeResponsesCsv } from '../../src/ingest/index.js';
import { startTestServer, type TestServer } from '../server/helpers.js';

const DANGEROUS = [
  '=HYPERLINK("http://x.test","clic")',
  '+33 6 12',
  '-2+3+cmd|"/c calc"!A0',
  '@SUM(A1)',
  '\tx',
  '\rx',
];

/** Cells as a spreadsheet would see them once the CSV is split (no CSV quoting left). */
function cells(csv: string, delimiter = ','): string[][] {
  const records: unknown = parse(csv.replace(/^\ufeff/, ''), { delimiter, relax_column_count: true });
  return records as string[][];
}

describe('the one CSV writer', () => {
  test('every text cell beginning with = + - @ tab or CR starts with an apostrophe', () => {
    const csv = writeCsv(['=h', 'ok'], [...DANGEROUS.map((d) => [d, 'x'])]);
    const table = cells(csv);
    assert.equal(table[0]![0], "'=h");
    for (const [i, d] of DANGEROUS.entries()) assert.equal(table[i + 1]![0], `'${d}`, JSON.stringify(d));
  });

  test('numbers stay numbers: -3 as a number or as plain number text is written bare', () => {
    const table = cells(writeCsv(['n'], [[-3], [-12.5], ['-3'], ['-12,5'], ['+4'], ['-'], ['-3 €']]));
    assert.deepEqual(
      table.slice(1).map((r) => r[0]),
      ['-3', '-12.5', '-3', '-12,5', '+4', "'-", "'-3 €"],
    );
    assert.equal(
      cells(writeCsv(['n'], [[-12.5]], { decimalComma: true, separator: ';' }), ';')[1]![0],
      '-12,5',
    );
  });

  test('the readers take the apostrophe off again, and only the one the writer added', () => {
    for (const d of DANGEROUS) assert.equal(unneutraliseCell(neutraliseCell(d)), d);
    assert.equal(unneutraliseCell("'bonjour"), "'bonjour");
    assert.equal(unneutraliseCell("'-3"), "'-3");
  });

  test('the raw answers export neutralises text answers and reads back unchanged', () => {
    const survey = buildSurveyModel({
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'remarque' },
            { type: 'text', inputType: 'number', name: 'solde' },
          ],
        },
      ],
    });
    const responses = DANGEROUS.filter((d) => d.trim() === d).map((d, i) => ({
      id: `R${i}`,
      structure: null,
      data: { remarque: d, solde: -3 - i },
    }));
    const csv = writeResponsesCsv(survey, responses, { separator: ';' });
    const table = cells(csv, ';');
    assert.deepEqual(table[0], ['id', 'structure', 'submittedAt', 'remarque', 'solde']);
    for (const row of table.slice(1)) {
      assert.match(row[3]!, /^'[=+\-@]/, 'the text answer is neutralised');
      assert.match(row[4]!, /^-\d+$/, 'the numeric answer stays a number');
    }
    const back = readCsvTable(new TextEncoder().encode(csv), 'export.csv');
    assert.deepEqual(
      back.rows.map((r) => r.cells[3]),
      responses.map((r) => r.data.remarque),
    );
  });
});

describe('CSV downloads of the server', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  test('the non-respondents CSV neutralises a structure name written as a formula', async () => {
    const campaignId = server.demo.openCampaign.id;
    const late = await server.store.invitations.list(campaignId, { status: ['not_started'] });
    const structureId = late.find((i) => i.structureId)!.structureId!;
    await server.store.structures.update(structureId, { name: '=HYPERLINK("http://x.test","Centre")' });
    const res = await server.request(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${campaignId}/non-respondents.csv`,
    });
    assert.equal(res.statusCode, 200);
    const row = cells(res.body, ';').find((r) => r[0] === structureId)!;
    assert.equal(row[1], '\'=HYPERLINK("http://x.test","Centre")');
  });

  test('the raw answers CSV of a campaign neutralises a text answer and keeps numbers bare', async () => {
    const campaignId = server.demo.closedCampaign.id;
    const invitation = (await server.store.invitations.list(campaignId)).find((i) => i.structureId)!;
    await server.store.responses.submit(
      invitation.id,
      { projet_phare: '=HYPERLINK("http://x.test")', etp_salaries: 4 },
      'csv-formula-1',
      new Date().toISOString(),
    );
    const res = await server.request(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${campaignId}/report?format=csv`,
    });
    assert.equal(res.statusCode, 200, res.body);
    const table = cells(res.body, ';');
    const column = table[0]!.indexOf('projet_phare');
    const row = table.find((r) => r[1] === invitation.structureId)!;
    assert.equal(row[column], '\'=HYPERLINK("http://x.test")');
    assert.equal(row[table[0]!.indexOf('etp_salaries')], '4');
  });
});
