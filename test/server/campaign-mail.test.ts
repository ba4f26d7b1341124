/**
 * Campaign mail over HTTP: texts with fields (unknown ones refused in French), a preview for a
 * real structure, the first invitation once per structure with an address, scheduled reminders
 * run by the in-process scheduler on a fake clock (once, even when the job runs again), the send
 * log with bounces, structures without an address apart; authorization and anonymous access.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers.js';
import { runDueReminders, sendCampaignMail } from '../../src/app/mail/index.js';
import { participationRows } from '../../src/app/campaigns/participation.js';

let server: TestServer;
let campaignId: string;
let withEmail: string[];
before(async () => {
  server = await startTestServer();
  campaignId = server.demo.openCampaign.id;
  // Four structures get an address; the others have none.
  const invitations = (await server.store.invitations.list(campaignId)).filter((i) => i.structureId);
  withEmail = [];
  for (const invitation of invitations) {
    const structure = (await server.store.structures.get(invitation.structureId!))!;
    const keep = withEmail.length < 4 && invitation.status !== 'submitted';
    const attributes = { ...structure.attributes };
    if (keep) {
      attributes.email = `direction-${withEmail.length}@centre.example.org`;
      withEmail.push(structure.id);
    } else delete attributes.email;
    await server.store.structures.update(structure.id, { attributes });
    if (invitation.email) await server.store.invitations.list(campaignId); // address only from the registry
  }
});
after(async () => server?.close());

const outbox = () => {
  const dir = join(server.dir, 'outbox');
  return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')) : [];
};
const kindOf = (eml: string) => /^X-Panorama-Mail: (\w+)$/m.exec(eml)?.[1];
const url = (path = '') => `/api/campaigns/${campaignId}/mail${path}`;

test('defaults are French; an unknown field is refused with its name; the preview uses a real structure', async () => {
  const page = await server.request(server.users.admin, { method: 'GET', url: url() });
  assert.equal(page.statusCode, 200, page.body);
  const body = page.json();
  assert.match(body.settings.invitation.subject, /invitée/);
  assert.equal(body.recipients.withEmail, 4);
  assert.equal(body.recipients.withoutEmail.length, body.recipients.total - 4);

  const settings = {
    ...body.settings,
    federation: 'Fédération du Nord',
    signature: 'Camille, chargée d’études',
    invitation: {
      subject: 'Invitation {campagne} pour {structure}',
      body: 'Bonjour {structure}, {lien} avant le {date_limte}',
    },
  };
  const refused = await server.request(server.users.admin, {
    method: 'PUT',
    url: url('/templates'),
    payload: settings,
  });
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error.code, 'mail_unknown_placeholder');
  assert.match(
    refused.json().error.message,
    /Texte de l’invitation : le champ « \{date_limte\} » n’existe pas/,
  );

  settings.invitation.body =
    'Bonjour {structure},\n{lien}\nAvant le {date_limite}.\n{signature}\n{federation}';
  const saved = await server.request(server.users.admin, {
    method: 'PUT',
    url: url('/templates'),
    payload: settings,
  });
  assert.equal(saved.statusCode, 200, saved.body);

  const preview = await server.request(server.users.admin, {
    method: 'POST',
    url: url('/preview'),
    payload: { kind: 'invitation' },
  });
  assert.equal(preview.statusCode, 200, preview.body);
  const p = preview.json();
  assert.ok(withEmail.includes(p.structure.id));
  assert.equal(
    p.subject,
    `Invitation ${(await server.store.campaigns.get(campaignId))!.name} pour ${p.structure.name}`,
  );
  assert.ok(p.text.startsWith(`Bonjour ${p.structure.name},`));
  assert.match(p.text, /http:\/\/panorama\.test\/r\//);
  assert.match(p.text, /Fédération du Nord/);
  assert.doesNotMatch(p.text + p.subject, /\{/);
});

test('invitations: exactly one per structure with an address, even when sent twice; the others listed apart', async () => {
  const first = await server.request(server.users.admin, {
    method: 'POST',
    url: url('/invitations'),
    payload: {},
  });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().sent.length, 4);
  assert.ok(first.json().withoutEmail.length > 0);
  const second = await server.request(server.users.admin, {
    method: 'POST',
    url: url('/invitations'),
    payload: {},
  });
  assert.equal(second.json().sent.length, 0);
  assert.equal(second.json().alreadySent.length, 4);
  const invitations = outbox().filter((m) => kindOf(m) === 'invitation');
  assert.equal(invitations.length, 4);
  const log = (await server.request(server.users.admin, { method: 'GET', url: url() })).json().log;
  assert.equal(log.filter((e: { status: string }) => e.status === 'sent').length, 4);
});

test('scheduled reminders leave at their dates on the fake clock, once, to those who have not submitted', async () => {
  const campaign = (await server.store.campaigns.get(campaignId))!;
  const res = await server.request(server.users.admin, {
    method: 'PUT',
    url: url('/schedule'),
    payload: { daysBefore: [7, 2] },
  });
  assert.equal(res.statusCode, 200, res.body);
  const [seven, two] = res.json().schedule;
  assert.equal(seven.daysBefore, 7);
  assert.ok(Date.parse(seven.sendAt) < Date.parse(two.sendAt));
  assert.ok(Date.parse(two.sendAt) < Date.parse(campaign.closesAt!));

  const start = server.clock.now;
  await server.app.mailScheduler!.tick();
  assert.equal(outbox().filter((m) => kindOf(m) === 'reminder').length, 0, 'nothing due yet');

  server.clock.now = new Date(Date.parse(seven.sendAt) + 60_000);
  await server.app.mailScheduler!.tick();
  await server.app.mailScheduler!.tick();
  const afterSeven = outbox().filter((m) => kindOf(m) === 'reminder');
  assert.equal(afterSeven.length, 4);
  assert.ok(
    afterSeven.every((m) =>
      m.includes(
        `Date: ${new Date(Date.parse(seven.sendAt) + 60_000).toUTCString().replace('GMT', '+0000')}`,
      ),
    ),
  );

  // A restart re-running the same job writes to nobody twice.
  const { rows } = await participationRows(server.app.panorama, { all: true }, campaign);
  const again = await sendCampaignMail(server.app.panorama, campaign, rows, {
    kind: 'reminder',
    job: `schedule:${seven.id}`,
  });
  assert.equal(again.sent.length, 0);
  assert.equal(again.alreadySent.length, 4);

  // An address added since the invitations: the scheduled job invites that structure, it does
  // not send it a "Rappel" as a first message.
  const newcomer = (await server.store.invitations.list(campaignId)).find(
    (i) => i.structureId && i.status !== 'submitted' && !withEmail.includes(i.structureId),
  )!;
  const structure = (await server.store.structures.get(newcomer.structureId!))!;
  await server.store.structures.update(structure.id, {
    attributes: { ...structure.attributes, email: 'nouvelle-direction@centre.example.org' },
  });

  server.clock.now = new Date(Date.parse(two.sendAt) + 60_000);
  assert.deepEqual(await runDueReminders(server.app.panorama), { ran: 1, sent: 5 });
  assert.deepEqual(await runDueReminders(server.app.panorama), { ran: 0, sent: 0 });
  assert.equal(outbox().filter((m) => kindOf(m) === 'reminder').length, 8);
  const toNewcomer = outbox().filter((m) => m.includes('nouvelle-direction@centre.example.org'));
  assert.deepEqual(toNewcomer.map(kindOf), ['invitation']);
  await server.store.structures.update(structure.id, { attributes: structure.attributes });
  const schedule = await server.store.mail.listSchedules(campaignId);
  assert.ok(schedule.every((s) => s.doneAt));
  // Sessions are dated by the same clock: back to the start, they are valid again.
  server.clock.now = start;
});

test('a bounce is logged as such, never as sent', async () => {
  const campaign = (await server.store.campaigns.get(campaignId))!;
  const ctx = server.app.panorama;
  const realMailer = ctx.mailer;
  ctx.mailer = {
    target: 'test',
    send: () => Promise.reject(Object.assign(new Error('550 no such user'), { responseCode: 550 })),
    close: () => undefined,
  };
  try {
    const { rows } = await participationRows(ctx, { all: true }, campaign);
    const result = await sendCampaignMail(ctx, campaign, rows, { kind: 'reminder', job: 'manual:bounce' });
    assert.equal(result.sent.length, 0);
    assert.equal(result.failed.length, 4);
    assert.ok(result.failed.every((f) => f.status === 'bounced'));
  } finally {
    ctx.mailer = realMailer;
  }
  const log = (await server.request(server.users.admin, { method: 'GET', url: url() })).json().log;
  assert.equal(log.filter((e: { status: string }) => e.status === 'bounced').length, 4);
});

test('scheduling needs dates in the future; the message says which', async () => {
  const res = await server.request(server.users.admin, {
    method: 'PUT',
    url: url('/schedule'),
    payload: { daysBefore: [365] },
  });
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().error.code, 'mail_schedule_past');
});

test("authorization: texts, invitations and schedule are the administrators'; anonymous gets 401", async () => {
  const settings = (await server.request(server.users.admin, { method: 'GET', url: url() })).json().settings;
  const cases = [
    { method: 'PUT' as const, path: '/templates', payload: settings },
    { method: 'POST' as const, path: '/invitations', payload: {} },
    { method: 'PUT' as const, path: '/schedule', payload: { daysBefore: [2] } },
  ];
  for (const c of cases) {
    for (const [who, session, status] of [
      ['nord', server.users.nord, 403],
      ['viewer', server.users.viewer, 403],
      ['anonymous', undefined, 401],
    ] as const) {
      const res = await server.request(session, { method: c.method, url: url(c.path), payload: c.payload });
      assert.equal(res.statusCode, status, `${who} ${c.method} ${c.path}: ${res.body}`);
    }
  }
  for (const [session, status] of [
    [server.users.viewer, 403],
    [undefined, 401],
  ] as const) {
    assert.equal((await server.request(session, { method: 'GET', url: url() })).statusCode, status);
    const preview = await server.request(session, {
      method: 'POST',
      url: url('/preview'),
      payload: { kind: 'reminder' },
    });
    assert.equal(preview.statusCode, status);
  }
  // The Nord correspondent sees only Nord structures in the log.
  const nord = await server.request(server.users.nord, { method: 'GET', url: url() });
  assert.equal(nord.statusCode, 200);
  const nordIds = new Set(
    (await server.store.structures.list({ territoryIds: ['demo-d-nord'] })).map((s) => s.id),
  );
  assert.ok(nord.json().log.every((e: { structureId: string }) => nordIds.has(e.structureId)));
});
