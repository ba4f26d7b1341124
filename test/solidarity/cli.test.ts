import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliArgs } from '../support/cli.js';
import { fixtureDir, ROOT, SHARED_DIR, skipWithoutFixture } from '../support/shared.js';
import { expectedChecks, FIXTURE } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'panorama-solidarity-cli-'));
after(() => rmSync(out, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, cliArgs('solidarity', ...args), {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, PANORAMA_LANG: 'fr', PANORAMA_INTEROP_DIR: '' },
  });

describe('panorama solidarity', { skip: skipWithoutFixture(FIXTURE) }, () => {
  it('figures: every figure of expected.json, as {"figures":[{id,label,value,unit}]}', () => {
    const r = run('figures', fixtureDir(FIXTURE), '--config', join('examples', FIXTURE, 'figures.json'));
    assert.equal(r.status, 0, r.stderr);
    const { figures } = JSON.parse(r.stdout) as {
      figures: { id: string; label: string; value: number; unit: string }[];
    };
    for (const check of expectedChecks()) {
      const f = figures.find((x) => x.id === check.figure);
      assert.equal(f?.value, check.value, check.figure);
      assert.ok(f.label && f.unit);
    }
  });

  it('export: refuses with the list of structures lacking a required field', () => {
    const r = run('export', fixtureDir(FIXTURE), '--format', 'mednum-csv');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Martin-Martine & Guise \(CS-59-CAM\) » : il manque le SIRET ou le RNA/);
    assert.match(r.stderr, /manquent pour exporter l'annuaire/);
    assert.equal(r.stdout, '');
  });

  it('export --partial writes a valid (here empty) file and lists what was left out; --format is checked', () => {
    const file = join(out, 'mednum.csv');
    const r = run(
      'export',
      fixtureDir(FIXTURE),
      '--format',
      'mednum-csv',
      '--partial',
      '--out',
      file,
      '--schemas',
      join(SHARED_DIR, 'interop'),
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(file, 'utf8').split('\r\n')[0]?.split(',')[0], 'id');
    assert.match(r.stderr, /structures left out/);
    const bad = run('export', fixtureDir(FIXTURE), '--format', 'xml');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /mednum-csv, mednum-json, data-inclusion/);
  });
});
