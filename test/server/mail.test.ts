import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => server?.close());

test('a reminder lands in the outbox as an .eml with the personal link, in French', async () => {
  const campaignId = server.demo.openCampaign.id;
  const late = await server.store.invitations.list(campaignId, { status: ['not_started', 'in_progress'] });
  const target = late.find((i) => i.structureId)!;
  const structure = (await server.store.structures.get(target.structureId!))!;
  await server.store.structures.update(structure.id, {
    attributes: { ...structure.attributes, email: 'directrice@centre.example.org' },
  });
  const res = await server.request(server.users.admin, {
    method: 'POST',
    url: `/api/campaigns/${campaignId}/reminders`,
    payload: { structureIds: [structure.id] },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().sent, 1);
  const outbox = join(server.dir, 'outbox');
  assert.ok(existsSync(outbox));
  const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
  assert.equal(files.length, 1);
  const eml = readFileSync(join(outbox, files[0]!), 'utf8');
  assert.match(eml, /^To: directrice@centre\.example\.org$/m);
  assert.match(eml, /^Subject: /m);
  // The body may be quoted-printable: undo soft line breaks before looking for the link.
  const body = eml.replace(/=\r?\n/g, '');
  assert.ok(body.includes(`http://panorama.test/r/${target.token}`), 'personal link in the message');
  const invitation = (await server.store.invitations.get(target.id))!;
  assert.equal(invitation.reminderCount, 1);
  const audit = await server.store.audit.list({ action: 'campaign.reminders' });
  assert.equal(audit.length, 1);
});

test('reminding everyone late sends one message per structure with an address and lists the others', async () => {
  const campaignId = server.demo.openCampaign.id;
  const outbox = join(server.dir, 'outbox');
  const before = readdirSync(outbox).length;
  const participation = (
    await server.request(server.users.nord, {
      method: 'GET',
      url: `/api/campaigns/${campaignId}/participation`,
    })
  ).json();
  const lateNord = participation.structures.filter((s: { status: string }) => s.status !== 'submitted');
  const withEmail = lateNord.filter((s: { email: string | null }) => s.email);
  const res = await server.request(server.users.nord, {
    method: 'POST',
    url: `/api/campaigns/${campaignId}/reminders`,
    payload: {},
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().sent, withEmail.length);
  assert.equal(res.json().withoutEmail.length, lateNord.length - withEmail.length);
  assert.equal(readdirSync(outbox).length - before, withEmail.length);
  const recipients = readdirSync(outbox)
    .map((f) => /^To: (.*)$/m.exec(readFileSync(join(outbox, f), 'utf8'))?.[1])
    .filter(Boolean);
  // Only Nord structures were reminded by the Nord correspondent.
  for (const s of withEmail) assert.ok(recipients.includes(s.email));
  assert.ok(recipients.every((r) => !/(cs|evs)62-/.test(r!)));
});

test('the non-respondents CSV lists exactly those who have not submitted', async () => {
  const campaignId = server.demo.openCampaign.id;
  const res = await server.request(server.users.admin, {
    method: 'GET',
    url: `/api/campaigns/${campaignId}/non-respondents.csv`,
  });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  const lines = res.body
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines[0], 'id;nom;territoire;statut;email;relances;lien');
  const late = await server.store.invitations.list(campaignId, { status: ['not_started', 'in_progress'] });
  assert.equal(lines.length - 1, late.filter((i) => i.structureId).length);
});
