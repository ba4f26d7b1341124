import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, Agent } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sqliteFile } from '../../src/store/connection.js';
import { startTestServer, tokenOf, type TestServer } from './helpers.js';

/**
 * An anonymous attacker walks every route of the OpenAPI document, under every method and many
 * spellings of its path (percent-encoded letters, case, `//`, dot segments, trailing slash...),
 * over a real socket so that no client normalises the path. Nothing may be read or changed:
 * every answer is 401/403/404/405 (non-canonical spellings: 404), and the database is unchanged.
 */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

interface Values {
  userId: string;
  structureId: string;
  surveyId: string;
  campaignId: string;
  token: string;
  publicToken: string;
}

function fill(path: string, v: Values): string {
  return path
    .replace(/^\/api\/users\/\{id\}/, `/api/users/${v.userId}`)
    .replace(/^\/api\/structures\/\{id\}/, `/api/structures/${v.structureId}`)
    .replace(/^\/api\/surveys\/\{id\}/, `/api/surveys/${v.surveyId}`)
    .replace('{id}', v.campaignId)
    .replace('{structureId}', v.structureId)
    .replace('{token}', v.token)
    .replace('{publicToken}', v.publicToken);
}

const definition = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] };
const csv = Buffer.from('id;nom;territoire\nCS62-900;Nouveau centre;Artois\n').toString('base64');
/** Payloads that an administrator's request would accept: a guard that fails shows as a change. */
function payloadFor(method: string, path: string, v: Values): unknown {
  const table: Record<string, unknown> = {
    'POST /api/auth/login': { email: 'admin@test.fr', password: 'mot-de-passe-de-test' },
    'POST /api/users': {
      email: 'pirate@test.fr',
      name: 'Pirate',
      role: 'admin',
      password: 'pirate-pirate-42',
    },
    'PATCH /api/users/{id}': { role: 'viewer', disabled: true },
    'POST /api/users/{id}/password-reset': { mode: 'temporary' },
    'POST /api/auth/password': {
      currentPassword: 'mot-de-passe-de-test',
      newPassword: 'pirate-pirate-pirate',
    },
    'POST /api/auth/reset-password': { token: 'aucun-lien', newPassword: 'pirate-pirate-pirate' },
    'POST /api/territories': { name: 'Pirates', level: 'territoire', parentId: 'demo-d-nord' },
    'PUT /api/structures/{id}': { name: 'Renommé' },
    'POST /api/structures/import/preview': { filename: 'r.csv', content: csv },
    'POST /api/structures/import': { filename: 'r.csv', content: csv },
    'POST /api/surveys': { definition },
    'POST /api/surveys/{id}/versions': { definition },
    'POST /api/campaigns': {
      name: 'Pirate',
      surveyId: v.surveyId,
      opensAt: '2026-01-01',
      closesAt: '2030-12-31',
      population: { territoryIds: ['demo-d-nord'] },
    },
    'PATCH /api/campaigns/{id}': { name: 'Renommée', closesAt: '2031-01-01', publicLink: true },
    'POST /api/campaigns/{id}/reminders': { structureIds: [v.structureId] },
    'PUT /api/campaigns/{id}/indicators': { indicators: { title: 'T', indicators: [], sections: [] } },
    'POST /api/campaigns/{id}/publish': { published: true },
    'PUT /api/respond/{token}/draft': { data: { pirate: 'pirate' } },
    'POST /api/respond/{token}/submit': { data: {}, submissionId: 'pirate-0001' },
  };
  return table[`${method} ${path}`] ?? {};
}

/**
 * Every other way of writing `path` that a router or a proxy might take for it. Upper-casing a
 * segment after the first names another resource (ids are case-sensitive): those spellings are
 * returned apart, as they may be refused (401) rather than not found.
 */
function spellings(path: string): { path: string; caseOnly: boolean }[] {
  const segments = path.split('/').slice(1);
  const out = new Set<string>();
  const caseOnly = new Set<string>();
  const join = (segs: string[]) => '/' + segs.join('/');
  const hex = (c: string) => '%' + c.charCodeAt(0).toString(16);
  segments.forEach((seg, i) => {
    const letter = seg.search(/[a-z]/i);
    if (letter >= 0) {
      for (const encode of [hex, (c: string) => hex(c).toUpperCase()]) {
        const s = [...segments];
        s[i] = seg.slice(0, letter) + encode(seg[letter]!) + seg.slice(letter + 1);
        out.add(join(s));
      }
      const s = [...segments];
      s[i] = seg.toUpperCase();
      (i === 0 ? out : caseOnly).add(join(s));
      s[i] = seg[0]!.toUpperCase() + seg.slice(1);
      (i === 0 ? out : caseOnly).add(join(s));
    }
    const doubled = [...segments];
    doubled.splice(i, 0, '');
    out.add(join(doubled));
    for (const dots of [['.'], ['x', '..'], ['%2e'], ['x', '%2e%2e'], ['x', '.%2E']]) {
      const s = [...segments];
      s.splice(i, 0, ...dots);
      out.add(join(s));
    }
  });
  out.add(join(segments.map((s) => [...s].map(hex).join(''))));
  out.add(path.toUpperCase());
  out.add('/' + path);
  out.add(path + '/');
  out.add(path + '/.');
  out.add(path + ';x=1');
  out.add(path.replace(/\//g, '%2F').replace(/^%2F/, '/'));
  out.add(path.replace(/\/(?=[^/]*$)/, '%2f'));
  out.add(path.replace(/\/(?=[^/]*$)/, '\\'));
  out.delete(path);
  caseOnly.delete(path);
  return [
    ...[...out].map((p) => ({ path: p, caseOnly: false })),
    ...[...caseOnly].filter((p) => !out.has(p)).map((p) => ({ path: p, caseOnly: true })),
  ];
}

let server: TestServer;
let port: number;
let values: Values;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Every row of every table, to prove that nothing changed. */
function snapshot(): string {
  const db = new BetterSqlite3(sqliteFile(server.dir), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    return JSON.stringify(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all()]));
  } finally {
    db.close();
  }
}

