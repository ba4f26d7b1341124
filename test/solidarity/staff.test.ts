/**
 * Accounts of a structure's staff (role "structure") on a real server (demo network): invited by
 * e-mail by an administrator or a correspondent, the link read from the outbox; every solidarity
 * route with the staff of the record's own structure (allowed) and of another structure (403 or
 * nothing of it); every other module refused; anonymous callers refused.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  startTestServer,
  structuresByDepartement,
  type Session,
  type TestServer,
} from '../server/helpers.js';
import { seedSolidarityCase } from './helpers.js';

let server: TestServer;
let nord: string;
let pdc: string;
let pdcCase: Awaited<ReturnType<typeof seedSolidarityCase>>;
/** Staff of the Pas-de-Calais structure that holds the seeded records, and of a Nord structure. */
let own: Session;
let other: Session;
const NEW_PASSWORD = 'une-phrase-de-passe-solide-2026';

/** The set-password link of the last invitation mailed to `email`, from the outbox. */
function invitationToken(email: string): string {
  const outbox = join(server.dir, 'outbox');
  const mails = readdirSync(outbox)
    .sort()
    .map((f) => readFileSync(join(outbox, f), 'utf8'))
    .filter((m) => m.includes(email) && m.includes('account-invitation'));
  assert.ok(mails.length > 0, `no invitation for ${email}`);
  // Quoted-printable may fold the link: unfold soft line breaks first.
  const text = mails
    .at(-1)!
    .replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=');
  const token = /\/reinitialiser#([A-Za-z0-9_-]+)/.exec(text)?.[1];
  assert.ok(token, 'no link in the invitation');
  return token;
}

async function invite(by: Session, structureId: string, email: string) {
  return server.request(by, {
    method: 'POST',
    url: `/api/solidarity/structures/${structureId}/staff`,
    payload: { email, name: `Équipe ${structureId}` },
  });
}

async function acceptInvitation(email: string): Promise<Session> {
  const reset = await server.request(undefined, {
    method: 'POST',
    url: '/api/auth/reset-password',
    payload: { token: invitationToken(email), newPassword: NEW_PASSWORD },
  });
  assert.equal(reset.statusCode, 200, reset.body);
  return server.login(email, NEW_PASSWORD);
}

before(async () => {
  server = await startTestServer();
  const ids = await structuresByDepartement(server.store);
  nord = ids.nord[0]!;
  pdc = ids.pdc[0]!;
  pdcCase = await seedSolidarityCase(server.store, pdc);
});
after(async () => server?.close());

describe('inviting a structure’s staff', () => {
  test('an administrator invites anywhere; the e-mailed link sets the password', async () => {
    const res = await invite(server.users.admin, pdc, 'equipe.pdc@test.fr');
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().user.role, 'structure');
    assert.equal(res.json().user.structureId, pdc);
    assert.equal(res.json().invitation.status, 'sent');
    assert.equal(res.json().password, undefined, 'no password shown to the inviter');
    own = await acceptInvitation('equipe.pdc@test.fr');
    const me = await server.request(own, { method: 'GET', url: '/api/auth/me' });
    assert.equal(me.json().user.structureId, pdc);
  });

  test('a correspondent invites for the structures of their territories only', async () => {
    const ok = await invite(server.users.nord, nord, 'equipe.nord@test.fr');
    assert.equal(ok.statusCode, 201, ok.body);
    other = await acceptInvitation('equipe.nord@test.fr');
    const refused = await invite(server.users.nord, pdc, 'intrus@test.fr');
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(await server.store.users.findByEmail('intrus@test.fr'), undefined);
    const list = await server.request(server.users.nord, {
      method: 'GET',
      url: `/api/solidarity/structures/${nord}/staff`,
    });
    assert.deepEqual(
      list.json().staff.map((u: { email: string }) => u.email),
      ['equipe.nord@test.fr'],
    );
    const unknown = await invite(server.users.admin, 'NOPE-1', 'x@test.fr');
    assert.equal(unknown.statusCode, 404, unknown.body);
  });

  test('viewers, staff and anonymous callers cannot invite or list', async () => {
    for (const session of [server.users.viewer, own]) {
      assert.equal((await invite(session, pdc, 'y@test.fr')).statusCode, 403);
      const list = await server.request(session, {
        method: 'GET',
        url: `/api/solidarity/structures/${pdc}/staff`,
      });
      assert.equal(list.statusCode, 403);
    }
    assert.equal((await invite(undefined as unknown as Session, pdc, 'z@test.fr')).statusCode, 401);
    const list = await server.request(undefined, {
      method: 'GET',
      url: `/api/solidarity/structures/${pdc}/staff`,
    });
    assert.equal(list.statusCode, 401);
  });
});

