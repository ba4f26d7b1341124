/**
 * The public directory's pages (/public/solidarite) on a real server, anonymous: search by
 * commune or postal code and by service, "ouvert maintenant" at a Paris time computed by hand,
 * a place's page with its hours in French, the map, the open-data links, the embedded mode and
 * its frame policy, and escaping of what a structure typed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, structuresByDepartement, type TestServer } from '../server/helpers.js';

let server: TestServer;
let nord: string;
let pdc: string;

const get = (url: string) => server.request(undefined, { method: 'GET', url });

before(async () => {
  server = await startTestServer();
  const ids = await structuresByDepartement(server.store);
  nord = ids.nord[0]!;
  pdc = ids.pdc[0]!;
  const save = async (id: string, body: unknown) => {
    const res = await server.request(server.users.admin, {
      method: 'PUT',
      url: `/api/solidarity/structures/${id}/directory`,
      payload: body as object,
    });
    assert.equal(res.statusCode, 200, res.body);
  };
  await save(nord, {
    profile: { postalCode: '59400', commune: 'Cambrai', latitude: 50.176, longitude: 3.234 },
    services: [
      {
        service: 'accompagnement_scolaire',
        hours: 'Mo,We 10:00-12:00',
        access: 'accueil',
        public: 'familles',
        description: 'Aide aux devoirs <script>alert(1)</script>',
      },
      {
        service: 'demarches_en_ligne',
        hours: 'Mo,We 10:00-12:00',
        access: 'accueil',
        public: '',
        description: '',
      },
    ],
  });
  await save(pdc, {
    profile: { postalCode: '62300', commune: 'Lens' },
    services: [
      {
        service: 'pret_materiel',
        hours: 'Tu 14:00-17:00',
        access: 'sur_rendez_vous',
        public: '',
        description: '',
      },
    ],
  });
  // Monday 7 December 2026, 10:30 in Paris (UTC+1).
  server.clock.now = new Date('2026-12-07T09:30:00Z');
});
after(async () => server?.close());

describe('public directory of services', () => {
  test('lists every place with services, hours in French, open now, a map and the open-data links', async () => {
    const res = await get('/public/solidarite');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    const body = res.body;
    assert.match(body, /<h2 id="resultats">2 lieux<\/h2>/);
    assert.ok(body.includes('lundi et mercredi, 10 h – 12 h'));
    assert.ok(body.includes('mardi, 14 h – 17 h'), 'Lens hours');
    // Cambrai is open on Monday 10:30, Lens (Tuesday afternoons) is not.
    assert.equal((body.match(/class="status open"/g) ?? []).length, 1);
    assert.equal((body.match(/class="status closed"/g) ?? []).length, 1);
    assert.ok(body.includes('lundi 7 décembre à 10 h 30'));
    // One place has coordinates: one marker, and the other is said to be missing from the map.
    assert.equal((body.match(/<circle /g) ?? []).length, 1);
    assert.ok(body.includes('1 lieu sans coordonnées ne figure pas sur la carte'));
    assert.ok(body.includes('/api/public/solidarity/directory/export?format=mednum-csv'));
    assert.ok(body.includes('&lt;iframe src=&quot;http://panorama.test/public/solidarite?embed=1&quot;'));
    assert.ok(!body.includes('<script>alert'), 'what a structure typed is escaped');
    assert.ok(body.includes('<header class="site">'));
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  });

  test('search by postal code, commune, service and open now', async () => {
    const count = async (query: string) =>
      /<h2 id="resultats">(\d+|Aucun) lieu/.exec((await get(`/public/solidarite?${query}`)).body)?.[1] ?? '?';
    assert.equal(await count('q=59400'), '1');
    assert.equal(await count('q=594'), '1');
    assert.equal(await count('q=cambrai'), '1');
    assert.equal(await count('q=Lens'), '1');
    assert.equal(await count('q=Arras'), 'Aucun');
    assert.equal(await count('service=pret_materiel'), '1');
    assert.equal(await count('service=aide_alimentaire'), 'Aucun');
    assert.equal(await count('ouvert=1'), '1');
    assert.equal(await count('ouvert=1&service=pret_materiel'), 'Aucun');
    // An unknown service from an old link: no filter rather than an error.
    assert.equal(await count('service=inconnu'), '2');
    const open = await get('/public/solidarite?ouvert=1');
    assert.ok(
      open.body.includes('59400 Cambrai') && !open.body.includes('62300 Lens'),
      'Monday: Cambrai only',
    );
    assert.match(open.body, /<input type="checkbox" name="ouvert" value="1"\s+checked/);
    // On Tuesday at 15:00 the Lens place is the open one.
    server.clock.now = new Date('2026-12-08T14:00:00Z');
    const tuesday = await get('/public/solidarite?ouvert=1');
    assert.ok(
      tuesday.body.includes('62300 Lens') && !tuesday.body.includes('59400 Cambrai'),
      'Tuesday: Lens only',
    );
    server.clock.now = new Date('2026-12-07T09:30:00Z');
  });

  test('a place’s page: services, hours, access, contact; unknown places are 404', async () => {
    const res = await get(`/public/solidarite/${nord}`);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('Accompagnement scolaire'));
    assert.ok(res.body.includes('Aide aux démarches administratives en ligne'));
    assert.ok(res.body.includes('Accueil sans rendez-vous'));
    assert.ok(res.body.includes('59400 Cambrai'));
    assert.equal((res.body.match(/<h3 id="svc-/g) ?? []).length, 2);
    assert.equal((await get('/public/solidarite/INCONNU')).statusCode, 404);
  });

  test('embedded mode: no site chrome, links stay embedded, any site may frame it', async () => {
    const res = await get('/public/solidarite?embed=1');
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('<header class="site">') && !res.body.includes('<footer class="site">'));
    assert.ok(res.body.includes(`/public/solidarite/${encodeURIComponent(nord)}?embed=1`));
    assert.ok(res.body.includes('<input type="hidden" name="embed" value="1"'));
    assert.equal(res.headers['x-frame-options'], undefined);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors \*/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    const place = await get(`/public/solidarite/${nord}?embed=1`);
    assert.equal(place.headers['x-frame-options'], undefined);
    assert.ok(!place.body.includes('<header class="site">'));
  });
});
