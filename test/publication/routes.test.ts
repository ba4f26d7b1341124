import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { DEMO_INDICATORS } from './demo-indicators.js';

describe('publication routes (in-process, real SQLite file)', () => {
  let server: TestServer;
  let campaignId: string;
  const url = (path: string) => `/api/campaigns/${campaignId}${path}`;
  before(async () => {
    server = await startTestServer();
    campaignId = server.demo.closedCampaign.id;
  });
  after(() => server.close());

  it('PUT indicators: 422 naming the path of each problem, and nothing stored', async () => {
    const { admin } = server.users;
    const bad = {
      ...DEMO_INDICATORS,
      indicators: [
        DEMO_INDICATORS.indicators[0],
        { ...DEMO_INDICATORS.indicators[1], question: 'etp_inconnu' },
        { id: 'x', kind: 'mean' },
      ],
    };
    const res = await server.request(admin, {
      method: 'PUT',
      url: url('/indicators'),
      payload: { indicators: bad },
    });
    assert.equal(res.statusCode, 422, res.body);
    const body = res.json<{
      error: { code: string; message: string; details: { path: string; message: string }[] };
    }>();
    assert.equal(body.error.code, 'invalid_indicators');
    assert.ok(
      body.error.details.some((d) => d.path.startsWith('indicators[2]')),
      JSON.stringify(body.error.details),
    );
    assert.match(body.error.message, /indicators\[2\]/);
    assert.equal(await server.store.publications.get(campaignId), undefined);

    const unknownQuestion = {
      ...DEMO_INDICATORS,
      indicators: [{ ...DEMO_INDICATORS.indicators[1], question: 'etp_inconnu' }],
    };
    const res2 = await server.request(admin, {
      method: 'PUT',
      url: url('/indicators'),
      payload: { indicators: unknownQuestion },
    });
    assert.equal(res2.statusCode, 422);
    assert.match(res2.body, /indicators\[0\].*etp_inconnu/);
  });

  it('brochure before any indicator file: 409; publishing without one: 409', async () => {
    const res = await server.request(server.users.admin, { method: 'GET', url: url('/brochure') });
    assert.equal(res.statusCode, 409);
    const pub = await server.request(server.users.admin, {
      method: 'POST',
      url: url('/publish'),
      payload: { published: true },
    });
    assert.equal(pub.statusCode, 409);
  });

  it('PUT indicators is for admins only (correspondent 403), then stores the file', async () => {
    const denied = await server.request(server.users.nord, {
      method: 'PUT',
      url: url('/indicators'),
      payload: { indicators: DEMO_INDICATORS },
    });
    assert.equal(denied.statusCode, 403);
    const res = await server.request(server.users.admin, {
      method: 'PUT',
      url: url('/indicators'),
      payload: { indicators: DEMO_INDICATORS, k: 3 },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json<{ k: number; published: boolean }>().k, 3);
    const stored = await server.store.publications.get(campaignId);
    assert.equal(stored?.published, false);
    const state = await server.request(server.users.viewer, { method: 'GET', url: url('/publication') });
    assert.equal(state.statusCode, 200);
    assert.deepEqual(
      { ...state.json<object>(), updatedAt: undefined },
      {
        campaignId,
        hasIndicators: true,
        published: false,
        k: 3,
        updatedAt: undefined,
        publicUrl: `/public/campagnes/${campaignId}`,
        closed: true,
        snapshot: null,
      },
    );
  });

  it('brochure figures come from the stored answers, per territory', async () => {
    const res = await server.request(server.users.admin, {
      method: 'GET',
      url: url('/brochure?format=json&audience=admin'),
    });
    assert.equal(res.statusCode, 200, res.body);
    const figures = res.json<{ figures: { id: string; value: unknown }[] }>().figures;
    const submitted = await server.store.responses.countSubmitted(campaignId);
    assert.equal(figures.find((f) => f.id === 'reponses')?.value, submitted);
    // Hand computation of the mean for Nord from the store.
    const nordIds = new Set(
      (await server.store.structures.list({ territoryIds: ['demo-d-nord'] })).map((s) => s.id),
    );
    const values: number[] = [];
    for await (const r of server.store.responses.listSubmitted(campaignId)) {
      if (r.structure && nordIds.has(r.structure) && typeof r.data.etp_salaries === 'number')
        values.push(r.data.etp_salaries);
    }
    const nord = await server.request(server.users.nord, {
      method: 'GET',
      url: url('/brochure?format=json&territory=Nord&audience=admin'),
    });
    assert.equal(nord.statusCode, 200, nord.body);
    const nordFigures = nord.json<{ figures: { id: string; value: number }[] }>().figures;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    assert.ok(Math.abs(nordFigures.find((f) => f.id === 'etp_moyen')!.value - mean) < 0.051, `${mean}`);
  });

  it('a Nord correspondent cannot get the Pas-de-Calais or the network brochure (403)', async () => {
    const pdc = await server.request(server.users.nord, {
      method: 'GET',
      url: url('/brochure?territory=Pas-de-Calais&format=html'),
    });
    assert.equal(pdc.statusCode, 403);
    assert.match(pdc.json<{ error: { message: string } }>().error.message, /Pas-de-Calais/);
    const network = await server.request(server.users.nord, { method: 'GET', url: url('/brochure') });
    assert.equal(network.statusCode, 403);
    const viewerAdmin = await server.request(server.users.viewer, {
      method: 'GET',
      url: url('/brochure?audience=admin'),
    });
    assert.equal(viewerAdmin.statusCode, 403);
    const anonymous = await server.request(undefined, { method: 'GET', url: url('/brochure') });
    assert.equal(anonymous.statusCode, 401);
  });

  it('renders the brochure as html, pdf and docx; unknown territory is 404', async () => {
    const html = await server.request(server.users.admin, {
      method: 'GET',
      url: url('/brochure?territory=Nord&format=html'),
    });
    assert.equal(html.statusCode, 200);
    assert.match(html.headers['content-type'] as string, /text\/html/);
    assert.match(html.body, /Nord/);
    const pdf = await server.request(server.users.admin, {
      method: 'GET',
      url: url('/brochure?territory=Nord&format=pdf'),
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const docx = await server.request(server.users.nord, {
      method: 'GET',
      url: url('/brochure?territory=Nord&format=docx'),
    });
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    const unknown = await server.request(server.users.admin, {
      method: 'GET',
      url: url('/brochure?territory=Atlantide'),
    });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /Atlantide.*Nord/);
  });

  it('unpublished campaigns are 404 on the public site; published ones are listed', async () => {
    const before = await server.request(undefined, { method: 'GET', url: `/public/campagnes/${campaignId}` });
    assert.equal(before.statusCode, 404);
    assert.match(before.headers['content-type'] as string, /text\/html/);
    const list0 = await server.request(undefined, { method: 'GET', url: '/public' });
    assert.equal(list0.statusCode, 200);
    assert.doesNotMatch(list0.body, new RegExp(campaignId));

    const denied = await server.request(server.users.nord, {
      method: 'POST',
      url: url('/publish'),
      payload: { published: true },
    });
    assert.equal(denied.statusCode, 403);
    const pub = await server.request(server.users.admin, {
      method: 'POST',
      url: url('/publish'),
      payload: { published: true },
    });
    assert.equal(pub.statusCode, 200, pub.body);
    const list = await server.request(undefined, { method: 'GET', url: '/public' });
    assert.match(list.body, new RegExp(`/public/campagnes/${campaignId}`));
    assert.match(list.body, /<html lang="fr">/);
    const page = await server.request(undefined, { method: 'GET', url: `/public/campagnes/${campaignId}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /territoire=demo-d-pdc&amp;format=pdf/);
    const pdf = await server.request(undefined, {
      method: 'GET',
      url: `/public/campagnes/${campaignId}/plaquette?territoire=Nord&format=pdf`,
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const view = await server.request(undefined, {
      method: 'GET',
      url: `/public/campagnes/${campaignId}/plaquette?territoire=Nord`,
    });
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /Nord/);
    assert.match(view.body, new RegExp(`href="/public/campagnes/${campaignId}">← Retour à la publication`));
    assert.match(view.body, /<main id="brochure"/);

    const unpub = await server.request(server.users.admin, {
      method: 'POST',
      url: url('/publish'),
      payload: { published: false },
    });
    assert.equal(unpub.statusCode, 200);
    const after = await server.request(undefined, {
      method: 'GET',
      url: `/public/campagnes/${campaignId}/plaquette?territoire=Nord&format=pdf`,
    });
    assert.equal(after.statusCode, 404);
  });
});

describe('structure sheet from the respondent link', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('409 with a French message before submitting, then the sheet beside its territory', async () => {
    const open = server.demo.openCampaign.id;
    const pending = (
      await server.store.invitations.list(open, { status: ['not_started', 'in_progress'] })
    ).find((i) => i.structureId);
    assert.ok(pending);
    const early = await server.request(undefined, {
      method: 'GET',
      url: `/api/respond/${pending.token}/sheet`,
    });
    assert.equal(early.statusCode, 409);
    assert.match(
      early.json<{ error: { message: string } }>().error.message,
      /disponible dès que vous aurez envoyé vos réponses/,
    );

    const closed = server.demo.closedCampaign.id;
    const done = (await server.store.invitations.list(closed, { status: ['submitted'] })).find(
      (i) => i.structureId,
    )!;
    // The sheet is a public output: nothing before the campaign's results are published.
    const unpublished = await server.request(undefined, {
      method: 'GET',
      url: `/api/respond/${done.token}/sheet?format=json`,
    });
    assert.equal(unpublished.statusCode, 409);
    assert.match(unpublished.json<{ error: { message: string } }>().error.message, /seront publiés/);
    await server.store.publications.setIndicators(closed, DEMO_INDICATORS, null);
    const published = await server.request(server.users.admin, {
      method: 'POST',
      url: `/api/campaigns/${closed}/publish`,
      payload: { published: true },
    });
    assert.equal(published.statusCode, 200, published.body);
    const json = await server.request(undefined, {
      method: 'GET',
      url: `/api/respond/${done.token}/sheet?format=json`,
    });
    assert.equal(json.statusCode, 200, json.body);
    const sheet = json.json<{
      structure: { id: string };
      rows: { question: string; value: number | null; groups: { key: string; n: number }[] }[];
    }>();
    assert.equal(sheet.structure.id, done.structureId);
    const etp = sheet.rows.find((r) => r.question === 'etp_salaries')!;
    const response = await server.store.responses.getByInvitation(done.id);
    assert.equal(etp.value, response!.data.etp_salaries);
    // The network group counts every submitted answer with a value.
    let n = 0;
    for await (const r of server.store.responses.listSubmitted(closed))
      if (typeof r.data.etp_salaries === 'number') n++;
    assert.equal(etp.groups.find((g) => g.key === 'network')!.n, n);
    assert.ok(etp.groups.some((g) => g.key === 'territory'));

    const html = await server.request(undefined, { method: 'GET', url: `/api/respond/${done.token}/sheet` });
    assert.equal(html.statusCode, 200);
    assert.match(html.headers['content-type'] as string, /text\/html/);
    const pdf = await server.request(undefined, {
      method: 'GET',
      url: `/api/respond/${done.token}/sheet?format=pdf`,
    });
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const unknown = await server.request(undefined, {
      method: 'GET',
      url: `/api/respond/${'x'.repeat(32)}/sheet`,
    });
    assert.equal(unknown.statusCode, 404);
  });
});

describe('public directory of structures', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    const [first] = await server.store.structures.list({ territoryIds: ['demo-d-nord'] });
    await server.store.structures.update(first!.id, {
      attributes: {
        ...first!.attributes,
        services: 'Accueil de loisirs ; Aide aux devoirs',
        horaires: 'lundi 9h-12h ; mercredi 14h-18h',
      },
    });
  });
  after(() => server.close());

  it('lists structures with their services and hours, searchable and filtered by territory, without an account', async () => {
    const all = await server.request(undefined, { method: 'GET', url: '/public/structures' });
    assert.equal(all.statusCode, 200);
    const total = (await server.store.structures.list()).length;
    assert.match(all.body, new RegExp(`${total} structures`));
    assert.match(all.body, /Aide aux devoirs/);
    assert.match(all.body, /mercredi 14h-18h/);
    assert.match(all.body, /<label for="q">/);
    assert.match(all.body, /<main id="contenu"/);
    const found = await server.request(undefined, { method: 'GET', url: '/public/structures?q=devoirs' });
    assert.match(found.body, /1 structure correspondant/);
    const pdcCount = (await server.store.structures.list({ territoryIds: ['demo-d-pdc'] })).length;
    const pdc = await server.request(undefined, {
      method: 'GET',
      url: '/public/structures?territoire=demo-d-pdc',
    });
    assert.match(pdc.body, new RegExp(`${pdcCount} structures correspondant`));
    assert.doesNotMatch(pdc.body, /Aide aux devoirs/);
    const none = await server.request(undefined, { method: 'GET', url: '/public/structures?q=%3Cscript%3E' });
    assert.match(none.body, /Aucune structure/);
    assert.doesNotMatch(none.body, /<script>/);
  });
});