/** Every solidarity route: what the own structure's staff gets, and what another structure's staff gets. */
interface StaffCase {
  method: 'GET' | 'POST' | 'PUT';
  url: () => string;
  payload?: () => unknown;
  own: number;
  /** 403, or 200 with an answer that holds nothing of the Pas-de-Calais structure. */
  other: number | 'filtered';
}
const directory = {
  profile: { postalCode: '62300', phone: '03 21 00 00 00' },
  services: [
    {
      service: 'pret_materiel',
      hours: 'Tu,Th 14:00-17:00',
      access: 'sur_rendez_vous',
      public: 'seniors',
      description: 'Prêt de tablettes',
    },
  ],
};
const CASES: StaffCase[] = [
  { method: 'GET', url: () => '/api/solidarity/programmes', own: 200, other: 200 },
  {
    method: 'POST',
    url: () => '/api/solidarity/programmes',
    payload: () => ({ name: 'X', public: 'senior' }),
    own: 403,
    other: 403,
  },
  { method: 'GET', url: () => `/api/solidarity/structures/${pdc}/directory`, own: 200, other: 403 },
  {
    method: 'PUT',
    url: () => `/api/solidarity/structures/${pdc}/directory`,
    payload: () => directory,
    own: 200,
    other: 403,
  },
  { method: 'GET', url: () => '/api/solidarity/directory/problems', own: 403, other: 403 },
  {
    method: 'GET',
    url: () => `/api/solidarity/programmes/${pdcCase.programmeId}/households?structureId=${pdc}`,
    own: 200,
    other: 403,
  },
  {
    method: 'GET',
    url: () => `/api/solidarity/programmes/${pdcCase.programmeId}/households`,
    own: 200,
    other: 'filtered',
  },
  {
    method: 'POST',
    url: () => `/api/solidarity/programmes/${pdcCase.programmeId}/households`,
    payload: () => ({ households: [{ structureId: pdc, code: 'SEN-2', type: 'senior' }] }),
    own: 201,
    other: 403,
  },
  {
    method: 'GET',
    url: () => `/api/solidarity/programmes/${pdcCase.programmeId}/items?structureId=${pdc}`,
    own: 200,
    other: 403,
  },
  {
    method: 'GET',
    url: () => `/api/solidarity/programmes/${pdcCase.programmeId}/items`,
    own: 200,
    other: 'filtered',
  },
  {
    method: 'POST',
    url: () => `/api/solidarity/programmes/${pdcCase.programmeId}/items`,
    payload: () => ({ items: [{ structureId: pdc, code: 'TAB-2', category: 'tablette', source: 'don' }] }),
    own: 201,
    other: 403,
  },
  // Staff cannot push its equipment to another structure: that is the federation's move.
  {
    method: 'POST',
    url: () => `/api/solidarity/items/${pdcCase.itemId}/transfer`,
    payload: () => ({ structureId: nord }),
    own: 403,
    other: 403,
  },
  {
    method: 'POST',
    url: () => `/api/solidarity/allocations/${pdcCase.allocationId}/extend`,
    payload: () => ({ dueOn: '2026-09-10' }),
    own: 200,
    other: 403,
  },
  {
    method: 'POST',
    url: () => '/api/solidarity/support',
    payload: () => ({ householdId: pdcCase.householdId, type: 'visite_domicile', date: '2026-02-01' }),
    own: 201,
    other: 403,
  },
  {
    method: 'POST',
    url: () => `/api/solidarity/allocations/${pdcCase.allocationId}/return`,
    payload: () => ({ returnedOn: '2026-03-01', condition: 'bon' }),
    own: 200,
    other: 403,
  },
  { method: 'GET', url: () => '/api/solidarity/loans/overdue', own: 200, other: 'filtered' },
  {
    method: 'POST',
    url: () => '/api/solidarity/resources',
    payload: () => ({ structureId: pdc, type: 'tutoriel', title: 'Tuto tablette' }),
    own: 201,
    other: 403,
  },
  { method: 'GET', url: () => `/api/solidarity/report?structureId=${pdc}`, own: 200, other: 403 },
  { method: 'GET', url: () => '/api/solidarity/report', own: 200, other: 'filtered' },
  { method: 'POST', url: () => '/api/solidarity/purge', own: 403, other: 403 },
  { method: 'GET', url: () => `/api/solidarity/structures/${pdc}/staff`, own: 403, other: 403 },
];