let routes: { method: string; path: string }[] = [];

before(async () => {
  // A built web app in the data folder: its catch-all route is what an odd spelling falls into.
  const webRoot = mkdtempSync(join(tmpdir(), 'panorama-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Panorama</title>');
  server = await startTestServer({ webRoot });
  const close = server.close;
  server.close = async () => {
    await close();
    rmSync(webRoot, { recursive: true, force: true });
  };
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as { port: number }).port;
  const openId = server.demo.openCampaign.id;
  const structures = await server.store.structures.list();
  const campaign = await server.store.campaigns.get(openId);
  const users = await server.store.users.list();
  values = {
    userId: users.find((u) => u.role === 'admin')!.id,
    structureId: structures[0]!.id,
    surveyId: (await server.store.surveys.list())[0]!.id,
    campaignId: openId,
    token: await tokenOf(server.store, openId, structures[0]!.id),
    publicToken: campaign?.publicToken ?? 'aucun-lien-public',
  };
  const doc = await send('GET', '/api/docs/json');
  const paths = (JSON.parse(doc.body) as { paths: Record<string, Record<string, unknown>> }).paths;
  routes = Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => m !== 'head')
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
after(async () => {
  agent.destroy();
  await server?.close();
});

describe('anonymous requests under every spelling', () => {
  test('the OpenAPI document lists the routes walked here', () => {
    assert.ok(routes.length >= 30, `only ${routes.length} routes documented`);
    assert.ok(routes.some((r) => r.path === '/api/users' && r.method === 'POST'));
  });

  test('no route reads or changes anything for an anonymous caller', async () => {
    const before = snapshot();
    const served: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const path = fill(route.path, values);
      const body = payloadFor(route.method, route.path, values);
      // Public and token routes legitimately answer their canonical spelling; the others must not.
      const tokenOrPublic =
        route.path.startsWith('/api/respond/') ||
        route.path.startsWith('/api/public/') ||
        ['/api/health', '/api/auth/login', '/api/auth/reset-password'].includes(route.path);
      const candidates = spellings(path);
      if (!tokenOrPublic) candidates.unshift({ path, caseOnly: true });
      for (const { path: spelling, caseOnly } of candidates) {
        for (const method of METHODS) {
          const withBody = !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(method);
          const res = await send(method, spelling, withBody ? body : undefined);
          requests++;
          const allowed = caseOnly ? [401, 403, 404, 405] : [404, 301, 308];
          if (!allowed.includes(res.status) || res.body.includes('admin@test.fr')) {
            served.push(`${method} ${spelling} → ${res.status} ${res.body.slice(0, 80)}`);
          }
        }
      }
    }
    assert.deepEqual(served, [], `${served.length} of ${requests} anonymous requests were served`);
    assert.ok(requests > 3000, `${requests} requests`);
    assert.equal(snapshot(), before, 'an anonymous request changed the database');
  });
});

describe('access decided on the matched route', () => {
  test('a route that declares no access is refused before its handler runs', async () => {
    const { createApp } = await import('../../src/server/index.js');
    const app = await createApp({ store: server.store, config: server.config, webRoot: false });
    let ran = false;
    app.post('/api/undeclared', async () => {
      ran = true;
      return { ok: true };
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/undeclared',
      headers: server.users.admin.headers,
    });
    await app.close();
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().error.code, 'access_undeclared');
    assert.equal(ran, false);
  });

  test('the OpenAPI document, its UI and the web app stay public', async () => {
    for (const path of ['/api/docs/json', '/api/docs', '/', '/campagnes', '/r/un-lien-personnel']) {
      const res = await send('GET', path);
      assert.ok([200, 302].includes(res.status), `${path} → ${res.status}`);
    }
  });

  test('a signed-in admin is still served on the canonical spelling, not on another', async () => {
    const ok = await server.request(server.users.admin, { method: 'GET', url: '/api/users' });
    assert.equal(ok.statusCode, 200);
    const other = await server.request(server.users.admin, { method: 'GET', url: '/%61pi/users' });
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, 'not_canonical_path');
  });
});
