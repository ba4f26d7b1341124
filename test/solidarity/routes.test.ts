/**
 * The solidarity routes on a real server (demo network: Nord, Pas-de-Calais): anonymous callers,
 * roles, and a correspondent of Nord against Pas-de-Calais records; the public directory.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, structuresByDepartement, type TestServer } from '../server/helpers.js';
import { seedSolidarityCase } from './helpers.js';

let server: TestServer;
let nord: string;
let pdc: string;
let pdcCase: Awaited<ReturnType<typeof seedSolidarityCase>>;

before(async () => {
  server = await startTestServer();
  const ids = await structuresByDepartement(server.store);
  nord = ids.nord[0]!;
  pdc = ids.pdc[0]!;
  pdcCase = await seedSolidarityCase(server.store, pdc);
  // Monday 7 December 2026, 10:30 in Paris (sessions opened again at that time).
  await moveClock(new Date('2026-12-07T09:30:00Z'));
});

async function moveClock(to: Date): Promise<void> {
  server.clock.now = to;
  server.users.admin = await server.login('admin@test.fr');
  server.users.nord = await server.login('nord@test.fr');
  server.users.viewer = await server.login('viewer@test.fr');
}
after(async () => server?.close());

const directory = {
  profile: { siretOrRna: '77567227200017', postalCode: '59400', phone: '03 27 00 00 00' },
  services: [
    {
      service: 'accompagnement_scolaire',
      hours: 'Mo,We 10:00-12:00',
      access: 'accueil',
      public: 'familles',
      description: 'Aide aux devoirs',
    },
    {
      service: 'demarches_en_ligne',
      hours: 'Mo,We 10:00-12:00',
      access: 'accueil',
      public: 'tous publics',
      description: '',
    },
  ],
};

describe('anonymous callers', () => {
  const privateRoutes: [string, string][] = [
    ['GET', '/api/solidarity/programmes'],
    ['POST', '/api/solidarity/programmes'],
    ['GET', '/api/solidarity/structures/X/directory'],
    ['PUT', '/api/solidarity/structures/X/directory'],
    ['GET', '/api/solidarity/directory/problems'],
    ['GET', '/api/solidarity/programmes/P/households'],
    ['POST', '/api/solidarity/programmes/P/households'],
    ['GET', '/api/solidarity/programmes/P/items'],
    ['POST', '/api/solidarity/programmes/P/items'],
    ['POST', '/api/solidarity/items/I/transfer'],
    ['POST', '/api/solidarity/allocations'],
    ['POST', '/api/solidarity/allocations/A/return'],
    ['POST', '/api/solidarity/allocations/A/extend'],
    ['GET', '/api/solidarity/loans/overdue'],
    ['POST', '/api/solidarity/support'],
    ['POST', '/api/solidarity/resources'],
    ['GET', '/api/solidarity/report'],
    ['POST', '/api/solidarity/purge'],
  ];
  for (const [method, url] of privateRoutes) {
    test(`${method} ${url} → 401`, async () => {
      const res = await server.request(undefined, {
        method: method,
        url,
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      assert.equal(res.statusCode, 401, res.body);
    });
  }

  test('public endpoints answer, with no household data', async () => {
    for (const url of [
      '/api/public/solidarity/directory',
      '/api/public/solidarity/directory/export?format=mednum-json',
      '/api/public/solidarity/resources',
      '/api/public/solidarity/report',
    ]) {
      const res = await server.request(undefined, { method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      assert.ok(!res.body.includes('SEN-1') && !res.body.includes('06 11 22 33 44'), url);
    }
    const report = await server.request(undefined, { method: 'GET', url: '/api/public/solidarity/report' });
    const lent = report.json().figures.find((f: { id: string }) => f.id === 'p_auth_prets');
    assert.equal(lent.value, null, 'one loan: below the threshold, withheld');
  });
});

describe('roles and scope', () => {
  test('a viewer reads but cannot edit a directory; a correspondent cannot create a programme', async () => {
    const read = await server.request(server.users.viewer, {
      method: 'GET',
      url: `/api/solidarity/structures/${nord}/directory`,
    });
    assert.equal(read.statusCode, 200, read.body);
    const put = await server.request(server.users.viewer, {
      method: 'PUT',
      url: `/api/solidarity/structures/${nord}/directory`,
      payload: directory,
    });
    assert.equal(put.statusCode, 403);
    const create = await server.request(server.users.nord, {
      method: 'POST',
      url: '/api/solidarity/programmes',
      payload: { name: 'X', public: 'famille' },
    });
    assert.equal(create.statusCode, 403);
    const problems = await server.request(server.users.nord, {
      method: 'GET',
      url: '/api/solidarity/directory/problems',
    });
    assert.equal(problems.statusCode, 403);
  });

  test('a correspondent of Nord never reaches the Pas-de-Calais records', async () => {
    const nordSession = server.users.nord;
    const attempts: [string, string, unknown?][] = [
      ['PUT', `/api/solidarity/structures/${pdc}/directory`, directory],
      ['GET', `/api/solidarity/structures/${pdc}/directory`],
      ['GET', `/api/solidarity/programmes/${pdcCase.programmeId}/households?structureId=${pdc}`],
      ['GET', `/api/solidarity/programmes/${pdcCase.programmeId}/items?structureId=${pdc}`],
      [
        'POST',
        `/api/solidarity/programmes/${pdcCase.programmeId}/households`,
        { households: [{ structureId: pdc, code: 'X1', type: 'senior' }] },
      ],
      [
        'POST',
        `/api/solidarity/programmes/${pdcCase.programmeId}/items`,
        { items: [{ structureId: pdc, code: 'X1', category: 'tablette', source: 'don' }] },
      ],
      ['POST', `/api/solidarity/items/${pdcCase.itemId}/transfer`, { structureId: nord }],
      ['POST', `/api/solidarity/allocations/${pdcCase.allocationId}/return`, { returnedOn: '2026-02-01' }],
      ['POST', `/api/solidarity/allocations/${pdcCase.allocationId}/extend`, { dueOn: '2027-02-01' }],
      [
        'POST',
        '/api/solidarity/support',
        { householdId: pdcCase.householdId, type: 'visite_domicile', date: '2026-02-01' },
      ],
      ['POST', '/api/solidarity/resources', { structureId: pdc, type: 'tutoriel', title: 'T' }],
      ['GET', `/api/solidarity/report?structureId=${pdc}`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await server.request(nordSession, {
        method: method,
        url,
        ...(payload ? { payload: payload } : {}),
      });
      assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
      assert.equal(res.json().error.code, 'forbidden');
    }
    // Lists of the whole scope are filtered: nothing of Pas-de-Calais.
    const households = await server.request(nordSession, {
      method: 'GET',
      url: `/api/solidarity/programmes/${pdcCase.programmeId}/households`,
    });
    assert.deepEqual(households.json().households, []);
    const overdue = await server.request(nordSession, {
      method: 'GET',
      url: '/api/solidarity/loans/overdue',
    });
    assert.deepEqual(overdue.json().overdue, []);
    const report = await server.request(nordSession, { method: 'GET', url: '/api/solidarity/report' });
    assert.equal(report.json().figures.find((f: { id: string }) => f.id === 'p_auth_prets').value, 0);
    // The loan is untouched.
    assert.equal((await server.store.solidarity.getAllocation(pdcCase.allocationId))?.returnedOn, null);
  });

  test('the Nord correspondent runs a programme in Nord; the public directory shows the service', async () => {
    const admin = server.users.admin;
    const nordSession = server.users.nord;
    const programme = await server.request(admin, {
      method: 'POST',
      url: '/api/solidarity/programmes',
      payload: {
        id: 'P-NORD',
        name: 'Tablettes pour les seniors',
        public: 'senior',
        partners: ['CARSAT'],
        retentionDays: 365,
      },
    });
    assert.equal(programme.statusCode, 201, programme.body);
    const saved = await server.request(nordSession, {
      method: 'PUT',
      url: `/api/solidarity/structures/${nord}/directory`,
      payload: directory,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().entry.hoursText, 'lundi et mercredi, 10 h – 12 h');
    const badHours = await server.request(nordSession, {
      method: 'PUT',
      url: `/api/solidarity/structures/${nord}/directory`,
      payload: { services: [{ ...directory.services[0], hours: 'lundi matin' }] },
    });
    assert.equal(badHours.statusCode, 422);
    assert.equal(badHours.json().error.code, 'solidarity_hours_invalid');

    const households = await server.request(nordSession, {
      method: 'POST',
      url: '/api/solidarity/programmes/P-NORD/households',
      payload: {
        households: [
          {
            structureId: nord,
            code: 'N-1',
            type: 'senior',
            targeted: true,
            contact: 'Mme X, 03 20 00 00 00',
          },
        ],
      },
    });
    assert.equal(households.statusCode, 201, households.body);
    const householdId = households.json().households[0].id;
    const items = await server.request(nordSession, {
      method: 'POST',
      url: '/api/solidarity/programmes/P-NORD/items',
      payload: {
        items: [
          {
            structureId: nord,
            code: 'T-1',
            category: 'tablette',
            source: 'achat',
            partner: 'CARSAT',
            receivedOn: '2026-11-02',
          },
        ],
      },
    });
    assert.equal(items.statusCode, 201, items.body);
    const loan = await server.request(nordSession, {
      method: 'POST',
      url: '/api/solidarity/allocations',
      payload: {
        itemId: items.json().items[0].id,
        householdId,
        mode: 'pret',
        date: '2026-11-03',
        dueOn: '2026-12-01',
      },
    });
    assert.equal(loan.statusCode, 201, loan.body);
    const visit = await server.request(nordSession, {
      method: 'POST',
      url: '/api/solidarity/support',
      payload: { householdId, type: 'visite_domicile', date: '2026-11-10', minutes: 60 },
    });
    assert.equal(visit.statusCode, 201, visit.body);
    const overdue = await server.request(nordSession, {
      method: 'GET',
      url: '/api/solidarity/loans/overdue',
    });
    assert.deepEqual(
      overdue.json().overdue.map((o: { household: string }) => o.household),
      ['N-1'],
    );
    const own = await server.request(nordSession, {
      method: 'GET',
      url: `/api/solidarity/programmes/P-NORD/households?structureId=${nord}`,
    });
    assert.equal(own.json().households[0].contact, 'Mme X, 03 20 00 00 00');
    const back = await server.request(nordSession, {
      method: 'POST',
      url: `/api/solidarity/allocations/${loan.json().allocation.id}/return`,
      payload: { returnedOn: '2026-12-05', condition: 'bon' },
    });
    assert.equal(back.statusCode, 200, back.body);
    const report = await server.request(admin, { method: 'GET', url: '/api/solidarity/report' });
    const get = (id: string) => report.json().figures.find((f: { id: string }) => f.id === id)?.value;
    assert.equal(get('p_nord_prets'), 1);
    assert.equal(get('p_nord_prets_rendus'), 1);
    assert.equal(get('p_nord_visites_domicile'), 1);

    const found = await server.request(undefined, {
      method: 'GET',
      url: '/api/public/solidarity/directory?service=accompagnement_scolaire&open=1',
    });
    const entry = found.json().entries.find((e: { id: string }) => e.id === nord);
    assert.ok(entry, found.body);
    assert.equal(entry.services[0].hours, 'Mo,We 10:00-12:00');
    assert.ok(!found.body.includes('N-1') && !found.body.includes('Mme X'));

    // Retention: a year later the contact is erased.
    await moveClock(new Date('2028-01-01T00:00:00Z'));
    const purge = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/solidarity/purge',
      payload: {},
    });
    assert.equal(purge.json().purged >= 1, true);
    const after = await server.request(server.users.nord, {
      method: 'GET',
      url: `/api/solidarity/programmes/P-NORD/households?structureId=${nord}`,
    });
    assert.equal(after.json().households[0].contact, null);
    await moveClock(new Date('2026-12-07T09:30:00Z'));
  });

  test('the public CSV export goes through the CSV writer and lists no incomplete structure', async () => {
    const res = await server.request(undefined, {
      method: 'GET',
      url: '/api/public/solidarity/directory/export?format=mednum-csv',
    });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    assert.match(String(res.headers['content-disposition']), /lieux-de-mediation-numerique\.csv/);
    const lines = res.body.trim().split('\r\n');
    assert.match(lines[0]!, /^id,pivot,nom,commune,code_postal/);
  });
});
