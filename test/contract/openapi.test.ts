import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { z } from 'zod';
import { startTestServer, structuresByDepartement, tokenOf, type TestServer } from '../server/helpers.js';
import { DEMO_INDICATORS } from '../publication/demo-indicators.js';
import { BROCHURE_FORMATS as SERVER_BROCHURE_FORMATS } from '../../src/app/publication/brochure.js';
import { BROCHURE_FORMATS } from '../../src/contract/publication.js';
import { logoutResponse, sessionResponse } from '../../src/contract/auth.js';
import { createdUserResponse, userResponse, usersResponse } from '../../src/contract/users.js';
import { deepStrict, record, strictProblems, type Seen } from './strict.js';

/**
 * The HTTP contract (src/contract) describes what the routes really answer: every documented route
 * has a success response schema in the OpenAPI document, and the objects the handlers return for the
 * demo network fit their schema exactly — checked BEFORE serialization, with every object made strict,
 * so a field the handler returns but the contract forgets (which the serializer would silently drop
 * for the web app) fails here.
 */

describe('OpenAPI document', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  it('gives every route a success response schema (not "Default Response") and an error schema', async () => {
    const res = await server.request(undefined, { method: 'GET', url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json<{
      paths: Record<
        string,
        Record<
          string,
          {
            responses?: Record<
              string,
              { description?: string; content?: Record<string, { schema?: unknown }> }
            >;
          }
        >
      >;
    }>();
    const routes: string[] = [];
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (method === 'head') continue;
        const name = `${method.toUpperCase()} ${path}`;
        routes.push(name);
        const responses = operation.responses ?? {};
        const success = responses['200'] ?? responses['201'];
        const content = Object.values(success?.content ?? {});
        if (!success || success.description === 'Default Response' || content.length === 0)
          missing.push(name);
        else if (!content.every((c) => c.schema && Object.keys(c.schema).length > 0)) missing.push(name);
        if (!responses['4XX']?.content) missing.push(`${name} (4xx)`);
      }
    }
    assert.ok(routes.length >= 30, `only ${routes.length} routes documented`);
    const wired = routes.filter((r) => !missing.some((m) => m.startsWith(r + ' ') || m === r));
    console.log(`# routes with response schemas: ${wired.length}/${routes.length}`);
    assert.deepEqual(missing, [], 'routes without a response schema');
    assert.equal(wired.length, routes.length, 'every route has a response schema');
  });

  it('describes the success body of a JSON route as the contract does', async () => {
    const doc = (await server.request(undefined, { method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<
              string,
              { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }
            >;
          }
        >
      >;
    }>();
    const campaigns = doc.paths['/api/campaigns']!.get!.responses['200']!.content['application/json']!.schema;
    assert.ok(campaigns.properties?.campaigns, 'GET /api/campaigns describes { campaigns }');
    const pdf = doc.paths['/api/respond/{token}/copy.pdf']!.get!.responses['200']!.content;
    assert.ok(pdf['application/pdf'], 'the PDF copy is described as application/pdf');
  });

  it("the brochure formats of the contract are the server's", () => {
    assert.deepEqual([...BROCHURE_FORMATS], [...SERVER_BROCHURE_FORMATS]);
  });
});