describe('a structure’s staff on every solidarity route', () => {
  // The other structure's staff goes first: each refusal must leave the records as they were.
  test('another structure’s staff: 403, or lists without any of it', async () => {
    for (const c of CASES) {
      const res = await server.request(other, {
        method: c.method,
        url: c.url(),
        ...(c.payload ? { payload: c.payload() as object } : {}),
      });
      const label = `${c.method} ${c.url()}`;
      if (c.other === 'filtered') {
        assert.equal(res.statusCode, 200, `${label}: ${res.body}`);
        assert.ok(!res.body.includes(pdc), `${label} leaked the other structure`);
        assert.ok(!res.body.includes('SEN-1') && !res.body.includes('TAB-1'), `${label} leaked a record`);
      } else assert.equal(res.statusCode, c.other, `${label}: ${res.body}`);
    }
    assert.equal((await server.store.solidarity.getAllocation(pdcCase.allocationId))?.returnedOn, null);
    const report = await server.request(other, { method: 'GET', url: '/api/solidarity/report' });
    assert.equal(report.json().figures.find((f: { id: string }) => f.id === 'p_auth_prets').value, 0);
  });

  test('its own structure’s staff: allowed, in the order of the loan’s life', async () => {
    for (const c of CASES) {
      const res = await server.request(own, {
        method: c.method,
        url: c.url(),
        ...(c.payload ? { payload: c.payload() as object } : {}),
      });
      assert.equal(res.statusCode, c.own, `${c.method} ${c.url()}: ${res.body}`);
    }
    const households = await server.request(own, {
      method: 'GET',
      url: `/api/solidarity/programmes/${pdcCase.programmeId}/households?structureId=${pdc}`,
    });
    const codes = households.json().households.map((h: { code: string; contact?: string }) => h.code);
    assert.deepEqual(codes.sort(), ['SEN-1', 'SEN-2']);
    assert.ok(households.body.includes('06 11 22 33 44'), 'its own contacts are visible to the structure');
    const allocation = await server.store.solidarity.getAllocation(pdcCase.allocationId);
    assert.equal(allocation?.returnedOn, '2026-03-01');
    const report = await server.request(own, { method: 'GET', url: '/api/solidarity/report' });
    const figures = new Map(
      report.json().figures.map((f: { id: string; value: number }) => [f.id, f.value] as const),
    );
    assert.equal(figures.get('p_auth_prets'), 1);
  });

  test('the other staff’s view after the loan’s life: still nothing of it', async () => {
    const overdue = await server.request(other, { method: 'GET', url: '/api/solidarity/loans/overdue' });
    assert.deepEqual(overdue.json().overdue, []);
    const items = await server.request(other, {
      method: 'GET',
      url: `/api/solidarity/programmes/${pdcCase.programmeId}/items`,
    });
    assert.deepEqual(items.json(), { items: [], allocations: [] });
  });

  test('every other module refuses a structure’s staff', async () => {
    for (const [method, url] of [
      ['GET', '/api/structures'],
      ['GET', `/api/structures/${pdc}`],
      ['GET', '/api/territories'],
      ['GET', '/api/campaigns'],
      ['GET', '/api/surveys'],
      ['GET', '/api/users'],
    ] as const) {
      const res = await server.request(own, { method, url });
      assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
      assert.equal(res.json().error.code, 'forbidden');
    }
    const me = await server.request(own, { method: 'GET', url: '/api/auth/me' });
    assert.equal(me.statusCode, 200);
  });
});
