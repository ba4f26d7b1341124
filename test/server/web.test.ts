import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { openStore } from '../../src/store/index.js';
import { createApp, loadConfig } from '../../src/server/index.js';

test('serves the built web app: client routes get index.html, missing assets 404, pre-compressed assets', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-web-'));
  const webRoot = join(dir, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="fr"><title>Panorama</title></html>');
  const script = 'console.log("panorama");'.repeat(50);
  writeFileSync(join(webRoot, 'assets', 'app.js'), script);
  writeFileSync(join(webRoot, 'assets', 'app.js.br'), brotliCompressSync(script));
  const store = await openStore({ dataDir: dir });
  await store.migrate();
  const config = loadConfig({ env: {}, file: join(dir, 'none.json'), overrides: { dataDir: dir } });
  const app = await createApp({ store, config, webRoot });
  try {
    const page = await app.inject({ method: 'GET', url: '/campagnes/42' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>Panorama<\/title>/);

    const missing = await app.inject({ method: 'GET', url: '/assets/old-build.js' });
    assert.equal(missing.statusCode, 404);
    assert.doesNotMatch(missing.body, /<html/);

    const compressed = await app.inject({
      method: 'GET',
      url: '/assets/app.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    assert.equal(compressed.statusCode, 200);
    assert.equal(compressed.headers['content-encoding'], 'br');
    assert.ok(compressed.rawPayload.length < script.length);

    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(api.statusCode, 404);
    assert.match(api.json().error.message, /Route inconnue/);
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
