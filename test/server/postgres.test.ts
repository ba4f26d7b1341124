import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';
import { startTestServer, structuresByDepartement, tokenOf, type TestServer } from './helpers.js';

/** The same server on PostgreSQL: scoping, the respondent flow and concurrent submissions. */
describe('server on PostgreSQL', { skip: skipWithoutPostgres() }, () => {
  let pg: PostgresInstance | undefined;
  let server: TestServer;

  before(async () => {
    pg = await startPostgres();
    assert.ok(pg, 'PostgreSQL binaries exist but the cluster did not start');
    server = await startTestServer({ databaseUrl: pg.url });
  });
  after(async () => {
    await server?.close();
    await pg?.stop();
  });

  test('health reports PostgreSQL', async () => {
    const res = await server.request(undefined, { method: 'GET', url: '/api/health' });
    assert.equal(res.json().database, 'postgres');
  });

  test('a correspondent of Nord sees only Nord', async () => {
    const { nord, pdc } = await structuresByDepartement(server.store);
    const list = await server.request(server.users.nord, { method: 'GET', url: '/api/structures' });
    assert.deepEqual(
      list
        .json()
        .structures.map((s: { id: string }) => s.id)
        .sort(),
      [...nord].sort(),
    );
    const one = await server.request(server.users.nord, { method: 'GET', url: `/api/structures/${pdc[0]}` });
    assert.equal(one.statusCode, 403);
    const report = await server.request(server.users.nord, {
      method: 'GET',
      url: `/api/campaigns/${server.demo.closedCampaign.id}/report?format=json`,
    });
    assert.equal(report.json().participation.population, nord.length);
  });

  test('draft, invalid submit (nothing stored), valid submit, idempotent resend', async () => {
    const campaignId = server.demo.openCampaign.id;
    const invitation = (await server.store.invitations.list(campaignId, { status: ['not_started'] }))[0]!;
    const token = await tokenOf(server.store, campaignId, invitation.structureId!);
    const url = `/api/respond/${token}`;
    assert.equal(
      (await server.app.inject({ method: 'PUT', url: `${url}/draft`, payload: { data: { statut: 'caf' } } }))
        .statusCode,
      200,
    );
    const bad = await server.app.inject({
      method: 'POST',
      url: `${url}/submit`,
      payload: {
        data: { statut: 'pirate', etp_salaries: 3, activites: ['accueil'], frequentation: 'stable' },
        submissionId: 'pg-bad-1',
      },
    });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.details[0].question, 'statut');
    assert.equal((await server.store.invitations.get(invitation.id))!.status, 'in_progress');
    const data = { statut: 'association', etp_salaries: 3, activites: ['accueil'], frequentation: 'stable' };
    const ok = await server.app.inject({
      method: 'POST',
      url: `${url}/submit`,
      payload: { data, submissionId: 'pg-valid-1' },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const again = await server.app.inject({
      method: 'POST',
      url: `${url}/submit`,
      payload: { data, submissionId: 'pg-valid-1' },
    });
    assert.deepEqual(again.json(), ok.json());
  });

  test('concurrent submissions of every unanswered structure are each stored once', async () => {
    const campaignId = server.demo.openCampaign.id;
    const pending = (await server.store.invitations.list(campaignId)).filter(
      (i) => i.structureId && i.status !== 'submitted',
    );
    const data = { statut: 'association', etp_salaries: 5, activites: ['accueil'], frequentation: 'hausse' };
    const send = () =>
      Promise.all(
        pending.map((inv) =>
          server.app.inject({
            method: 'POST',
            url: `/api/respond/${inv.token}/submit`,
            payload: { data, submissionId: `pg-${inv.id}` },
          }),
        ),
      );
    const results = [...(await send()), ...(await send())];
    assert.deepEqual(
      results.filter((r) => r.statusCode !== 200).map((r) => r.body),
      [],
    );
    const counts = await server.store.invitations.countByStatus(campaignId);
    assert.equal(counts.submitted, 60);
    assert.equal(await server.store.responses.countSubmitted(campaignId), 60);
  });
});
