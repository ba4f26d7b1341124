import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/server/index.js';
import { parseCampaignDate } from '../../src/app/dates.js';

test('defaults, then the config file, then the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-config-'));
  try {
    const file = join(dir, 'panorama.config.json');
    const none = loadConfig({ env: {}, file });
    assert.equal(none.port, 3000);
    assert.equal(none.host, '127.0.0.1');
    assert.equal(none.baseUrl, 'http://localhost:3000');
    assert.equal(none.dataDir, resolve('./data'));
    assert.equal(none.databaseUrl, undefined);
    writeFileSync(file, JSON.stringify({ port: 8080, mailFrom: 'Fédé <fede@example.org>' }));
    const fromFile = loadConfig({ env: {}, file });
    assert.equal(fromFile.port, 8080);
    assert.equal(fromFile.baseUrl, 'http://localhost:8080');
    const fromEnv = loadConfig({
      env: { PORT: '9000', BASE_URL: 'https://obs.example.org/', DATA_DIR: dir },
      file,
    });
    assert.equal(fromEnv.port, 9000);
    assert.equal(fromEnv.baseUrl, 'https://obs.example.org');
    assert.equal(fromEnv.mailFrom, 'Fédé <fede@example.org>');
    assert.equal(fromEnv.dataDir, dir);
    writeFileSync(file, '{ "port": ');
    assert.throws(
      () => loadConfig({ env: {}, file }),
      /panorama\.config\.json : JSON invalide ligne 1, colonne 11/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a wrong value names the environment variable', () => {
  assert.throws(
    () => loadConfig({ env: { PORT: 'abc', DATABASE_URL: 'mysql://x' }, file: '/nonexistent.json' }),
    (err: unknown) =>
      err instanceof ConfigError && /PORT/.test(err.message) && /DATABASE_URL/.test(err.message),
  );
});

test('campaign days are Europe/Paris days, across daylight saving time', () => {
  assert.equal(parseCampaignDate('2026-01-15', 'start')!.toISOString(), '2026-01-14T23:00:00.000Z');
  assert.equal(parseCampaignDate('2026-07-15', 'start')!.toISOString(), '2026-07-14T22:00:00.000Z');
  assert.equal(parseCampaignDate('2026-07-15', 'end')!.toISOString(), '2026-07-15T21:59:59.999Z');
  // 29 March 2026: clocks go forward at 02:00, the day starts in winter time and ends in summer time.
  assert.equal(parseCampaignDate('2026-03-29', 'start')!.toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(parseCampaignDate('2026-03-29', 'end')!.toISOString(), '2026-03-29T21:59:59.999Z');
  assert.equal(parseCampaignDate('2026-02-30', 'start'), undefined);
  assert.equal(parseCampaignDate('15/01/2026', 'start'), undefined);
  assert.equal(parseCampaignDate('2026-01-15T10:00:00Z', 'end')!.toISOString(), '2026-01-15T10:00:00.000Z');
});
