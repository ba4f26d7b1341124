import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, structuresByDepartement, type TestServer } from './helpers.js';
import { seedSolidarityCase } from '../solidarity/helpers.js';

/**
 * Every API route, with what a correspondent of Nord must get when aiming at Pas-de-Calais data:
 * 403, or an answer that contains no Pas-de-Calais structure. The table is checked against the
 * OpenAPI document so that a new route cannot be forgotten here.
 */
type Expect = 'forbidden' | 'filtered' | 'no-territorial-data' | 'token' | 'public';
interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  expect: Expect;
  url(ctx: Ctx): string;
  payload?(ctx: Ctx): unknown;
}
interface Ctx {
  pdcStructure: string;
  closedCampaign: string;
  surveyId: string;
  userId: string;
  solidarity?: { programmeId: string; householdId: string; itemId: string; allocationId: string };
}

const csv = Buffer.from('id;nom;territoire\nCS62-900;Nouveau centre;Artois\n').toString('base64');
const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/health', expect: 'public', url: () => '/api/health' },
  { method: 'GET', path: '/api/auth/me', expect: 'public', url: () => '/api/auth/me' },
  { method: 'POST', path: '/api/auth/login', expect: 'public', url: () => '/api/auth/login' },
  { method: 'POST', path: '/api/auth/logout', expect: 'public', url: () => '/api/auth/logout' },
  // Own password and reset links: any signed-in user / anyone with a link (test/server/accounts.test.ts).
  { method: 'POST', path: '/api/auth/password', expect: 'public', url: () => '/api/auth/password' },
  {
    method: 'POST',
    path: '/api/auth/reset-password',
    expect: 'public',
    url: () => '/api/auth/reset-password',
  },
  {
    method: 'POST',
    path: '/api/users/{id}/password-reset',
    expect: 'forbidden',
    url: (c) => `/api/users/${c.userId}/password-reset`,
    payload: () => ({ mode: 'link' }),
  },
  { method: 'GET', path: '/api/users', expect: 'forbidden', url: () => '/api/users' },
  {
    method: 'POST',
    path: '/api/users',
    expect: 'forbidden',
    url: () => '/api/users',
    payload: () => ({ email: 'x@test.fr', name: 'X', role: 'correspondent', territoryIds: ['demo-d-pdc'] }),
  },
  {
    method: 'PATCH',
    path: '/api/users/{id}',
    expect: 'forbidden',
    url: (c) => `/api/users/${c.userId}`,
    payload: () => ({ territoryIds: ['demo-d-pdc'] }),
  },
  { method: 'GET', path: '/api/territories', expect: 'filtered', url: () => '/api/territories' },
  {
    method: 'POST',
    path: '/api/territories',
    expect: 'forbidden',
    url: () => '/api/territories',
    payload: () => ({ name: 'Ternois', level: 'territoire', parentId: 'demo-d-pdc' }),
  },
  { method: 'GET', path: '/api/structures', expect: 'filtered', url: () => '/api/structures' },
  {
    method: 'GET',
    path: '/api/structures',
    expect: 'forbidden',
    url: () => '/api/structures?territory=demo-d-pdc',
  },
  {
    method: 'GET',
    path: '/api/structures/{id}',
    expect: 'forbidden',
    url: (c) => `/api/structures/${c.pdcStructure}`,
  },
  {
    method: 'PUT',
    path: '/api/structures/{id}',
    expect: 'forbidden',
    url: (c) => `/api/structures/${c.pdcStructure}`,
    payload: () => ({ name: 'Renommé' }),
  },
  {
    method: 'POST',
    path: '/api/structures/import/preview',
    expect: 'forbidden',
    url: () => '/api/structures/import/preview',
    payload: () => ({ filename: 'r.csv', content: csv }),
  },
  {
    method: 'POST',
    path: '/api/structures/import',
    expect: 'forbidden',
    url: () => '/api/structures/import',
    payload: () => ({ filename: 'r.csv', content: csv }),
  },
  // Reference geography (the official commune list), the same for every role.
  {
    method: 'GET',
    path: '/api/communes',
    expect: 'no-territorial-data',
    url: () => '/api/communes?q=lille',
  },
  { method: 'GET', path: '/api/surveys', expect: 'no-territorial-data', url: () => '/api/surveys' },
  {
    method: 'GET',
    path: '/api/surveys/{id}',
    expect: 'no-territorial-data',
    url: (c) => `/api/surveys/${c.surveyId}`,
  },
  {
    method: 'POST',
    path: '/api/surveys',
    expect: 'forbidden',
    url: () => '/api/surveys',
    payload: () => ({ definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] } }),
  },
  {
    method: 'POST',
    path: '/api/surveys/{id}/versions',
    expect: 'forbidden',
    url: (c) => `/api/surveys/${c.surveyId}/versions`,
    payload: () => ({ definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] } }),
  },
  {
    method: 'POST',
    path: '/api/surveys/import/preview',
    expect: 'forbidden',
    url: () => '/api/surveys/import/preview',
    payload: () => ({ filename: 's.json', content: Buffer.from('{"pages":[]}').toString('base64') }),
  },
  {
    method: 'POST',
    path: '/api/surveys/import',
    expect: 'forbidden',
    url: () => '/api/surveys/import',
    payload: () => ({ filename: 's.json', content: Buffer.from('{"pages":[]}').toString('base64') }),
  },
  // Questionnaire templates: admin only (they start a questionnaire in the editor).
  { method: 'GET', path: '/api/survey-templates', expect: 'forbidden', url: () => '/api/survey-templates' },
  {
    method: 'GET',
    path: '/api/survey-templates/{id}',
    expect: 'forbidden',
    url: () => '/api/survey-templates/enquete-flash',
  },
  { method: 'GET', path: '/api/campaigns', expect: 'filtered', url: () => '/api/campaigns' },
  {
    method: 'POST',
    path: '/api/campaigns',
    expect: 'forbidden',
    url: () => '/api/campaigns',
    payload: (c) => ({
      name: 'Flash',
      surveyId: c.surveyId,
      opensAt: '2026-01-01',
      closesAt: '2026-12-31',
      population: { territoryIds: ['demo-d-pdc'] },
    }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}',
    expect: 'filtered',
    url: (c) => `/api/campaigns/${c.closedCampaign}`,
  },
  {
    method: 'PATCH',
    path: '/api/campaigns/{id}',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}`,
    payload: () => ({ closesAt: '2030-01-01' }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/participation',
    expect: 'filtered',
    url: (c) => `/api/campaigns/${c.closedCampaign}/participation?by=departement`,
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/non-respondents.csv',
    expect: 'filtered',
    url: (c) => `/api/campaigns/${c.closedCampaign}/non-respondents.csv`,
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/reminders',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/reminders`,
    payload: (c) => ({ structureIds: [c.pdcStructure] }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/responses/{structureId}',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/responses/${c.pdcStructure}`,
  },
  ...(['json', 'html', 'csv', 'xlsx', 'docx', 'pdf'] as const).map((format): RouteCase => ({
    method: 'GET',
    path: '/api/campaigns/{id}/report',
    expect: 'filtered',
    url: (c) => `/api/campaigns/${c.closedCampaign}/report?format=${format}&by=departement`,
  })),
  ...(['csv', 'xlsx', 'r', 'spss'] as const).map((format): RouteCase => ({
    method: 'GET',
    path: '/api/campaigns/{id}/export',
    expect: 'filtered',
    url: (c) => `/api/campaigns/${c.closedCampaign}/export?format=${format}&values=labels`,
  })),
  {
    method: 'GET',
    path: '/api/campaigns/{id}/responses/{structureId}/answers.pdf',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/responses/${c.pdcStructure}/answers.pdf`,
  },
  { method: 'GET', path: '/api/respond/{token}', expect: 'token', url: () => '' },
  { method: 'PUT', path: '/api/respond/{token}/draft', expect: 'token', url: () => '' },
  { method: 'POST', path: '/api/respond/{token}/submit', expect: 'token', url: () => '' },
  { method: 'GET', path: '/api/respond/{token}/copy.pdf', expect: 'token', url: () => '' },
  { method: 'POST', path: '/api/public/{publicToken}/start', expect: 'token', url: () => '' },
  {
    method: 'PUT',
    path: '/api/campaigns/{id}/indicators',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/indicators`,
    payload: () => ({ indicators: { title: 'T', indicators: [], sections: [] } }),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/publish',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/publish`,
    payload: () => ({ published: true }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/brochure',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/brochure?territory=Pas-de-Calais&level=departement`,
  },
  { method: 'GET', path: '/api/respond/{token}/sheet', expect: 'token', url: () => '' },
  // Publication settings hold no territorial data (indicator definitions only).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/publication',
    expect: 'no-territorial-data',
    url: (c) => `/api/campaigns/${c.closedCampaign}/publication`,
  },
  // Coherence rules are the administrators'; anomalies are scoped (test/coherence/server.test.ts).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/coherence-rules',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/coherence-rules`,
  },
  {
    method: 'PUT',
    path: '/api/campaigns/{id}/coherence-rules',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/coherence-rules`,
    payload: () => ({ rules: [] }),
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/anomalies',
    expect: 'filtered',
    url: (c) => `/api/campaigns/${c.closedCampaign}/anomalies`,
  },
  // Review of answers (test/review/server.test.ts covers the cycle).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/review',
    expect: 'filtered',
    url: (c) => `/api/campaigns/${c.closedCampaign}/review`,
  },
  {
    method: 'GET',
    path: '/api/campaigns/{id}/review/{structureId}',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/review/${c.pdcStructure}`,
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/review/{structureId}/validate',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/review/${c.pdcStructure}/validate`,
    payload: () => ({ revision: 1 }),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/review/{structureId}/request-correction',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/review/${c.pdcStructure}/request-correction`,
    payload: () => ({ revision: 1, message: 'Budget ?', questions: [] }),
  },
  // Campaign mail: texts, invitations and schedule are the administrators'; the page and the
  // preview are scoped (test/server/campaign-mail.test.ts).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/mail',
    expect: 'filtered',
    url: (c) => `/api/campaigns/${c.closedCampaign}/mail`,
  },
  {
    method: 'PUT',
    path: '/api/campaigns/{id}/mail/templates',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/mail/templates`,
    payload: () => ({}),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/mail/preview',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/mail/preview`,
    payload: (c) => ({ kind: 'invitation', structureId: c.pdcStructure }),
  },
  {
    method: 'POST',
    path: '/api/campaigns/{id}/mail/invitations',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/mail/invitations`,
    payload: () => ({}),
  },
  {
    method: 'PUT',
    path: '/api/campaigns/{id}/mail/schedule',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/mail/schedule`,
    payload: () => ({ daysBefore: [2] }),
  },
  // Digital solidarity (test/solidarity/routes.test.ts covers each one further).
  ...(['directory', 'directory/export', 'resources', 'report'] as const).map((p): RouteCase => ({
    method: 'GET',
    path: `/api/public/solidarity/${p}`,
    expect: 'public',
    url: () => `/api/public/solidarity/${p}`,
  })),
  {
    method: 'GET',
    path: '/api/solidarity/structures/{id}/directory',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/structures/${c.pdcStructure}/directory`,
  },
  {
    method: 'PUT',
    path: '/api/solidarity/structures/{id}/directory',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/structures/${c.pdcStructure}/directory`,
    payload: () => ({ services: [] }),
  },
  {
    method: 'GET',
    path: '/api/solidarity/directory/problems',
    expect: 'forbidden',
    url: () => '/api/solidarity/directory/problems',
  },
  {
    method: 'GET',
    path: '/api/solidarity/programmes',
    expect: 'no-territorial-data',
    url: () => '/api/solidarity/programmes',
  },
  {
    method: 'POST',
    path: '/api/solidarity/programmes',
    expect: 'forbidden',
    url: () => '/api/solidarity/programmes',
    payload: () => ({ name: 'P', public: 'senior' }),
  },
  {
    method: 'GET',
    path: '/api/solidarity/programmes/{id}/households',
    expect: 'filtered',
    url: (c) => `/api/solidarity/programmes/${c.solidarity?.programmeId}/households`,
  },
  {
    method: 'GET',
    path: '/api/solidarity/programmes/{id}/households',
    expect: 'forbidden',
    url: (c) =>
      `/api/solidarity/programmes/${c.solidarity?.programmeId}/households?structureId=${c.pdcStructure}`,
  },
  {
    method: 'POST',
    path: '/api/solidarity/programmes/{id}/households',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/programmes/${c.solidarity?.programmeId}/households`,
    payload: (c) => ({ households: [{ structureId: c.pdcStructure, code: 'X', type: 'senior' }] }),
  },
  {
    method: 'GET',
    path: '/api/solidarity/programmes/{id}/items',
    expect: 'filtered',
    url: (c) => `/api/solidarity/programmes/${c.solidarity?.programmeId}/items`,
  },
  {
    method: 'POST',
    path: '/api/solidarity/programmes/{id}/items',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/programmes/${c.solidarity?.programmeId}/items`,
    payload: (c) => ({
      items: [{ structureId: c.pdcStructure, code: 'X', category: 'tablette', source: 'don' }],
    }),
  },
  {
    method: 'POST',
    path: '/api/solidarity/items/{id}/transfer',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/items/${c.solidarity?.itemId}/transfer`,
    payload: (c) => ({ structureId: c.pdcStructure }),
  },
  {
    method: 'POST',
    path: '/api/solidarity/allocations',
    expect: 'forbidden',
    url: () => '/api/solidarity/allocations',
    payload: (c) => ({
      itemId: c.solidarity?.itemId,
      householdId: c.solidarity?.householdId,
      mode: 'don',
      date: '2026-02-01',
    }),
  },
  {
    method: 'POST',
    path: '/api/solidarity/allocations/{id}/return',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/allocations/${c.solidarity?.allocationId}/return`,
    payload: () => ({ returnedOn: '2026-02-01' }),
  },
  {
    method: 'POST',
    path: '/api/solidarity/allocations/{id}/extend',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/allocations/${c.solidarity?.allocationId}/extend`,
    payload: () => ({ dueOn: '2027-02-01' }),
  },
  {
    method: 'GET',
    path: '/api/solidarity/loans/overdue',
    expect: 'filtered',
    url: () => '/api/solidarity/loans/overdue',
  },
  {
    method: 'POST',
    path: '/api/solidarity/support',
    expect: 'forbidden',
    url: () => '/api/solidarity/support',
    payload: (c) => ({ householdId: c.solidarity?.householdId, type: 'appel', date: '2026-02-01' }),
  },
  {
    method: 'POST',
    path: '/api/solidarity/resources',
    expect: 'forbidden',
    url: () => '/api/solidarity/resources',
    payload: (c) => ({ structureId: c.pdcStructure, type: 'tutoriel', title: 'T' }),
  },
  { method: 'GET', path: '/api/solidarity/report', expect: 'filtered', url: () => '/api/solidarity/report' },
  {
    method: 'GET',
    path: '/api/solidarity/report',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/report?structureId=${c.pdcStructure}`,
  },
  { method: 'POST', path: '/api/solidarity/purge', expect: 'forbidden', url: () => '/api/solidarity/purge' },
  // A structure's staff accounts (test/solidarity/staff.test.ts covers the staff role on every route).
  {
    method: 'GET',
    path: '/api/solidarity/structures/{id}/staff',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/structures/${c.pdcStructure}/staff`,
  },
  {
    method: 'POST',
    path: '/api/solidarity/structures/{id}/staff',
    expect: 'forbidden',
    url: (c) => `/api/solidarity/structures/${c.pdcStructure}/staff`,
    payload: () => ({ email: 'equipe@test.fr', name: 'Équipe' }),
  },
  // Deletion, archiving and demo removal: administrators only (test/server/archive.test.ts).
  {
    method: 'GET',
    path: '/api/archive/{kind}/{id}',
    expect: 'forbidden',
    url: (c) => `/api/archive/structure/${c.pdcStructure}`,
  },
  {
    method: 'POST',
    path: '/api/archive/{kind}/{id}/remove',
    expect: 'forbidden',
    url: (c) => `/api/archive/structure/${c.pdcStructure}/remove`,
  },
  {
    method: 'POST',
    path: '/api/archive/{kind}/{id}/restore',
    expect: 'forbidden',
    url: (c) => `/api/archive/campaign/${c.closedCampaign}/restore`,
  },
  { method: 'GET', path: '/api/demo', expect: 'forbidden', url: () => '/api/demo' },
  { method: 'POST', path: '/api/demo/remove', expect: 'forbidden', url: () => '/api/demo/remove' },
  // Campaign archives: administrators only (test/campaign-archive/archive.test.ts).
  {
    method: 'GET',
    path: '/api/campaigns/{id}/archive',
    expect: 'forbidden',
    url: (c) => `/api/campaigns/${c.closedCampaign}/archive`,
  },
  {
    method: 'POST',
    path: '/api/campaign-archives/preview',
    expect: 'forbidden',
    url: () => '/api/campaign-archives/preview',
  },
  {
    method: 'POST',
    path: '/api/campaign-archives',
    expect: 'forbidden',
    url: () => '/api/campaign-archives',
  },
  // Personal data: administrators only (test/privacy/routes.test.ts covers each one further).
  { method: 'GET', path: '/api/privacy/register', expect: 'forbidden', url: () => '/api/privacy/register' },
  {
    method: 'GET',
    path: '/api/privacy/register/download',
    expect: 'forbidden',
    url: () => '/api/privacy/register/download?format=csv',
  },
  {
    method: 'PUT',
    path: '/api/privacy/retention',
    expect: 'forbidden',
    url: () => '/api/privacy/retention',
    payload: () => ({ audit: 60 }),
  },
  {
    method: 'POST',
    path: '/api/privacy/purge',
    expect: 'forbidden',
    url: () => '/api/privacy/purge',
    payload: () => ({ dryRun: true }),
  },
  {
    method: 'POST',
    path: '/api/privacy/person/export',
    expect: 'forbidden',
    url: () => '/api/privacy/person/export',
    payload: () => ({ email: 'admin@test.fr' }),
  },
  {
    method: 'POST',
    path: '/api/privacy/person/erase',
    expect: 'forbidden',
    url: () => '/api/privacy/person/erase',
    payload: () => ({ email: 'viewer@test.fr', confirm: 'viewer@test.fr' }),
  },
  { method: 'GET', path: '/api/privacy/audit', expect: 'forbidden', url: () => '/api/privacy/audit' },
  // The federation's identity (test/identity/routes.test.ts): read by anyone, set by administrators.
  { method: 'GET', path: '/api/public/identity', expect: 'public', url: () => '/api/public/identity' },
  {
    method: 'GET',
    path: '/api/public/identity/logo',
    expect: 'public',
    url: () => '/api/public/identity/logo',
  },
  {
    method: 'PUT',
    path: '/api/identity',
    expect: 'forbidden',
    url: () => '/api/identity',
    payload: () => ({
      name: 'Fédération',
      primaryColour: '#0b2f5e',
      secondaryColour: '#1d4f91',
      contact: { address: '', email: '', phone: '', website: '' },
      accessibility: {
        conformity: 'none',
        rate: null,
        auditDate: '',
        auditor: '',
        nonCompliant: '',
        statementDate: '',
      },
    }),
  },
  {
    method: 'PUT',
    path: '/api/identity/logo',
    expect: 'forbidden',
    url: () => '/api/identity/logo',
    payload: () => ({
      filename: 'logo.svg',
      content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
    }),
  },
  {
    method: 'POST',
    path: '/api/identity/logo/remove',
    expect: 'forbidden',
    url: () => '/api/identity/logo/remove',
  },
];

let server: TestServer;
let ctx: Ctx;
let pdcIds: string[];
let nordIds: string[];

before(async () => {
  server = await startTestServer();
  const { nord, pdc } = await structuresByDepartement(server.store);
  nordIds = nord;
  pdcIds = pdc;
  const surveys = await server.store.surveys.list();
  const users = await server.store.users.list();
  ctx = {
    pdcStructure: pdc[0]!,
    closedCampaign: server.demo.closedCampaign.id,
    surveyId: surveys[0]!.id,
    userId: users.find((u) => u.email === 'viewer@test.fr')!.id,
    solidarity: await seedSolidarityCase(server.store, pdc[0]!),
  };
});
after(async () => server?.close());

const containsPdc = (body: string) => pdcIds.some((id) => body.includes(id));

describe('route table', () => {
  test('covers every route of the OpenAPI document', async () => {
    const res = await server.request(undefined, { method: 'GET', url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json<{ paths: Record<string, Record<string, unknown>> }>();
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== 'head')
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    const missing = documented.filter((r) => !covered.has(r));
    assert.deepEqual(missing, [], 'routes without an authorization case');
    assert.ok(documented.length >= 30, `only ${documented.length} routes documented`);
  });
});

describe('a correspondent of Nord never reaches Pas-de-Calais data', () => {
  for (const route of ROUTES.filter((r) => r.expect === 'forbidden' || r.expect === 'filtered')) {
    test(`${route.method} ${route.url({ pdcStructure: 'PDC', closedCampaign: 'C', surveyId: 'S', userId: 'U' })}`, async () => {
      const res = await server.request(server.users.nord, {
        method: route.method,
        url: route.url(ctx),
        ...(route.payload ? { payload: route.payload(ctx) as object } : {}),
      });
      if (route.expect === 'forbidden') {
        assert.equal(res.statusCode, 403, res.body);
        assert.ok(['forbidden', 'territory_out_of_scope'].includes(res.json().error.code), res.body);
        assert.match(res.json().error.message, /\p{L}/u);
        return;
      }
      assert.equal(res.statusCode, 200, res.body);
      const type = String(res.headers['content-type']);
      if (/json|html|csv/.test(type)) {
        assert.equal(containsPdc(res.body), false, 'a Pas-de-Calais structure id leaked');
        assert.equal(res.body.includes('demo-d-pdc') && !route.path.includes('territories'), false);
      }
    });
  }

  test('lists, counts and reports are restricted to Nord', async () => {
    const structures = await server.request(server.users.nord, { method: 'GET', url: '/api/structures' });
    assert.deepEqual(
      structures
        .json()
        .structures.map((s: { id: string }) => s.id)
        .sort(),
      [...nordIds].sort(),
    );
    const territories = await server.request(server.users.nord, { method: 'GET', url: '/api/territories' });
    const names = territories.json().territories.map((t: { name: string }) => t.name);
    assert.ok(names.includes('Nord') && names.includes('Hauts-de-France'));
    assert.ok(!names.includes('Pas-de-Calais') && !names.includes('Artois'));

    const participation = await server.request(server.users.nord, {
      method: 'GET',
      url: `/api/campaigns/${ctx.closedCampaign}/participation?by=departement`,
    });
    const p = participation.json();
    assert.equal(p.population, nordIds.length);
    assert.deepEqual(
      p.byGroup.map((g: { group: string }) => g.group),
      ['Nord'],
    );
    const submittedNord = await server.store.responses.countSubmitted(ctx.closedCampaign, {
      structureIds: nordIds,
    });
    assert.equal(p.responses, submittedNord);

    const report = await server.request(server.users.nord, {
      method: 'GET',
      url: `/api/campaigns/${ctx.closedCampaign}/report?format=json`,
    });
    assert.equal(report.json().participation.population, nordIds.length);
    assert.equal(report.json().participation.responses, submittedNord);

    const campaign = await server.request(server.users.nord, {
      method: 'GET',
      url: `/api/campaigns/${ctx.closedCampaign}`,
    });
    assert.equal(campaign.json().campaign.invitations, nordIds.length);
    assert.equal(campaign.json().campaign.submitted, submittedNord);
  });

  test('the admin sees both départements', async () => {
    const p = await server.request(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${ctx.closedCampaign}/participation?by=departement`,
    });
    assert.deepEqual(
      p.json().byGroup.map((g: { group: string }) => g.group),
      ['Nord', 'Pas-de-Calais'],
    );
    assert.equal(p.json().population, nordIds.length + pdcIds.length);
  });
});

