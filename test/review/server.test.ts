import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';
import { startTestServer, structuresByDepartement, tokenOf, type TestServer } from '../server/helpers.js';

/**
 * Review of submitted answers, on SQLite and PostgreSQL: the whole cycle through the API (submit →
 * correction asked → the structure sees the message → corrects → validated → counted by the
 * validated-only report), the territory scope and the refusals.
 */

const valid = {
  statut: 'association',
  etp_salaries: 12.5,
  activites: ['accueil', 'numerique'],
  conseiller_numerique: 'oui',
  frequentation: 'stable',
};
const FLAG = {
  rules: [{ id: 'etp_eleve', kind: 'range', question: 'etp_salaries', max: 50, severity: 'flag' }],
};

function suite(start: () => Promise<TestServer>) {
  let server: TestServer;
  let campaign: string;
  let nordId: string;
  let pdcId: string;
  let token: string;
  before(async () => {
    server = await start();
    campaign = server.demo.openCampaign.id;
    const { nord, pdc } = await structuresByDepartement(server.store);
    for (const id of nord)
      if ((await server.store.invitations.findForStructure(campaign, id))?.status === 'not_started')
        nordId = id;
    pdcId = pdc[0]!;
    token = await tokenOf(server.store, campaign, nordId);
  });
  after(async () => server?.close());

  const base = () => `/api/campaigns/${campaign}/review`;
  const submit = (data: object) =>
    server.app.inject({
      method: 'POST',
      url: `/api/respond/${token}/submit`,
      payload: { data, submissionId: `sub-${Math.random().toString(36).slice(2, 12)}` },
    });

  test('anonymous callers get 401, viewers 403 on every review route', async () => {
    const routes = [
      ['GET', base()],
      ['GET', `${base()}/${nordId}`],
      ['POST', `${base()}/${nordId}/validate`],
      ['POST', `${base()}/${nordId}/request-correction`],
    ] as const;
    for (const [method, url] of routes) {
      const payload = method === 'POST' ? { revision: 1, message: 'x', questions: [] } : undefined;
      assert.equal((await server.request(undefined, { method, url, payload })).statusCode, 401, url);
      assert.equal(
        (await server.request(server.users.viewer, { method, url, payload })).statusCode,
        403,
        url,
      );
    }
  });

  test('the cycle: correction asked, seen by the structure, corrected, validated, counted', async () => {
    const admin = server.users.admin;
    const nord = server.users.nord;
    const rules = await server.request(admin, {
      method: 'PUT',
      url: `/api/campaigns/${campaign}/coherence-rules`,
      payload: FLAG,
    });
    assert.equal(rules.statusCode, 200, rules.body);
    const notYet = await server.request(nord, { method: 'GET', url: `${base()}/${nordId}` });
    assert.equal(notYet.statusCode, 409);
    assert.equal(notYet.json().error.code, 'review_not_submitted');

    assert.equal((await submit({ ...valid, etp_salaries: 80 })).statusCode, 200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const list = await server.request(nord, { method: 'GET', url: `${base()}?status=to_check` });
    assert.equal(list.statusCode, 200, list.body);
    const item = list.json().items.find((i: { structure: { id: string } }) => i.structure.id === nordId);
    assert.equal(item.status, 'to_check');
    assert.deepEqual(item.anomalies, { blocking: 0, warning: 0, flag: 1 });

    const detail = await server.request(nord, { method: 'GET', url: `${base()}/${nordId}` });
    assert.equal(detail.statusCode, 200, detail.body);
    assert.equal(detail.json().anomalies[0].rule, 'etp_eleve');
    assert.ok(
      detail
        .json()
        .answers.some((a: { name: string; text: string }) => a.name === 'etp_salaries' && a.text === '80'),
    );

    // Submissions are stamped by the wall clock: the decisions follow it, in order.
    server.clock.now = new Date();
    const asked = await server.request(nord, {
      method: 'POST',
      url: `${base()}/${nordId}/request-correction`,
      payload: {
        revision: 1,
        message: 'Le nombre de salariés semble très élevé.',
        questions: ['etp_salaries'],
      },
    });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.equal(asked.json().status, 'correction_requested');

    const link = (await server.app.inject({ method: 'GET', url: `/api/respond/${token}` })).json();
    assert.equal(link.correction.message, 'Le nombre de salariés semble très élevé.');
    assert.equal(link.correction.questions[0].name, 'etp_salaries');

    const stale = await server.request(nord, {
      method: 'POST',
      url: `${base()}/${nordId}/validate`,
      payload: { revision: 2 },
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'review_stale');

    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal((await submit({ ...valid, etp_salaries: 8 })).statusCode, 200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = (await server.app.inject({ method: 'GET', url: `/api/respond/${token}` })).json();
    assert.equal(again.correction, null, 'the message goes once the structure submits again');
    const corrected = await server.request(nord, { method: 'GET', url: `${base()}?status=corrected` });
    assert.deepEqual(
      corrected.json().items.map((i: { structure: { id: string } }) => i.structure.id),
      [nordId],
    );

    server.clock.now = new Date();
    const validated = await server.request(nord, {
      method: 'POST',
      url: `${base()}/${nordId}/validate`,
      payload: { revision: 2 },
    });
    assert.equal(validated.statusCode, 200, validated.body);
    const history = (await server.request(nord, { method: 'GET', url: `${base()}/${nordId}` })).json()
      .history;
    assert.deepEqual(
      history.map((h: { action: string; actor: string }) => `${h.action} ${h.actor}`),
      [
        'validated Correspondant Nord',
        `submitted ${history[1].actor}`,
        'correction_requested Correspondant Nord',
        `submitted ${history[1].actor}`,
      ],
    );

    const report = await server.request(admin, {
      method: 'GET',
      url: `/api/campaigns/${campaign}/report?format=json&validatedOnly=true`,
    });
    assert.equal(report.statusCode, 200, report.body);
    assert.equal(report.json().participation.responses, 1);
    assert.ok(
      report.json().method.notes.some((n: string) => /Réponses validées uniquement\s: 1 des/.test(n)),
    );
    const all = await server.request(admin, {
      method: 'GET',
      url: `/api/campaigns/${campaign}/report?format=json`,
    });
    assert.ok(all.json().participation.responses > 1, 'the plain report counts every answer');
  });

  test('a correspondent of Nord never sees nor decides on Pas-de-Calais answers', async () => {
    const nord = server.users.nord;
    for (const [method, url] of [
      ['GET', `${base()}/${pdcId}`],
      ['POST', `${base()}/${pdcId}/validate`],
      ['POST', `${base()}/${pdcId}/request-correction`],
    ] as const) {
      const res = await server.request(nord, {
        method,
        url,
        payload: method === 'POST' ? { revision: 1, message: 'x', questions: [] } : undefined,
      });
      assert.equal(res.statusCode, 403, `${url} ${res.body}`);
    }
    const list = (await server.request(nord, { method: 'GET', url: base() })).json();
    const { pdc } = await structuresByDepartement(server.store);
    assert.ok(list.items.every((i: { structure: { id: string } }) => !pdc.includes(i.structure.id)));
    assert.ok(list.territories.every((t: { id: string }) => t.id !== 'demo-d-pdc'));
    const other = await server.request(nord, { method: 'GET', url: `${base()}?territory=demo-d-pdc` });
    assert.equal(other.statusCode, 403);
    const admin = (await server.request(server.users.admin, { method: 'GET', url: base() })).json();
    assert.ok(admin.items.some((i: { structure: { id: string } }) => pdc.includes(i.structure.id)));
  });
}

describe('review of answers (SQLite)', () => suite(() => startTestServer()));

describe('review of answers (PostgreSQL)', { skip: skipWithoutPostgres() }, () => {
  let pg: PostgresInstance | undefined;
  suite(async () => {
    pg = await startPostgres();
    assert.ok(pg, 'PostgreSQL binaries exist but the cluster did not start');
    return startTestServer({ databaseUrl: pg.url });
  });
  after(async () => pg?.stop());
});
