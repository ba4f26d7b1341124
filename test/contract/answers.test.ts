import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, structuresByDepartement, type TestServer } from '../server/helpers.js';
import { seedSolidarityCase } from '../solidarity/helpers.js';
import { record, strictProblems, type Seen } from './strict.js';

/**
 * Real answers of the routes wired last (accounts and passwords, survey import, solidarity,
 * coherence) fit their contract schema exactly, checked before serialization with every object
 * strict (see strict.ts): a field a handler returns but the contract forgets fails here.
 */
describe('accounts, survey import, solidarity and coherence answers fit the contract exactly', () => {
  const seen: Seen[] = [];
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ beforeReady: record(seen) });
  });
  after(async () => server?.close());

  it('every JSON answer validates against its strict schema', async () => {
    const { admin, nord } = server.users;
    const call = async (
      session: typeof admin | undefined,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      payload?: unknown,
    ) => {
      const res = await server.request(session, { method, url, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 400, `${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };

    // Accounts and passwords.
    await call(undefined, 'POST', '/api/auth/login', {
      email: 'admin@test.fr',
      password: 'mot-de-passe-de-test',
    });
    await call(admin, 'GET', '/api/auth/me');
    await call(admin, 'GET', '/api/users');
    const created = await call(admin, 'POST', '/api/users', {
      email: 'contrat@test.fr',
      name: 'Contrat',
      role: 'viewer',
    });
    const userId = created.json<{ user: { id: string } }>().user.id;
    await call(admin, 'PATCH', `/api/users/${userId}`, { name: 'Contrat 2' });
    const reset = await call(admin, 'POST', `/api/users/${userId}/password-reset`, { mode: 'link' });
    const token = new URL(reset.json<{ link: string }>().link).hash.slice(1);
    assert.ok(token, reset.body);
    const newPassword = 'Cerf-volant orange sur la dune 42';
    await call(undefined, 'POST', '/api/auth/reset-password', { token, newPassword });
    const own = await server.login('contrat@test.fr', newPassword);
    await call(own, 'POST', '/api/auth/password', {
      currentPassword: newPassword,
      newPassword: 'Lanterne bleue du phare 2026',
    });
    await call(await server.login('viewer@test.fr'), 'POST', '/api/auth/logout');

    // Survey import (JSON body, base64).
    const file = {
      filename: 'contrat.json',
      content: Buffer.from(
        JSON.stringify({ title: 'Import', pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] }),
      ).toString('base64'),
    };
    await call(admin, 'POST', '/api/surveys/import/preview', file);
    await call(admin, 'POST', '/api/surveys/import', file);

    // Coherence.
    const campaign = server.demo.closedCampaign.id;
    const rules = {
      rules: [{ id: 'etp', kind: 'range', question: 'etp_salaries', max: 5, severity: 'flag' }],
    };
    await call(admin, 'PUT', `/api/campaigns/${campaign}/coherence-rules`, rules);
    await call(admin, 'GET', `/api/campaigns/${campaign}/coherence-rules`);
    await call(admin, 'GET', `/api/campaigns/${campaign}/anomalies`);

    // Solidarity: a structure of Nord, its directory, a programme and its loans.
    const structureId = (await structuresByDepartement(server.store)).nord[0]!;
    const seeded = await seedSolidarityCase(server.store, structureId);
    const directory = `/api/solidarity/structures/${structureId}/directory`;
    await call(nord, 'PUT', directory, {
      profile: { siretOrRna: '77567227200017', postalCode: '59400', phone: '03 27 00 00 00' },
      services: [{ service: 'demarches_en_ligne', hours: 'Mo,We 10:00-12:00', access: 'accueil' }],
    });
    await call(nord, 'GET', directory);
    await call(undefined, 'GET', '/api/public/solidarity/directory');
    await call(undefined, 'GET', '/api/public/solidarity/directory/export?format=mednum-json');
    await call(admin, 'GET', '/api/solidarity/directory/problems');
    const programme = await call(admin, 'POST', '/api/solidarity/programmes', {
      name: 'Smartphones familles',
      public: 'famille',
    });
    const programmeId = programme.json<{ programme: { id: string } }>().programme.id;
    await call(admin, 'GET', '/api/solidarity/programmes');
    const households = await call(nord, 'POST', `/api/solidarity/programmes/${programmeId}/households`, {
      households: [{ structureId, code: 'FAM-1', type: 'famille', contact: '06 00 00 00 00' }],
    });
    const householdId = households.json<{ households: { id: string }[] }>().households[0]!.id;
    await call(
      nord,
      'GET',
      `/api/solidarity/programmes/${programmeId}/households?structureId=${structureId}`,
    );
    await call(admin, 'GET', `/api/solidarity/programmes/${programmeId}/households`);
    const items = await call(nord, 'POST', `/api/solidarity/programmes/${programmeId}/items`, {
      items: [{ structureId, code: 'TEL-1', category: 'smartphone', source: 'don' }],
    });
    const itemId = items.json<{ items: { id: string }[] }>().items[0]!.id;
    await call(nord, 'GET', `/api/solidarity/programmes/${programmeId}/items`);
    await call(nord, 'POST', `/api/solidarity/items/${itemId}/transfer`, { structureId });
    const loan = await call(nord, 'POST', '/api/solidarity/allocations', {
      itemId,
      householdId,
      mode: 'pret',
      date: '2026-01-10',
      dueOn: '2026-02-10',
    });
    const loanId = loan.json<{ allocation: { id: string } }>().allocation.id;
    await call(nord, 'POST', `/api/solidarity/allocations/${loanId}/extend`, { dueOn: '2026-03-10' });
    await call(nord, 'GET', '/api/solidarity/loans/overdue');
    await call(nord, 'POST', `/api/solidarity/allocations/${loanId}/return`, { returnedOn: '2026-03-01' });
    await call(nord, 'POST', '/api/solidarity/support', {
      householdId: seeded.householdId,
      type: 'appel',
      date: '2026-01-12',
      minutes: 20,
    });
    await call(nord, 'POST', '/api/solidarity/resources', {
      structureId,
      type: 'tutoriel',
      title: 'Créer une adresse e-mail',
      url: 'https://example.fr/tuto',
    });
    await call(undefined, 'GET', '/api/public/solidarity/resources');
    await call(nord, 'GET', '/api/solidarity/report');
    await call(undefined, 'GET', '/api/public/solidarity/report');
    await call(admin, 'POST', '/api/solidarity/purge');

    const { checked, problems } = strictProblems(seen);
    assert.deepEqual(problems, []);
    const expected = [
      'POST /api/auth/login 200',
      'GET /api/auth/me 200',
      'GET /api/users 200',
      'POST /api/users 201',
      'PATCH /api/users/:id 200',
      'POST /api/users/:id/password-reset 200',
      'POST /api/auth/reset-password 200',
      'POST /api/auth/password 200',
      'POST /api/auth/logout 200',
      'POST /api/surveys/import/preview 200',
      'POST /api/surveys/import 201',
      'PUT /api/campaigns/:id/coherence-rules 200',
      'GET /api/campaigns/:id/coherence-rules 200',
      'GET /api/campaigns/:id/anomalies 200',
      'PUT /api/solidarity/structures/:id/directory 200',
      'GET /api/solidarity/structures/:id/directory 200',
      'GET /api/public/solidarity/directory 200',
      'GET /api/solidarity/directory/problems 200',
      'POST /api/solidarity/programmes 201',
      'GET /api/solidarity/programmes 200',
      'POST /api/solidarity/programmes/:id/households 201',
      'GET /api/solidarity/programmes/:id/households 200',
      'POST /api/solidarity/programmes/:id/items 201',
      'GET /api/solidarity/programmes/:id/items 200',
      'POST /api/solidarity/items/:id/transfer 200',
      'POST /api/solidarity/allocations 201',
      'POST /api/solidarity/allocations/:id/extend 200',
      'GET /api/solidarity/loans/overdue 200',
      'POST /api/solidarity/allocations/:id/return 200',
      'POST /api/solidarity/support 201',
      'POST /api/solidarity/resources 201',
      'GET /api/public/solidarity/resources 200',
      'GET /api/solidarity/report 200',
      'GET /api/public/solidarity/report 200',
      'POST /api/solidarity/purge 200',
    ];
    for (const route of expected)
      assert.ok(checked.has(route), `${route} was not checked (seen: ${[...checked].join(', ')})`);
  });
});
