/**
 * `panorama campaign export|import` through the real command: export by campaign name, a dry run
 * that prints the preview and writes nothing, the import, a second import refused (exit code and
 * French message, no stack trace), a damaged file refused.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { seedDemo } from '../../src/demo/index.js';
import { cliArgs } from '../support/cli.js';
import { countsOf } from './helpers.js';

function run(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, cliArgs('campaign', ...args, '--data-dir', dataDir), {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('panorama campaign export, import --dry-run, import, import again', async () => {
  const sourceDir = mkdtempSync(join(tmpdir(), 'panorama-carchive-cli-src-'));
  const targetDir = mkdtempSync(join(tmpdir(), 'panorama-carchive-cli-dst-'));
  const source = await openStore({ dataDir: sourceDir });
  await source.migrate();
  const demo = await seedDemo(source);
  const name = (await source.campaigns.get(demo.closedCampaign.id))!.name;
  await source.close();
  const target = await openStore({ dataDir: targetDir });
  await target.migrate();
  await target.close();

  const file = join(sourceDir, 'campagne.panorama-campaign.json.gz');
  const exported = run(sourceDir, 'export', name, '--out', file);
  assert.equal(exported.code, 0, exported.err);
  assert.match(exported.out, /Archive de « .+ » écrite/);
  assert.ok(existsSync(file));
  const refusedOut = run(sourceDir, 'export', name, '--out', file);
  assert.equal(refusedOut.code !== 0, true);
  assert.match(refusedOut.err, /existe déjà/);

  const countsBefore = await (async () => {
    const store = await openStore({ dataDir: targetDir });
    try {
      return await countsOf(store);
    } finally {
      await store.close();
    }
  })();
  const dry = run(targetDir, 'import', file, '--dry-run');
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /Aperçu \(rien n’est écrit\)/);
  assert.match(dry.out, new RegExp(`${demo.closedCampaign.submitted} envoyées`));
  assert.match(dry.out, /structures +: \d+ créées, 0 reconnues/);
  const store = await openStore({ dataDir: targetDir });
  try {
    assert.deepEqual(await countsOf(store), countsBefore, 'a dry run writes nothing');
  } finally {
    await store.close();
  }

  const imported = run(targetDir, 'import', file);
  assert.equal(imported.code, 0, imported.err);
  assert.match(imported.out, /Importée : « .+ », identifiant /);
  const again = run(targetDir, 'import', file);
  assert.notEqual(again.code, 0);
  assert.match(again.err, /déjà présente dans ce Panorama/);
  assert.doesNotMatch(again.err, /at .+\.ts:\d+/);

  const damaged = join(targetDir, 'abimee.panorama-campaign.json.gz');
  const bytes = readFileSync(file);
  writeFileSync(damaged, bytes.subarray(0, bytes.length - 40));
  const broken = run(targetDir, 'import', damaged);
  assert.notEqual(broken.code, 0);
  assert.match(broken.err, /endommagée/);
  assert.match(broken.err, /Rien n’a été importé/);
});
