import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { DEMO_INDICATORS } from './demo-indicators.js';

type ErrorBody = { error: { code: string; message: string } };

describe('publication snapshots (in-process, real SQLite file)', () => {
  let server: TestServer;
  let closed: string;
  let open: string;
  const publish = (campaign: string, session = server.users.admin, headers: Record<string, string> = {}) =>
    server.request(session, {
      method: 'POST',
      url: `/api/campaigns/${campaign}/publish`,
      payload: { published: true },
      headers,
    });
  before(async () => {
    server = await startTestServer();
    closed = server.demo.closedCampaign.id;
    open = server.demo.openCampaign.id;
    await server.store.publications.setIndicators(closed, DEMO_INDICATORS, null);
    await server.store.publications.setIndicators(open, DEMO_INDICATORS, null);
  });
  after(() => server.close());

  it('refuses to publish an open campaign, in French and in English, and stores nothing', async () => {
    const fr = await publish(open);
    assert.equal(fr.statusCode, 409);
    const body = fr.json<ErrorBody>();
    assert.equal(body.error.code, 'publication_campaign_open');
    assert.match(body.error.message, /est encore ouverte \(jusqu'au .*\).*campagne close/);
    const en = await publish(open, server.users.admin, { 'accept-language': 'en' });
    assert.match(en.json<ErrorBody>().error.message, /is still open/);
    assert.deepEqual(await server.store.publications.listSnapshots(open), []);
    assert.equal((await server.store.publications.get(open))?.published, false);
    const page = await server.request(undefined, { method: 'GET', url: `/public/campagnes/${open}` });
    assert.equal(page.statusCode, 404);
  });

  it('refuses k below 3 with a clear message; k = 3 is accepted', async () => {
    const res = await server.request(server.users.admin, {
      method: 'PUT',
      url: `/api/campaigns/${closed}/indicators`,
      payload: { indicators: DEMO_INDICATORS, k: 2 },
    });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json<ErrorBody>().error.code, 'publication_k_too_small');
    assert.match(res.json<ErrorBody>().error.message, /k = 2 refusé.*au moins 3 structures/);
    assert.equal((await server.store.publications.get(closed))?.k, null, 'nothing stored');
    const three = await server.request(server.users.admin, {
      method: 'PUT',
      url: `/api/campaigns/${closed}/indicators`,
      payload: { indicators: DEMO_INDICATORS, k: 3 },
    });
    assert.equal(three.statusCode, 200, three.body);
    await server.store.publications.setIndicators(closed, DEMO_INDICATORS, null);
  });

  it('publishing is for administrators; anonymous callers and correspondents change nothing', async () => {
    assert.equal((await publish(closed, server.users.nord)).statusCode, 403);
    assert.equal((await publish(closed, server.users.viewer)).statusCode, 403);
    const anonymous = await server.request(undefined, {
      method: 'POST',
      url: `/api/campaigns/${closed}/publish`,
      payload: { published: true },
    });
    assert.equal(anonymous.statusCode, 401);
    assert.deepEqual(await server.store.publications.listSnapshots(closed), []);
    const json = await server.request(undefined, {
      method: 'GET',
      url: `/public/campagnes/${closed}/publication.json`,
    });
    assert.equal(json.statusCode, 404);
  });

  it('public pages serve the snapshot: a later submission or edit changes nothing published', async () => {
    const res = await publish(closed);
    assert.equal(res.statusCode, 200, res.body);
    const snapshot = res.json<{
      snapshot: { id: string; k: number; createdByName: string; responses: number };
    }>().snapshot;
    assert.equal(snapshot.k, 5);
    assert.equal(snapshot.createdByName, 'Admin');
    assert.equal(snapshot.responses, await server.store.responses.countSubmitted(closed));
    const state = await server.request(server.users.viewer, {
      method: 'GET',
      url: `/api/campaigns/${closed}/publication`,
    });
    assert.equal(state.json<{ snapshot: { id: string } }>().snapshot.id, snapshot.id);

    const urls = [
      `/public/campagnes/${closed}`,
      `/public/campagnes/${closed}/publication.json`,
      `/public/campagnes/${closed}/plaquette?format=json`,
      `/public/campagnes/${closed}/plaquette?territoire=demo-d-nord&format=json`,
      `/public/campagnes/${closed}/plaquette?territoire=demo-t-opale&format=html`,
    ];
    const read = async () =>
      Promise.all(
        urls.map(async (url) => {
          const r = await server.request(undefined, { method: 'GET', url });
          assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
          return r.body;
        }),
      );
    const done = (await server.store.invitations.list(closed, { status: ['submitted'] })).find(
      (i) => i.structureId,
    )!;
    const sheet = async () =>
      (
        await server.request(undefined, {
          method: 'GET',
          url: `/api/respond/${done.token}/sheet?format=json`,
        })
      ).body;
    const before = await read();
    const sheetBefore = await sheet();

    // One more structure answers (late entry by an administrator) and another one's answers change.
    const pending = (
      await server.store.invitations.list(closed, { status: ['not_started', 'in_progress'] })
    ).find((i) => i.structureId)!;
    await server.store.responses.submit(
      pending.id,
      { etp_salaries: 999, publics: ['familles'] },
      'late-entry-0001',
    );
    const existing = await server.store.responses.getByInvitation(done.id);
    await server.store.responses.submit(done.id, { ...existing!.data, etp_salaries: 500 }, 'edit-0001');
    const live = await server.request(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${closed}/brochure?format=json&audience=admin`,
    });
    assert.notEqual(
      live.json<{ responses: number }>().responses,
      snapshot.responses,
      'the live (internal) brochure does see the new answer',
    );
    assert.deepEqual(await read(), before, 'every public page is unchanged');
    assert.equal(await sheet(), sheetBefore, "the structure's sheet is unchanged");
    const network = JSON.parse(before[2]!) as { responses: number };
    assert.equal(network.responses, snapshot.responses);
  });
});

describe('brochure scope by territory id', () => {
  let server: TestServer;
  let closed: string;
  let moved: string;
  before(async () => {
    server = await startTestServer();
    closed = server.demo.closedCampaign.id;
    await server.store.publications.setIndicators(closed, DEMO_INDICATORS, null);
    // A Nord sub-territory named like the Pas-de-Calais "Artois", holding one Nord structure that answered.
    await server.store.territories.create({
      id: 'nord-artois',
      name: 'Artois',
      level: 'territoire',
      parentId: 'demo-d-nord',
    });
    const submitted = new Set(
      (await server.store.invitations.list(closed, { status: ['submitted'] })).map((i) => i.structureId),
    );
    const nord = await server.store.structures.list({ territoryIds: ['demo-d-nord'] });
    moved = nord.find((s) => submitted.has(s.id))!.id;
    await server.store.structures.update(moved, { territoryId: 'nord-artois' });
  });
  after(() => server.close());

  const brochure = (query: string) =>
    server.request(server.users.nord, {
      method: 'GET',
      url: `/api/campaigns/${closed}/brochure?format=json&audience=admin&${query}`,
    });

  it('a Nord correspondent never reaches the Pas-de-Calais Artois through the name they share', async () => {
    const byName = await brochure('territory=Artois&level=territoire');
    assert.equal(byName.statusCode, 409);
    assert.match(byName.json<ErrorBody>().error.message, /Plusieurs territoires .*Artois.*territoryId/);
    const other = await brochure('territoryId=demo-t-artois');
    assert.equal(other.statusCode, 403);
    assert.equal(other.json<ErrorBody>().error.code, 'territory_out_of_scope');
    const own = await brochure('territoryId=nord-artois');
    assert.equal(own.statusCode, 200, own.body);
    // Only the one Nord structure's answer, none of the Pas-de-Calais Artois.
    assert.equal(own.json<{ responses: number }>().responses, 1);
    const unknown = await brochure('territoryId=nowhere');
    assert.equal(unknown.statusCode, 404);
  });

  it('the snapshot keeps the two Artois apart, each with its own structures', async () => {
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: `/api/campaigns/${closed}/publish`,
      payload: { published: true },
    });
    assert.equal(res.statusCode, 200, res.body);
    const index = await server.request(undefined, {
      method: 'GET',
      url: `/public/campagnes/${closed}/publication.json`,
    });
    const cells = index.json<{ cells: { key: string; name: string; parent: string }[] }>().cells;
    assert.deepEqual(
      cells
        .filter((c) => c.name === 'Artois')
        .map((c) => [c.key, c.parent])
        .sort(),
      [
        ['demo-t-artois', 'demo-d-pdc'],
        ['nord-artois', 'demo-d-nord'],
      ],
    );
    const nordArtois = await server.request(undefined, {
      method: 'GET',
      url: `/public/campagnes/${closed}/plaquette?territoire=nord-artois&format=json`,
    });
    assert.equal(nordArtois.json<{ responses: number }>().responses, 1);
    const ambiguous = await server.request(undefined, {
      method: 'GET',
      url: `/public/campagnes/${closed}/plaquette?territoire=Artois&format=json`,
    });
    assert.equal(ambiguous.statusCode, 404, 'a shared name names no territory');
  });
});
