import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helpers.js';

let http: TestServer;
let https: TestServer;
before(async () => {
  http = await startTestServer();
  https = await startTestServer({ baseUrl: 'https://panorama.example.org' });
});
after(async () => {
  await http?.close();
  await https?.close();
});

describe('security headers', () => {
  test('a strict Content-Security-Policy without inline script, on API answers, public pages and errors', async () => {
    for (const url of ['/api/health', '/public', '/api/users', '/%61pi/users']) {
      const res = await http.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy'] ?? '');
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, `${url}: ${csp}`);
      assert.match(csp, /script-src-attr 'none'/, url);
      assert.match(csp, /object-src 'none'/, url);
      assert.match(csp, /frame-ancestors 'self'/, url);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe/, url);
      assert.match(String(res.headers['permissions-policy']), /camera=\(\).*geolocation=\(\)/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
    }
  });

  test('HSTS only when BASE_URL is https', async () => {
    const plain = await http.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const secure = await https.app.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(secure.headers['strict-transport-security']), /max-age=31536000/);
  });

  test('API answers are never cached; the OpenAPI document may be', async () => {
    const api = await http.request(http.users.admin, { method: 'GET', url: '/api/users' });
    assert.equal(api.headers['cache-control'], 'no-store');
    const docs = await http.app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.notEqual(docs.headers['cache-control'], 'no-store');
  });
});
