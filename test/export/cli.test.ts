import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cliArgs } from '../support/cli.js';
import { fixtureDir, skipWithoutFixture } from '../support/shared.js';
import { unzip } from './helpers.js';

const run = promisify(execFile);
const FIXTURE = 'observatoire-nord-2021';

test(
  'panorama export: a French CSV on standard output, an SPSS bundle to a file',
  { skip: skipWithoutFixture(FIXTURE) },
  async () => {
    const csv = await run(process.execPath, cliArgs('export', fixtureDir(FIXTURE), '--values', 'labels'));
    const lines = csv.stdout.replace(/^\ufeff/, '').split('\r\n');
    assert.match(lines[0]!, /^Identifiant de la réponse;Code de la structure;Structure;/);
    assert.match(lines[1]!, /;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};/);

    const out = join(mkdtempSync(join(tmpdir(), 'panorama-export-')), 'spss.zip');
    await run(process.execPath, cliArgs('export', fixtureDir(FIXTURE), '--format', 'spss', '--out', out));
    const files = unzip(readFileSync(out));
    assert.deepEqual([...files.keys()], ['reponses.dat', 'reponses.sps']);
    assert.equal(
      files.get('reponses.dat')!.toString('utf8').split('\r\n').filter(Boolean).length,
      lines.filter(Boolean).length,
    );

    await assert.rejects(
      run(process.execPath, cliArgs('export', fixtureDir(FIXTURE), '--format', 'sav')),
      (err: { code: number; stderr: string }) => {
        assert.equal(err.code, 2);
        assert.match(err.stderr, /csv/);
        return true;
      },
    );
  },
);