describe('real answers of the demo network fit the contract exactly', () => {
  const seen: Seen[] = [];
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ beforeReady: record(seen) });
  });
  after(async () => server?.close());

  it('every JSON answer of the main routes validates against its strict schema', async () => {
    const { admin, nord } = server.users;
    const closed = server.demo.closedCampaign.id;
    const open = server.demo.openCampaign.id;
    const { nord: nordIds } = await structuresByDepartement(server.store);
    const structureId = nordIds[0]!;
    const call = async (
      session: typeof admin | undefined,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      payload?: unknown,
    ) => {
      const res = await server.request(session, { method, url, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 500, `${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };

    await call(undefined, 'GET', '/api/health');
    await call(admin, 'GET', '/api/territories');
    await call(nord, 'GET', '/api/territories');
    const territory = await call(admin, 'POST', '/api/territories', {
      name: 'Territoire du contrat',
      level: 'territoire',
      parentId: 'demo-d-nord',
    });
    assert.equal(territory.statusCode, 201);
    await call(admin, 'GET', '/api/structures');
    await call(nord, 'GET', '/api/structures?q=a');
    await call(admin, 'GET', `/api/structures/${structureId}`);
    await call(admin, 'PUT', `/api/structures/${structureId}`, { email: 'contrat@example.fr' });
    const surveys = await call(admin, 'GET', '/api/surveys');
    const surveyId = surveys.json<{ surveys: { id: string }[] }>().surveys[0]!.id;
    await call(admin, 'GET', `/api/surveys/${surveyId}`);
    const created = await call(admin, 'POST', '/api/surveys', {
      definition: { title: 'Contrat', pages: [{ name: 'p', elements: [{ type: 'text', name: 'q1' }] }] },
    });
    assert.equal(created.statusCode, 201);
    const newSurvey = created.json<{ survey: { id: string } }>().survey.id;
    await call(admin, 'POST', `/api/surveys/${newSurvey}/versions`, {
      definition: { title: 'Contrat 2', pages: [{ name: 'p', elements: [{ type: 'text', name: 'q2' }] }] },
    });
    await call(admin, 'GET', '/api/campaigns');
    await call(nord, 'GET', '/api/campaigns');
    await call(admin, 'GET', `/api/campaigns/${open}`);
    const campaign = await call(admin, 'POST', '/api/campaigns', {
      name: 'Campagne du contrat',
      surveyId: newSurvey,
      opensAt: '2020-01-01',
      closesAt: '2099-12-31',
      population: { territoryIds: ['demo-d-nord'], attributes: { type: 'CS' } },
      anonymousLink: true,
    });
    assert.equal(campaign.statusCode, 201);
    const newCampaign = campaign.json<{ campaign: { id: string; publicLink: string } }>().campaign;
    await call(admin, 'PATCH', `/api/campaigns/${newCampaign.id}`, { name: 'Campagne du contrat (2)' });
    await call(admin, 'GET', `/api/campaigns/${open}/participation`);
    await call(nord, 'GET', `/api/campaigns/${open}/participation?by=type`);
    await call(admin, 'POST', `/api/campaigns/${open}/reminders`, {});
    await call(admin, 'GET', `/api/campaigns/${closed}/responses/${structureId}`);
    const token = await tokenOf(server.store, open, structureId);
    await call(undefined, 'GET', `/api/respond/${token}`);
    await call(undefined, 'PUT', `/api/respond/${token}/draft`, { data: {} });
    await call(undefined, 'POST', `/api/respond/${token}/submit`, { data: {}, submissionId: 'contrat-0001' });
    const publicToken = newCampaign.publicLink.split('/p/')[1]!;
    const start = await call(undefined, 'POST', `/api/public/${publicToken}/start`);
    assert.equal(start.statusCode, 201);
    await call(admin, 'PUT', `/api/campaigns/${closed}/indicators`, { indicators: DEMO_INDICATORS });
    await call(admin, 'GET', `/api/campaigns/${closed}/publication`);
    const published = await call(admin, 'POST', `/api/campaigns/${closed}/publish`, { published: true });
    assert.equal(published.statusCode, 200, published.body);
    await call(admin, 'GET', `/api/campaigns/${closed}/publication`);
    const submitted = (await server.store.invitations.list(closed)).find(
      (i) => i.status === 'submitted' && i.structureId,
    )!;
    await call(undefined, 'GET', `/api/respond/${submitted.token}/sheet?format=json`);
    const csv = Buffer.from('id;nom;territoire\nCONTRAT-1;Centre du contrat;Lille\n').toString('base64');
    await call(admin, 'POST', '/api/structures/import/preview', { filename: 'r.csv', content: csv });
    await call(admin, 'POST', '/api/structures/import', { filename: 'r.csv', content: csv });
    await call(admin, 'POST', `/api/campaigns/${closed}/publish`, { published: false });
    // Errors fit the common error body too.
    assert.equal((await call(admin, 'GET', '/api/campaigns/nope')).statusCode, 404);
    assert.equal((await call(nord, 'POST', '/api/territories', { name: 'x', level: 'y' })).statusCode, 403);

    const { checked, problems } = strictProblems(seen);
    assert.deepEqual(problems, []);
    // Every route exercised above was checked against a zod schema (the PDF/CSV ones excepted).
    for (const expected of [
      'GET /api/health 200',
      'GET /api/territories 200',
      'POST /api/territories 201',
      'GET /api/structures 200',
      'PUT /api/structures/:id 200',
      'GET /api/surveys/:id 200',
      'POST /api/surveys/:id/versions 201',
      'GET /api/campaigns 200',
      'POST /api/campaigns 201',
      'PATCH /api/campaigns/:id 200',
      'GET /api/campaigns/:id/participation 200',
      'POST /api/campaigns/:id/reminders 200',
      'GET /api/campaigns/:id/responses/:structureId 200',
      'GET /api/respond/:token 200',
      'PUT /api/respond/:token/draft 200',
      'POST /api/public/:publicToken/start 201',
      'PUT /api/campaigns/:id/indicators 200',
      'GET /api/campaigns/:id/publication 200',
      'POST /api/campaigns/:id/publish 200',
      'POST /api/structures/import/preview 200',
      'POST /api/structures/import 200',
      'GET /api/campaigns/:id 404',
      'POST /api/territories 403',
    ]) {
      assert.ok(checked.has(expected), `${expected} was not checked (seen: ${[...checked].join(', ')})`);
    }
  });
});

describe('account answers (routes wired by src/server/auth and src/server/routes/users.ts) fit src/contract', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  it('login, me, logout, users list, creation and update', async () => {
    const strict = (schema: z.ZodType, body: unknown, what: string) => {
      const result = deepStrict(schema).safeParse(body);
      assert.ok(result.success, `${what}: ${result.error?.message}`);
    };
    const { admin } = server.users;
    const login = await server.request(undefined, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.fr', password: 'mot-de-passe-de-test' },
    });
    strict(sessionResponse, login.json(), 'POST /api/auth/login');
    strict(
      sessionResponse,
      (await server.request(admin, { method: 'GET', url: '/api/auth/me' })).json(),
      'me',
    );
    strict(
      usersResponse,
      (await server.request(admin, { method: 'GET', url: '/api/users' })).json(),
      'users',
    );
    const created = await server.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'contrat@test.fr', name: 'Contrat', role: 'viewer' },
    });
    assert.equal(created.statusCode, 201);
    strict(createdUserResponse, created.json(), 'POST /api/users');
    const id = created.json<{ user: { id: string } }>().user.id;
    const updated = await server.request(admin, {
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { name: 'Contrat 2' },
    });
    strict(userResponse, updated.json(), 'PATCH /api/users/:id');
    const session = await server.login('viewer@test.fr');
    const out = await server.request(session, { method: 'POST', url: '/api/auth/logout' });
    strict(logoutResponse, out.json(), 'logout');
  });
});