describe('roles and sessions', () => {
  const writes = ROUTES.filter((r) => r.method !== 'GET' && r.expect !== 'token' && r.expect !== 'public');

  for (const route of writes) {
    test(`viewer gets 403 on ${route.method} ${route.path}`, async () => {
      const res = await server.request(server.users.viewer, {
        method: route.method,
        url: route.url(ctx),
        ...(route.payload ? { payload: route.payload(ctx) as object } : {}),
      });
      assert.equal(res.statusCode, 403, res.body);
    });
  }

  for (const route of ROUTES.filter((r) => r.expect !== 'token' && r.expect !== 'public')) {
    test(`no session → 401 on ${route.method} ${route.path}`, async () => {
      const res = await server.request(undefined, {
        method: route.method,
        url: route.url(ctx),
        ...(route.payload ? { payload: route.payload(ctx) as object } : {}),
      });
      assert.equal(res.statusCode, 401, res.body);
      assert.equal(res.json().error.code, 'unauthenticated');
    });
  }

  test('a state-changing request without the CSRF header is refused and changes nothing', async () => {
    const { cookie } = server.users.admin.headers;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/territories',
      headers: { cookie: cookie! },
      payload: { name: 'Territoire CSRF', level: 'territoire', parentId: 'demo-d-nord' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'csrf');
    const wrong = await server.app.inject({
      method: 'POST',
      url: '/api/territories',
      headers: { cookie: cookie!, 'x-csrf-token': 'not-the-token' },
      payload: { name: 'Territoire CSRF', level: 'territoire', parentId: 'demo-d-nord' },
    });
    assert.equal(wrong.statusCode, 403);
    const names = (await server.store.territories.list()).map((t) => t.name);
    assert.ok(!names.includes('Territoire CSRF'));
  });

  test('a correspondent may edit a structure of their own territory', async () => {
    const res = await server.request(server.users.nord, {
      method: 'PUT',
      url: `/api/structures/${nordIds[0]}`,
      payload: { email: 'direction@exemple.fr' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await server.store.structures.get(nordIds[0]!))!.attributes.email, 'direction@exemple.fr');
    const move = await server.request(server.users.nord, {
      method: 'PUT',
      url: `/api/structures/${nordIds[0]}`,
      payload: { territoryId: 'demo-t-artois' },
    });
    assert.equal(move.statusCode, 403, 'moving a structure out of one’s territories');
  });
});
