import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => server?.close());

const participation = async (by: string) =>
  (
    await server.request(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${server.demo.closedCampaign.id}/participation?by=${by}`,
    })
  ).json();

test('participation groups by any territory level or structure attribute, and the groups add up', async () => {
  const submitted = server.demo.closedCampaign.submitted;
  for (const by of ['region', 'departement', 'territoire', 'type', 'qpv', 'manager_type', 'quartier']) {
    const p = await participation(by);
    assert.equal(p.population, 60, by);
    assert.equal(p.responses, submitted, by);
    assert.equal(
      p.byGroup.reduce((s: number, g: { population: number }) => s + g.population, 0),
      60,
      by,
    );
    assert.equal(
      p.byGroup.reduce((s: number, g: { responses: number }) => s + g.responses, 0),
      submitted,
      by,
    );
    for (const g of p.byGroup) assert.equal(g.rate, Math.round((g.responses / g.population) * 10000) / 100);
  }
  assert.deepEqual(
    (await participation('region')).byGroup.map((g: { group: string }) => g.group),
    ['Hauts-de-France'],
  );
  assert.deepEqual(
    (await participation('type')).byGroup.map((g: { group: string }) => g.group),
    ['CS', 'EVS'],
  );
  assert.deepEqual(
    (await participation('qpv')).byGroup.map((g: { group: string }) => g.group),
    ['non', 'oui'],
  );
  assert.equal((await participation('territoire')).byGroup.length, 6);
  assert.equal((await participation('inexistant')).byGroup[0].group, '(non renseigné)');
  const p = await participation('territoire');
  assert.equal(p.rate, Math.round((submitted / 60) * 10000) / 100);
  const rows = p.structures as { status: string; submittedAt: string | null; link: string }[];
  assert.equal(rows.filter((r) => r.status === 'submitted').length, submitted);
  assert.ok(rows.filter((r) => r.status === 'submitted').every((r) => r.submittedAt));
  assert.ok(rows.every((r) => /^http:\/\/panorama\.test\/r\/[A-Za-z0-9_-]{32,}$/.test(r.link)));
});

test('the report honours filters and breakdowns, and names an unknown key', async () => {
  const url = `/api/campaigns/${server.demo.closedCampaign.id}/report`;
  const artois = await server.request(server.users.admin, {
    method: 'GET',
    url: `${url}?format=json&where=territoire=Artois&by=type`,
  });
  assert.equal(artois.statusCode, 200, artois.body);
  const model = artois.json();
  const expected = (await participation('territoire')).byGroup.find(
    (g: { group: string }) => g.group === 'Artois',
  );
  assert.equal(model.participation.responses, expected.responses);
  assert.equal(model.method.by.key, 'type');
  assert.deepEqual(
    model.method.filters.map((f: { key: string; value: string }) => [f.key, f.value]),
    [['territoire', 'Artois']],
  );
  const unknown = await server.request(server.users.admin, {
    method: 'GET',
    url: `${url}?format=json&by=pointure`,
  });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.json().error.message, /pointure/);
  const malformed = await server.request(server.users.admin, {
    method: 'GET',
    url: `${url}?where=territoire`,
  });
  assert.equal(malformed.statusCode, 400);
  assert.match(malformed.json().error.message, /clé=valeur/);
  const csv = await server.request(server.users.admin, { method: 'GET', url: `${url}?format=csv` });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-disposition']), /attachment/);
  // Header line plus one line per submitted response.
  assert.equal(
    csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/).length,
    server.demo.closedCampaign.submitted + 1,
  );
});
