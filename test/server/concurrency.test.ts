import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helpers.js';
import { kyselyOf } from '../../src/store/inspect.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => server?.close());

const answers = (i: number) => ({
  statut: 'association',
  etp_salaries: i % 40,
  activites: ['accueil'],
  frequentation: ['hausse', 'stable', 'baisse'][i % 3],
});

test('200 concurrent submissions from different structures are all stored exactly once; re-sending is idempotent', async () => {
  // A campaign over 200 fresh structures (the demo has 60), created through the registry import.
  const lines = ['id;nom;territoire'];
  for (let i = 0; i < 200; i++)
    lines.push(`LOAD-${i};Centre ${i};${i % 2 ? 'Artois' : 'Métropole lilloise'}`);
  const imported = await server.request(server.users.admin, {
    method: 'POST',
    url: '/api/structures/import',
    payload: { filename: 'charge.csv', content: Buffer.from(lines.join('\n')).toString('base64') },
  });
  assert.equal(imported.statusCode, 200, imported.body);
  const surveyId = (await server.store.surveys.list())[0]!.id;
  const created = await server.request(server.users.admin, {
    method: 'POST',
    url: '/api/campaigns',
    payload: {
      name: 'Charge',
      surveyId,
      opensAt: new Date(server.clock.now.getTime() - 3600_000).toISOString(),
      closesAt: new Date(server.clock.now.getTime() + 86400_000).toISOString(),
      population: { territoryIds: ['demo-t-artois', 'demo-t-metropole'] },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const campaignId = created.json().campaign.id as string;
  const invitations = (await server.store.invitations.list(campaignId)).filter((i) =>
    i.structureId?.startsWith('LOAD-'),
  );
  assert.equal(invitations.length, 200);

  const submitAll = () =>
    Promise.all(
      invitations.map((inv, i) =>
        server.app.inject({
          method: 'POST',
          url: `/api/respond/${inv.token}/submit`,
          payload: { data: answers(i), submissionId: `load-${inv.id}` },
        }),
      ),
    );
  const first = await submitAll();
  assert.deepEqual(
    first.map((r) => r.statusCode).filter((s) => s !== 200),
    [],
  );
  const second = await submitAll();
  assert.deepEqual(
    second.map((r) => r.statusCode).filter((s) => s !== 200),
    [],
  );
  assert.deepEqual(
    second.map((r) => r.json().revision),
    first.map(() => 1),
  );

  const structureIds = invitations.map((i) => i.structureId!);
  const stored: string[] = [];
  for await (const r of server.store.responses.listSubmitted(campaignId, { structureIds }))
    stored.push(r.structure!);
  assert.equal(stored.length, 200);
  assert.equal(new Set(stored).size, 200);
  const revisions = await kyselyOf(server.store)
    .selectFrom('response_revisions')
    .innerJoin('responses', 'responses.id', 'response_revisions.response_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('responses.campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(revisions.n), 200);
  const participation = await server.request(server.users.admin, {
    method: 'GET',
    url: `/api/campaigns/${campaignId}/participation`,
  });
  const loadRows = participation.json().structures.filter((s: { id: string }) => s.id.startsWith('LOAD-'));
  assert.ok(loadRows.every((s: { status: string }) => s.status === 'submitted'));
});
