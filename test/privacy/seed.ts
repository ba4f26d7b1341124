import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../src/store/index.js';

let counter = 0;
/** Ids unique within a run: the tests of one file share a database. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export const DAY = 86_400_000;
export const ago = (now: Date, days: number): string => new Date(now.getTime() - days * DAY).toISOString();

/** An outbox file named as src/app/mail.ts names them, dated `at`. */
export function writeOutboxFile(dir: string, at: string, to: string): string {
  mkdirSync(dir, { recursive: true });
  const stamp = at.replace(/[:.]/g, '-');
  const name = `${stamp}-${to.replace(/[^a-zA-Z0-9@._-]/g, '_')}-${Math.random().toString(16).slice(2, 8)}.eml`;
  writeFileSync(join(dir, name), `To: ${to}\r\nSubject: Invitation\r\n\r\nBonjour`);
  return name;
}

export async function territory(store: Store): Promise<string> {
  const t = await store.territories.create({ id: uid('t'), name: 'Flandre', level: 'territoire' });
  return t.id;
}

export async function structure(
  store: Store,
  territoryId: string,
  attributes: Record<string, string>,
  now: string,
): Promise<string> {
  const id = uid('CS');
  await store.structures.upsertMany([{ id, name: `Centre ${id}`, territoryId, attributes }], now);
  return id;
}

export async function campaign(
  store: Store,
  input: { closesAt: string | null; structureIds: string[]; now: string },
): Promise<{ id: string; invitations: Map<string, string> }> {
  const { version } = await store.surveys.create(
    {
      title: uid('Questionnaire'),
      definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] },
    },
    input.now,
  );
  const created = await store.campaigns.create(
    { name: uid('Campagne'), surveyVersionId: version.id, opensAt: input.now, closesAt: input.closesAt },
    input.now,
  );
  await store.invitations.createForPopulation(created.id, input.structureIds, input.now);
  const invitations = new Map<string, string>();
  for (const inv of await store.invitations.list(created.id)) invitations.set(inv.structureId!, inv.id);
  return { id: created.id, invitations };
}

export async function mailLogEntry(
  store: Store,
  input: { campaignId: string; structureId: string; recipient: string; at: string },
): Promise<string> {
  const id = await store.mail.claim({
    campaignId: input.campaignId,
    structureId: input.structureId,
    job: uid('job'),
    kind: 'invitation',
    recipient: input.recipient,
    subject: 'Observatoire : votre questionnaire',
    at: input.at,
  });
  await store.mail.settle(id!, 'sent', null);
  return id!;
}
