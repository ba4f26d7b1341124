import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cliArgs } from '../support/cli.js';
import { startTestServer } from '../server/helpers.js';
import { writeSmallFolder } from '../publication/small-folder.js';
import { importCampaignFolder } from '../../src/cli/import.js';

const run = promisify(execFile);

/** The CSV with its id and submittedAt cells emptied, lines sorted (BOM, separator and CRLF kept). */
const withoutIds = (csv: string) =>
  csv
    .split('\r\n')
    .map((line, i) => (i === 0 ? line : line.replace(/^[^;]*;([^;]*);[^;]*;/, ';$1;;')))
    .sort()
    .join('\r\n');

test('one report use case: the same JSON and CSV bytes from `panorama report` and the HTTP API', async () => {
  const server = await startTestServer();
  try {
    const dir = writeSmallFolder(join(server.dir, 'in'), [
      { id: 'r1', structure: 'S1', etp: 3 },
      { id: 'r2', structure: 'S2', etp: 5 },
      { id: 'r3', structure: null, etp: 8 },
    ]);
    const { campaignId } = await importCampaignFolder(server.store, dir, { name: 'Petit' });
    for (const [query, args] of [
      ['format=json&lang=fr', ['--format', 'json', '--lang', 'fr']],
      ['format=json&lang=en&quartiles=excel', ['--format', 'json', '--lang', 'en', '--quartiles', 'excel']],
      ['format=csv', ['--format', 'csv']],
    ] as const) {
      const http = await server.request(server.users.admin, {
        method: 'GET',
        url: `/api/campaigns/${campaignId}/report?${query}`,
      });
      assert.equal(http.statusCode, 200, http.body);
      const cli = await run(process.execPath, cliArgs('report', dir, ...args), {
        encoding: 'buffer',
        env: { ...process.env, PANORAMA_LANG: 'en' },
      });
      const [fromHttp, fromCli] = [http.rawPayload.toString('utf8'), cli.stdout.toString('utf8')];
      if (query !== 'format=csv') assert.equal(fromHttp, fromCli, `${query}: same bytes`);
      // The import gives the answers new ids and submission times: the rest is the same, byte for byte.
      else assert.equal(withoutIds(fromHttp), withoutIds(fromCli));
    }
    // Options are refused with the same catalogue code on both sides.
    const bad = await server.request(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${campaignId}/report?where=etp`,
    });
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'report_filter_syntax');
    await assert.rejects(
      run(process.execPath, cliArgs('report', dir, '--where', 'etp'), {
        env: { ...process.env, PANORAMA_LANG: 'en' },
      }),
      (err: { stderr: string }) => /Invalid filter "etp"/.test(err.stderr),
    );
  } finally {
    await server.close();
  }
});
