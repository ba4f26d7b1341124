import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';
import { startTestServer, structuresByDepartement, tokenOf, type TestServer } from '../server/helpers.js';

/**
 * Coherence rules in the application, on SQLite and on PostgreSQL: rules stored per campaign
 * (admin only), blocking and warning rules at submission, the anomaly list scoped to the
 * correspondent's territories, and every route refused to anonymous callers.
 */

const RULES = {
  rules: [
    { id: 'etp_bloquant', kind: 'range', question: 'etp_salaries', max: 100, severity: 'blocking' },
    { id: 'benevoles_avertissement', kind: 'range', question: 'nb_benevoles', max: 500, severity: 'warning' },
    { id: 'etp_signalement', kind: 'range', question: 'etp_salaries', max: 5, severity: 'flag' },
  ],
};

const valid = {
  statut: 'association',
  etp_salaries: 12.5,
  activites: ['accueil', 'numerique'],
  conseiller_numerique: 'oui',
  frequentation: 'stable',
};

function suite(start: () => Promise<TestServer>) {
  let server: TestServer;
  let campaign: string;
  let closed: string;
  before(async () => {
    server = await start();
    campaign = server.demo.openCampaign.id;
    closed = server.demo.closedCampaign.id;
  });
  after(async () => server?.close());

  const url = (id: string) => `/api/campaigns/${id}/coherence-rules`;

  test('anonymous callers get 401 on every coherence route', async () => {
    for (const [method, path] of [
      ['GET', url(campaign)],
      ['PUT', url(campaign)],
      ['GET', `/api/campaigns/${campaign}/anomalies`],
    ] as const) {
      const res = await server.request(undefined, {
        method,
        url: path,
        payload: method === 'PUT' ? RULES : undefined,
      });
      assert.equal(res.statusCode, 401, `${method} ${path}`);
    }
  });

  test('only administrators read and replace the rules; correspondents and viewers get 403', async () => {
    for (const who of [server.users.nord, server.users.viewer]) {
      assert.equal((await server.request(who, { method: 'GET', url: url(campaign) })).statusCode, 403);
      assert.equal(
        (await server.request(who, { method: 'PUT', url: url(campaign), payload: RULES })).statusCode,
        403,
      );
    }
    const empty = await server.request(server.users.admin, { method: 'GET', url: url(campaign) });
    assert.equal(empty.statusCode, 200);
    assert.equal(empty.json().rules, null);
    for (const id of [campaign, closed]) {
      const put = await server.request(server.users.admin, { method: 'PUT', url: url(id), payload: RULES });
      assert.equal(put.statusCode, 200, put.body);
    }
    const read = await server.request(server.users.admin, { method: 'GET', url: url(campaign) });
    assert.deepEqual(read.json().rules, RULES);
    assert.ok(read.json().updatedAt);
    const unknown = await server.request(server.users.admin, { method: 'GET', url: url('nope') });
    assert.equal(unknown.statusCode, 404);
  });

  test('rules with mistakes are refused with a French message naming the rule, field and value', async () => {
    const res = await server.request(server.users.admin, {
      method: 'PUT',
      url: url(campaign),
      headers: { 'accept-language': 'fr' },
      payload: { rules: [{ id: 'x', kind: 'range', question: 'etp', max: 'dix', severity: 'flag' }] },
    });
    assert.equal(res.statusCode, 422);
    const error = res.json().error;
    assert.equal(error.code, 'coherence_rules_invalid');
    assert.match(
      error.message,
      /Règle n° 1 \(« x »\), champ « max » \(valeur : "dix"\) : doit être un nombre/,
    );
    const unknownQuestion = await server.request(server.users.admin, {
      method: 'PUT',
      url: url(campaign),
      payload: { rules: [{ id: 'x', kind: 'range', question: 'etp', max: 10, severity: 'flag' }] },
    });
    assert.match(
      unknownQuestion.json().error.message,
      /champ « question » \(valeur : "etp"\) : n'est pas une question du questionnaire/,
    );
    const still = await server.request(server.users.admin, { method: 'GET', url: url(campaign) });
    assert.deepEqual(still.json().rules, RULES, 'the stored rules are unchanged');
  });

  test('submission: blocking rules refuse, warnings ask for confirmation, then the answer is accepted', async () => {
    const { nord } = await structuresByDepartement(server.store);
    let structureId: string | undefined;
    for (const id of nord) {
      const inv = await server.store.invitations.findForStructure(campaign, id);
      if (inv?.status === 'not_started') structureId = id;
    }
    assert.ok(structureId, 'an unanswered structure of the demo');
    const token = await tokenOf(server.store, campaign, structureId);
    const submit = (data: object, extra: object = {}) =>
      server.app.inject({
        method: 'POST',
        url: `/api/respond/${token}/submit`,
        payload: { data, submissionId: `sub-${Math.random().toString(36).slice(2, 12)}`, ...extra },
      });

    const blocked = await submit(
      { ...valid, etp_salaries: 150, nb_benevoles: 800 },
      { confirmWarnings: true },
    );
    assert.equal(blocked.statusCode, 422);
    const b = blocked.json().error;
    assert.equal(b.code, 'coherence_blocked');
    assert.match(b.message, /La réponse ne peut pas être envoyée/);
    assert.match(b.message, /Nombre de salariés \(en équivalents temps plein\)/);
    assert.match(b.message, /vaut 150, en dehors de la plage attendue \(au plus 100\)/);
    assert.deepEqual(
      b.details.anomalies.map((a: { question: string }) => a.question),
      ['etp_salaries'],
    );

    const warned = await submit({ ...valid, nb_benevoles: 800 });
    assert.equal(warned.statusCode, 409);
    const w = warned.json().error;
    assert.equal(w.code, 'coherence_warnings');
    assert.match(w.message, /Nombre de bénévoles réguliers/);
    assert.match(w.message, /800/);
    assert.equal(
      (await server.store.invitations.findForStructure(campaign, structureId))?.status,
      'not_started',
    );

    const confirmed = await submit({ ...valid, nb_benevoles: 800 }, { confirmWarnings: true });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const plain = await submit({ ...valid, nb_benevoles: 10 });
    assert.equal(plain.statusCode, 200, 'a plausible answer goes through without confirmation');
  });

  test('anomalies: admins see every structure, the Nord correspondent only Nord, viewers 403', async () => {
    const { nord, pdc } = await structuresByDepartement(server.store);
    const all = await server.request(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${closed}/anomalies`,
    });
    assert.equal(all.statusCode, 200, all.body);
    const anomalies = all.json().anomalies as {
      structure: string;
      rule: string;
      severity: string;
      message: string;
      values: Record<string, number>;
    }[];
    // Expected by hand from the stored answers: every submitted answer above the rules' bounds.
    const expected: string[] = [];
    for await (const r of server.store.responses.listSubmitted(closed)) {
      const etp = r.data.etp_salaries as number | undefined;
      const benevoles = r.data.nb_benevoles as number | undefined;
      if (etp !== undefined && etp > 100) expected.push(`${r.structure} etp_bloquant`);
      if (benevoles !== undefined && benevoles > 500) expected.push(`${r.structure} benevoles_avertissement`);
      if (etp !== undefined && etp > 5) expected.push(`${r.structure} etp_signalement`);
    }
    assert.ok(expected.length > 0, 'the demo answers break at least one rule');
    assert.deepEqual(anomalies.map((a) => `${a.structure} ${a.rule}`).sort(), expected.sort());
    assert.ok(
      anomalies.some((a) => pdc.includes(a.structure)) && anomalies.some((a) => nord.includes(a.structure)),
    );
    for (const a of anomalies) assert.match(a.message, /^«\u00a0.+\u00a0»\u00a0: «\u00a0Nombre de/);

    const scoped = await server.request(server.users.nord, {
      method: 'GET',
      url: `/api/campaigns/${closed}/anomalies`,
    });
    assert.equal(scoped.statusCode, 200);
    const seen = scoped.json().anomalies as { structure: string }[];
    assert.ok(seen.length > 0);
    assert.ok(
      seen.every((a) => nord.includes(a.structure)),
      'no structure outside Nord',
    );
    assert.equal(seen.length, anomalies.filter((a) => nord.includes(a.structure)).length);

    const viewer = await server.request(server.users.viewer, {
      method: 'GET',
      url: `/api/campaigns/${closed}/anomalies`,
    });
    assert.equal(viewer.statusCode, 403);
  });
}

describe('coherence in the application (SQLite)', () => suite(() => startTestServer()));

describe('coherence in the application (PostgreSQL)', { skip: skipWithoutPostgres() }, () => {
  let pg: PostgresInstance | undefined;
  suite(async () => {
    pg = await startPostgres();
    assert.ok(pg, 'PostgreSQL binaries exist but the cluster did not start');
    return startTestServer({ databaseUrl: pg.url });
  });
  after(async () => pg?.stop());
});
