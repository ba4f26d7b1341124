import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, tokenOf, type TestServer } from './helpers.js';

/**
 * Deletion, archiving and demo removal over HTTP: the preview the confirmation dialog shows, the
 * 409 refusals worded in both languages, archived items hidden from lists (and the public
 * directory) unless asked, and the demo removed in one action.
 */
let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => server?.close());

const admin = () => server.users.admin;

describe('archive routes', () => {
  test('anonymous requests are refused with 401 and change nothing', async () => {
    const structure = (await server.store.structures.list())[0]!;
    for (const [method, url] of [
      ['GET', `/api/archive/structure/${structure.id}`],
      ['POST', `/api/archive/structure/${structure.id}/remove`],
      ['POST', `/api/archive/structure/${structure.id}/restore`],
      ['GET', '/api/demo'],
      ['POST', '/api/demo/remove'],
    ] as const) {
      const res = await server.request(undefined, { method, url });
      assert.equal(res.statusCode, 401, `${method} ${url}: ${res.body}`);
    }
    assert.ok(await server.store.structures.get(structure.id));
    assert.equal((await server.store.archive.demoRows()).length > 0, true);
  });

  test('a campaign with answers: the preview counts them, removal archives it, the list hides it', async () => {
    const id = server.demo.closedCampaign.id;
    const preview = await server.request(admin(), { method: 'GET', url: `/api/archive/campaign/${id}` });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.equal(preview.json().preview.action, 'archive');
    assert.equal(preview.json().preview.submitted, server.demo.closedCampaign.submitted);

    const removed = await server.request(admin(), {
      method: 'POST',
      url: `/api/archive/campaign/${id}/remove`,
    });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json().done, 'archived');
    const list = await server.request(admin(), { method: 'GET', url: '/api/campaigns' });
    assert.ok(!list.json().campaigns.some((c: { id: string }) => c.id === id));
    const all = await server.request(admin(), { method: 'GET', url: '/api/campaigns?archived=include' });
    assert.ok(all.json().campaigns.find((c: { id: string }) => c.id === id).archivedAt);
    const only = await server.request(admin(), { method: 'GET', url: '/api/campaigns?archived=only' });
    assert.deepEqual(
      only.json().campaigns.map((c: { id: string }) => c.id),
      [id],
    );
    // Its report still holds its answers.
    const report = await server.request(admin(), {
      method: 'GET',
      url: `/api/campaigns/${id}/report?format=json`,
    });
    assert.equal(report.json().participation.responses, server.demo.closedCampaign.submitted);

    const restored = await server.request(admin(), {
      method: 'POST',
      url: `/api/archive/campaign/${id}/restore`,
    });
    assert.equal(restored.json().done, 'restored');
    const back = await server.request(admin(), { method: 'GET', url: '/api/campaigns' });
    assert.ok(back.json().campaigns.some((c: { id: string }) => c.id === id));
  });

  test('an open campaign archived takes no more answers until it is restored', async () => {
    const campaign = server.demo.openCampaign;
    const invitation = (await server.store.invitations.list(campaign.id, { status: ['not_started'] }))[0]!;
    const draft = () =>
      server.request(undefined, {
        method: 'PUT',
        url: `/api/respond/${invitation.token}/draft`,
        payload: { data: {} },
      });
    assert.equal((await draft()).statusCode, 200);
    const removed = await server.request(admin(), {
      method: 'POST',
      url: `/api/archive/campaign/${campaign.id}/remove`,
    });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.ok((await server.store.campaigns.get(campaign.id))?.archivedAt);
    const refused = await draft();
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, 'campaign_closed');
    const form = await server.request(undefined, { method: 'GET', url: `/api/respond/${invitation.token}` });
    assert.equal(form.json().campaign.state, 'closed');
    const restored = await server.request(admin(), {
      method: 'POST',
      url: `/api/archive/campaign/${campaign.id}/restore`,
    });
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal((await draft()).statusCode, 200);
  });

  test('refusals are 409 with a reason, in French and English', async () => {
    const survey = (await server.store.surveys.list())[0]!;
    const fr = await server.request(admin(), {
      method: 'POST',
      url: `/api/archive/survey/${survey.id}/remove`,
    });
    assert.equal(fr.statusCode, 409, fr.body);
    assert.equal(fr.json().error.code, 'survey_in_use');
    assert.match(fr.json().error.message, /ne peut pas être supprimé : les campagnes/);
    const en = await server.request(admin(), {
      method: 'POST',
      url: '/api/archive/territory/demo-d-nord/remove',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(en.statusCode, 409);
    assert.match(
      en.json().error.message,
      /cannot be deleted: it still holds .*sub-territories.*user account/,
    );
    const missing = await server.request(admin(), { method: 'GET', url: '/api/archive/campaign/nope' });
    assert.equal(missing.statusCode, 404);
    const bad = await server.request(admin(), { method: 'POST', url: '/api/archive/territory/x/restore' });
    assert.equal(bad.statusCode, 400);
  });

  test('an archived structure leaves the registry list and the public directory', async () => {
    const [structure] = await server.store.structures.list({ search: 'Lille' });
    const res = await server.request(admin(), {
      method: 'POST',
      url: `/api/archive/structure/${structure!.id}/remove`,
    });
    assert.equal(res.json().done, 'archived', 'demo structures have answers');
    const list = await server.request(admin(), { method: 'GET', url: '/api/structures' });
    assert.ok(!list.json().structures.some((s: { id: string }) => s.id === structure!.id));
    const archived = await server.request(admin(), { method: 'GET', url: '/api/structures?archived=only' });
    assert.deepEqual(
      archived.json().structures.map((s: { id: string }) => s.id),
      [structure!.id],
    );
    const directory = await server.request(undefined, { method: 'GET', url: '/public/structures' });
    assert.equal(directory.statusCode, 200);
    assert.ok(!directory.body.includes(structure!.name.replace(/'/g, '&#39;')));
    const page = await server.request(undefined, {
      method: 'GET',
      url: `/public/structures/${structure!.id}`,
    });
    assert.equal(page.statusCode, 404);
    // Its old answers can still be opened by the federation through the reports.
    assert.ok(await tokenOf(server.store, server.demo.closedCampaign.id, structure!.id));
  });

  test('the demo data is removed in one action; the public directory then lists only real structures', async () => {
    const real = [
      { id: 'CS59-REEL-1', name: 'Centre social Réel Un' },
      { id: 'CS59-REEL-2', name: 'Centre social Réel Deux' },
    ];
    await server.store.structures.upsertMany(real);
    const status = await server.request(admin(), { method: 'GET', url: '/api/demo' });
    assert.equal(status.statusCode, 200, status.body);
    assert.equal(status.json().present, true);
    assert.equal(status.json().campaigns, 2);

    const viewer = await server.request(server.users.viewer, { method: 'POST', url: '/api/demo/remove' });
    assert.equal(viewer.statusCode, 403);
    const removed = await server.request(admin(), { method: 'POST', url: '/api/demo/remove' });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json().present, false);
    assert.equal(removed.json().structures, server.demo.structures);
    // The Nord correspondent's account is scoped to "Nord": that territory (and its region) stay.
    assert.deepEqual(
      removed.json().spared.map((x: { id: string; reason: string }) => `${x.id}:${x.reason}`),
      ['demo-d-nord:users', 'demo-r-hdf:used'],
    );

    const directory = await server.request(undefined, { method: 'GET', url: '/public/structures' });
    const listed = [...directory.body.matchAll(/href="\/public\/structures\/([^"?]+)"/g)].map((m) =>
      decodeURIComponent(m[1]!),
    );
    assert.deepEqual(listed.sort(), real.map((r) => r.id).sort());
    assert.deepEqual(
      (await server.store.structures.list()).map((s) => s.id).sort(),
      real.map((r) => r.id).sort(),
    );
    assert.deepEqual(await server.store.campaigns.list(), []);
    assert.deepEqual(await server.store.surveys.list(), []);
    assert.deepEqual(
      (await server.store.territories.list()).map((t) => t.id),
      ['demo-r-hdf', 'demo-d-nord'],
    );

    const again = await server.request(admin(), {
      method: 'POST',
      url: '/api/demo/remove',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.message, 'There is no demo data to remove.');
  });
});

// A server of its own: a structure whose directory is edited counts as touched by a user, and the
// demo removal above must not see it.
describe('archives and the public solidarity directory', () => {
  let own: TestServer;
  before(async () => {
    own = await startTestServer();
  });
  after(async () => own?.close());

  test('an archived structure leaves the public solidarity directory and its open-data export', async () => {
    const [structure] = await own.store.structures.list({ search: 'Roubaix' });
    const saved = await own.request(own.users.admin, {
      method: 'PUT',
      url: `/api/solidarity/structures/${structure!.id}/directory`,
      payload: {
        profile: { siretOrRna: '77567227200017', postalCode: '59100', phone: '03 20 00 00 00' },
        services: [{ service: 'demarches_en_ligne', hours: 'Mo,We 10:00-12:00', access: 'accueil' }],
      },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const listed = async () => {
      const res = await own.request(undefined, { method: 'GET', url: '/api/public/solidarity/directory' });
      assert.equal(res.statusCode, 200, res.body);
      return res.body.includes(structure!.id) || res.body.includes(structure!.name);
    };
    const exported = async () =>
      (
        await own.request(undefined, {
          method: 'GET',
          url: '/api/public/solidarity/directory/export?format=mednum-json',
        })
      ).body.includes(structure!.name);
    assert.ok(await listed(), 'listed before archiving');
    const before = await exported();
    const res = await own.request(own.users.admin, {
      method: 'POST',
      url: `/api/archive/structure/${structure!.id}/remove`,
    });
    assert.equal(res.json().done, 'archived');
    assert.equal(await listed(), false, 'not listed once archived');
    assert.equal(await exported(), false, 'not exported once archived');
    // Restored, it comes back as it was.
    await own.request(own.users.admin, {
      method: 'POST',
      url: `/api/archive/structure/${structure!.id}/restore`,
    });
    assert.ok(await listed());
    assert.equal(await exported(), before);
  });
});
