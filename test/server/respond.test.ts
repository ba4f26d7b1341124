import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, structuresByDepartement, tokenOf, type TestServer } from './helpers.js';

let server: TestServer;
let openCampaign: string;
let closedCampaign: string;
let freeStructures: string[];

before(async () => {
  server = await startTestServer();
  openCampaign = server.demo.openCampaign.id;
  closedCampaign = server.demo.closedCampaign.id;
  // Structures with no answer at all in the open campaign: a clean slate for each test.
  const { nord, pdc } = await structuresByDepartement(server.store);
  freeStructures = [];
  for (const id of [...nord, ...pdc]) {
    const inv = await server.store.invitations.findForStructure(openCampaign, id);
    if (inv && inv.status === 'not_started') freeStructures.push(id);
  }
});
after(async () => server?.close());

let used = 0;
async function freshToken(): Promise<{ token: string; structureId: string }> {
  const structureId = freeStructures[used++];
  assert.ok(structureId, 'not enough unanswered structures in the demo');
  return { token: await tokenOf(server.store, openCampaign, structureId), structureId };
}

const valid = {
  statut: 'association',
  etp_salaries: 12.5,
  activites: ['accueil', 'numerique'],
  conseiller_numerique: 'oui',
  frequentation: 'stable',
};

const respond = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  server.app.inject({ method, url, ...(payload ? { payload } : {}) });

describe('respondent link', () => {
  test('opens its own structure’s form, in French, with the frozen survey', async () => {
    const { token, structureId } = await freshToken();
    const res = await respond('GET', `/api/respond/${token}`);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.structure.id, structureId);
    assert.equal(body.campaign.state, 'open');
    assert.equal(body.status, 'not_started');
    assert.equal(body.survey.title, 'Observatoire annuel des centres sociaux');
    assert.deepEqual(body.data, {});
    // The token is in the page URL: it must not leak through Referer, nor be cached.
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('an unknown token gets 404 and no other structure’s data', async () => {
    const res = await respond('GET', `/api/respond/${'x'.repeat(32)}`);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'not_found');
  });

  test('each token only ever shows and changes its own structure', async () => {
    const a = await freshToken();
    const b = await freshToken();
    assert.equal(
      (await respond('PUT', `/api/respond/${a.token}/draft`, { data: { statut: 'caf' } })).statusCode,
      200,
    );
    const seenByB = (await respond('GET', `/api/respond/${b.token}`)).json();
    assert.equal(seenByB.structure.id, b.structureId);
    assert.deepEqual(seenByB.data, {});
    const seenByA = (await respond('GET', `/api/respond/${a.token}`)).json();
    assert.equal(seenByA.structure.id, a.structureId);
    assert.equal(seenByA.data.statut, 'caf');
  });

  test('a draft is checked like a submission, required answers aside; a refused draft changes nothing', async () => {
    const { token, structureId } = await freshToken();
    const invitationId = (await server.store.invitations.findForStructure(openCampaign, structureId))!.id;
    const first = await respond('PUT', `/api/respond/${token}/draft`, { data: { statut: 'caf', __page: 0 } });
    assert.equal(first.statusCode, 200, first.body);
    for (const [data, question] of [
      [{ statut: 'pirate' }, 'statut'],
      [{ statut: 'caf', etp_salaries: 'beaucoup' }, 'etp_salaries'],
      [{ statut: 'caf', activites: ['accueil', 'n-existe-pas'] }, 'activites'],
      [{ statut: 'caf', inconnu: 'y' }, 'inconnu'],
      [{ statut: 'caf', __page: 'deux' }, '__page'],
    ] as const) {
      const res = await respond('PUT', `/api/respond/${token}/draft`, { data });
      assert.equal(res.statusCode, 422, `${question}: ${res.body}`);
      const { error } = res.json();
      assert.equal(error.code, 'invalid_draft');
      assert.match(error.message, /Le brouillon n'a pas été enregistré/);
      assert.deepEqual(
        error.details.map((p: { question: string }) => p.question),
        [question],
      );
    }
    const stored = await server.store.responses.getByInvitation(invitationId);
    assert.deepEqual(stored?.data, { statut: 'caf', __page: 0 }, 'the refused drafts changed nothing');
  });

  test('draft autosave keeps the page and "other" texts, and resumes elsewhere', async () => {
    const { token } = await freshToken();
    const save = await respond('PUT', `/api/respond/${token}/draft`, {
      data: { statut: 'association', 'statut-Comment': 'x', __page: 1, etp_salaries: 4 },
    });
    assert.equal(save.statusCode, 200, save.body);
    assert.ok(Date.parse(save.json().savedAt));
    const resumed = (await respond('GET', `/api/respond/${token}`)).json();
    assert.deepEqual(resumed.data, {
      statut: 'association',
      'statut-Comment': 'x',
      __page: 1,
      etp_salaries: 4,
    });
    assert.equal(resumed.status, 'in_progress');
  });

  test('submit stores the answers, drops hidden ones, and is idempotent on submissionId', async () => {
    const { token, structureId } = await freshToken();
    // france_services_depuis is hidden when france_services is false: its value must not be kept.
    const data = { ...valid, france_services: false, france_services_depuis: 2021, __page: 2 };
    const first = await respond('POST', `/api/respond/${token}/submit`, {
      data,
      submissionId: 'sub-aaaaaaaa',
    });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().revision, 1);
    const again = await respond('POST', `/api/respond/${token}/submit`, {
      data,
      submissionId: 'sub-aaaaaaaa',
    });
    assert.deepEqual(again.json(), first.json());
    const records = [];
    for await (const r of server.store.responses.listSubmitted(openCampaign, { structureIds: [structureId] }))
      records.push(r);
    assert.equal(records.length, 1);
    assert.deepEqual(records[0]!.data, { ...valid, france_services: false });
    const response = (await server.store.responses.getByInvitation(
      (await server.store.invitations.findByToken(token))!.id,
    ))!;
    assert.equal((await server.store.responses.listRevisions(response.id)).length, 1);
    // One audit line for the submission, none for the idempotent re-send.
    const audited = await server.store.audit.list({ action: 'response.submit', target: response.id });
    assert.deepEqual(
      audited.map((a) => (a.details as { revision: number }).revision),
      [1],
    );

    // Changing the answers before closing adds a revision and keeps the first one.
    const second = await respond('POST', `/api/respond/${token}/submit`, {
      data: { ...valid, frequentation: 'hausse' },
      submissionId: 'sub-bbbbbbbb',
    });
    assert.equal(second.json().revision, 2);
    const revisions = await server.store.responses.listRevisions(response.id);
    assert.deepEqual(
      revisions.map((r) => r.data.frequentation),
      ['stable', 'hausse'],
    );
    const state = (await respond('GET', `/api/respond/${token}`)).json();
    assert.equal(state.status, 'submitted');
    assert.equal(state.revision, 2);
    // The network sees the history too.
    const history = await server.request(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${openCampaign}/responses/${structureId}`,
    });
    assert.equal(history.statusCode, 200, history.body);
    assert.deepEqual(
      history
        .json()
        .revisions.map((r: { revision: number; data: { frequentation: string } }) => [
          r.revision,
          r.data.frequentation,
        ]),
      [
        [1, 'stable'],
        [2, 'hausse'],
      ],
    );
  });

  test('an answer outside the choices is refused with the question and the value; nothing is stored', async () => {
    const { token } = await freshToken();
    const res = await respond('POST', `/api/respond/${token}/submit`, {
      data: { ...valid, frequentation: 'en-chute-libre', etp_salaries: 'beaucoup' },
      submissionId: 'sub-invalid-1',
    });
    assert.equal(res.statusCode, 422);
    const { error } = res.json();
    assert.equal(error.code, 'invalid_answers');
    assert.match(error.message, /fréquentation/);
    const byQuestion = Object.fromEntries(
      error.details.map((d: { question: string; value: unknown }) => [d.question, d.value]),
    );
    assert.equal(byQuestion.frequentation, 'en-chute-libre');
    assert.equal(byQuestion.etp_salaries, 'beaucoup');
    const invitation = (await server.store.invitations.findByToken(token))!;
    assert.equal(invitation.status, 'not_started');
    assert.equal(await server.store.responses.getByInvitation(invitation.id), undefined);
  });

  test('a required displayed question left empty is named', async () => {
    const { token } = await freshToken();
    const { frequentation: _f, ...missing } = valid;
    const res = await respond('POST', `/api/respond/${token}/submit`, {
      data: missing,
      submissionId: 'sub-required',
    });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(
      res.json().error.details.map((d: { question: string }) => d.question),
      ['frequentation'],
    );
  });

  test('a closed campaign refuses submissions and drafts with a clear French message', async () => {
    const structure = (await server.store.invitations.list(closedCampaign, { status: ['not_started'] }))[0]!;
    const res = await respond('POST', `/api/respond/${structure.token}/submit`, {
      data: valid,
      submissionId: 'sub-late-1',
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'campaign_closed');
    assert.match(res.json().error.message, /est clos depuis le \d{2}\/\d{2}\/\d{4}/);
    const draft = await respond('PUT', `/api/respond/${structure.token}/draft`, { data: { statut: 'caf' } });
    assert.equal(draft.statusCode, 409);
    assert.equal(await server.store.responses.getByInvitation(structure.id), undefined);
    assert.equal((await respond('GET', `/api/respond/${structure.token}`)).json().campaign.state, 'closed');
  });

  test('a campaign not yet open refuses submissions', async () => {
    const admin = server.users.admin;
    const surveyId = (await server.store.surveys.list())[0]!.id;
    const created = await server.request(admin, {
      method: 'POST',
      url: '/api/campaigns',
      payload: {
        name: 'Future',
        surveyId,
        opensAt: new Date(server.clock.now.getTime() + 5 * 86400000).toISOString(),
        closesAt: new Date(server.clock.now.getTime() + 9 * 86400000).toISOString(),
        population: { territoryIds: ['demo-t-opale'] },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const invitation = (await server.store.invitations.list(created.json().campaign.id))[0]!;
    const res = await respond('POST', `/api/respond/${invitation.token}/submit`, {
      data: valid,
      submissionId: 'sub-early-1',
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'campaign_not_open');
    assert.match(res.json().error.message, /pas encore ouvert/);
  });

  test('closing: a submission accepted before the closing date is refused after it', async () => {
    const { token } = await freshToken();
    const campaign = (await server.store.campaigns.get(openCampaign))!;
    const saved = server.clock.now;
    try {
      server.clock.now = new Date(Date.parse(campaign.closesAt!) - 1000);
      const before = await respond('POST', `/api/respond/${token}/submit`, {
        data: valid,
        submissionId: 'sub-edge-1',
      });
      assert.equal(before.statusCode, 200);
      server.clock.now = new Date(Date.parse(campaign.closesAt!) + 1000);
      const late = await respond('POST', `/api/respond/${token}/submit`, {
        data: valid,
        submissionId: 'sub-edge-2',
      });
      assert.equal(late.statusCode, 409);
      // Re-sending the submission that was accepted in time still answers the same.
      const retry = await respond('POST', `/api/respond/${token}/submit`, {
        data: valid,
        submissionId: 'sub-edge-1',
      });
      assert.equal(retry.statusCode, 200);
      assert.equal(retry.json().revision, 1);
    } finally {
      server.clock.now = saved;
    }
  });

  test('copy.pdf is a PDF of the answers', async () => {
    const { token } = await freshToken();
    await respond('POST', `/api/respond/${token}/submit`, { data: valid, submissionId: 'sub-pdf-1' });
    const res = await respond('GET', `/api/respond/${token}/copy.pdf`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.ok(res.rawPayload.length > 2000);
  });

  test('the anonymous public link creates a new anonymous invitation', async () => {
    const campaign = (await server.store.campaigns.get(openCampaign))!;
    assert.ok(campaign.publicToken);
    const res = await respond('POST', `/api/public/${campaign.publicToken}/start`);
    assert.equal(res.statusCode, 201);
    const form = (await respond('GET', `/api/respond/${res.json().token}`)).json();
    assert.equal(form.structure, null);
    assert.equal(form.campaign.state, 'open');
    const other = await respond('POST', `/api/public/${campaign.publicToken}/start`);
    assert.notEqual(other.json().token, res.json().token);
    assert.equal((await respond('POST', `/api/public/${'z'.repeat(32)}/start`)).statusCode, 404);
  });
});

describe('respondent autosave and the survey version', () => {
  test('the frozen version is read and parsed once, then every autosave reuses it', async () => {
    const { token } = await freshToken();
    const surveys = server.store.surveys;
    const original = surveys.getVersion.bind(surveys);
    let reads = 0;
    surveys.getVersion = async (id: string) => {
      reads++;
      return original(id);
    };
    try {
      // The form (and earlier tests) may have loaded it already: count from a warm start.
      assert.equal((await respond('GET', `/api/respond/${token}`)).statusCode, 200);
      reads = 0;
      for (let i = 0; i < 5; i++) {
        const res = await respond('PUT', `/api/respond/${token}/draft`, {
          data: { ...valid, etp_salaries: i },
        });
        assert.equal(res.statusCode, 200, res.body);
      }
      assert.equal(reads, 0, 'no autosave reads the survey version again');
      const bad = await respond('PUT', `/api/respond/${token}/draft`, { data: { etp_salaries: 'beaucoup' } });
      assert.equal(bad.statusCode, 422, 'drafts are still checked against the cached survey');
    } finally {
      surveys.getVersion = original;
    }
  });
});
