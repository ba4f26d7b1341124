import type { Kysely, Selectable } from 'kysely';
import type { ResponseRecord } from '../../survey/records.js';
import type { ResponseRepository, ResponseRevision, StoredResponse } from '../api.js';
import { StoreNotFoundError, StoreValidationError } from '../errors.js';
import type { Database, ResponsesTable } from '../types.js';
import type { RepoContext } from './common.js';
import { inTransaction, newId, nowIso, parseJson, toCount, toIso } from './common.js';

type Data = Record<string, unknown>;

function toResponse(row: Selectable<ResponsesTable>): StoredResponse {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    invitationId: row.invitation_id,
    structureId: row.structure_id,
    status: row.status as StoredResponse['status'],
    data: parseJson<Data>(row.data),
    revision: Number(row.revision),
    draftUpdatedAt: row.draft_updated_at,
    submittedAt: row.submitted_at,
  };
}

function serializeData(data: unknown): string {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new StoreValidationError('response data must be a JSON object keyed by question name', [
      { field: 'data', message: 'not a JSON object' },
    ]);
  }
  return JSON.stringify(data);
}

/**
 * One page of a campaign's submitted responses, after the response id `after`. Both sides of the
 * join are bounded by `after`: with the bound on `responses` alone, PostgreSQL merge-joined the
 * revisions from their first row on every page, so reading a campaign was quadratic (a page halfway
 * through 20 k responses read 10,723 revision rows to return 500). Exported for the plan tests.
 */
export function submittedPageQuery(
  db: Kysely<Database>,
  campaignId: string,
  after: string,
  pageSize: number,
  structureIds?: readonly string[],
) {
  let query = db
    .selectFrom('responses as r')
    .innerJoin('response_revisions as rr', (join) =>
      join.onRef('rr.response_id', '=', 'r.id').onRef('rr.revision', '=', 'r.revision'),
    )
    .select([
      'r.id as id',
      'r.structure_id as structure',
      'rr.data as data',
      'rr.submitted_at as submittedAt',
    ])
    .where('r.campaign_id', '=', campaignId)
    .where('r.revision', '>', 0)
    .where('r.id', '>', after)
    .where('rr.response_id', '>', after);
  // Short structure lists go to SQL; long ones are filtered by the caller (no bound-parameter limit).
  if (structureIds) query = query.where('r.structure_id', 'in', [...structureIds]);
  return query.orderBy('r.id').limit(pageSize);
}

async function invitationOrThrow(db: Kysely<Database>, invitationId: string) {
  const invitation = await db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', invitationId)
    .executeTakeFirst();
  if (!invitation) throw new StoreNotFoundError('invitation', invitationId);
  return invitation;
}

/** The response row of an invitation, created empty if needed (race-free on both dialects). */
async function ensureResponse(
  trx: Kysely<Database>,
  invitation: { id: string; campaign_id: string; structure_id: string | null },
  data: string,
  lock: boolean,
) {
  await trx
    .insertInto('responses')
    .values({
      id: newId(),
      campaign_id: invitation.campaign_id,
      invitation_id: invitation.id,
      structure_id: invitation.structure_id,
      status: 'draft',
      data,
      revision: 0,
      draft_updated_at: null,
      submitted_at: null,
    })
    .onConflict((oc) => oc.column('invitation_id').doNothing())
    .execute();
  let query = trx.selectFrom('responses').selectAll().where('invitation_id', '=', invitation.id);
  // PostgreSQL: serialise concurrent submits of the SAME response (revision numbering). SQLite
  // has no FOR UPDATE and needs none: its writers are already serialised.
  if (lock) query = query.forUpdate();
  return query.executeTakeFirstOrThrow();
}

export function responseRepository({ db, dialect }: RepoContext): ResponseRepository {
  const lock = dialect === 'postgres';
  const repo: ResponseRepository = {
    async saveDraft(invitationId, data, now = nowIso()) {
      now = toIso(now, 'now');
      const text = serializeData(data);
      return inTransaction(db, async (trx) => {
        const invitation = await invitationOrThrow(trx, invitationId);
        const row = await ensureResponse(trx, invitation, text, lock);
        await trx
          .updateTable('responses')
          .set({ data: text, draft_updated_at: now })
          .where('id', '=', row.id)
          .execute();
        await trx
          .updateTable('invitations')
          .set({ status: 'in_progress' })
          .where('id', '=', invitationId)
          .where('status', '=', 'not_started')
          .execute();
        return toResponse({ ...row, data: text, draft_updated_at: now });
      });
    },

    async submit(invitationId, data, submissionId, now = nowIso()) {
      now = toIso(now, 'now');
      const text = serializeData(data);
      if (!submissionId.trim()) {
        throw new StoreValidationError('a submission needs a submission id', [
          { field: 'submissionId', message: 'empty' },
        ]);
      }
      return inTransaction(db, async (trx) => {
        const invitation = await invitationOrThrow(trx, invitationId);
        const row = await ensureResponse(trx, invitation, text, lock);
        const previous = await trx
          .selectFrom('response_revisions')
          .select('revision')
          .where('response_id', '=', row.id)
          .where('submission_id', '=', submissionId)
          .executeTakeFirst();
        if (previous)
          return { response: toResponse(row), revision: Number(previous.revision), duplicate: true };
        const revision = Number(row.revision) + 1;
        await trx
          .insertInto('response_revisions')
          .values({
            response_id: row.id,
            revision,
            data: text,
            submitted_at: now,
            submission_id: submissionId,
          })
          .execute();
        await trx
          .updateTable('responses')
          .set({ status: 'submitted', data: text, revision, submitted_at: now })
          .where('id', '=', row.id)
          .execute();
        await trx
          .updateTable('invitations')
          .set({ status: 'submitted' })
          .where('id', '=', invitationId)
          .execute();
        const response = toResponse({ ...row, status: 'submitted', data: text, revision, submitted_at: now });
        return { response, revision, duplicate: false };
      });
    },

    async get(id) {
      const row = await db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toResponse(row);
    },

    async getByInvitation(invitationId) {
      const row = await db
        .selectFrom('responses')
        .selectAll()
        .where('invitation_id', '=', invitationId)
        .executeTakeFirst();
      return row && toResponse(row);
    },

    async listRevisions(responseId) {
      const rows = await db
        .selectFrom('response_revisions')
        .selectAll()
        .where('response_id', '=', responseId)
        .orderBy('revision')
        .execute();
      return rows.map((r): ResponseRevision => ({
        responseId: r.response_id,
        revision: Number(r.revision),
        data: parseJson<Data>(r.data),
        submittedAt: r.submitted_at,
        submissionId: r.submission_id,
      }));
    },

    async *listSubmitted(campaignId, options = {}): AsyncIterable<ResponseRecord> {
      const pageSize = Math.max(1, options.pageSize ?? 500);
      const wanted = options.structureIds ? new Set(options.structureIds) : undefined;
      if (wanted && wanted.size === 0) return;
      let after = '';
      for (;;) {
        const short = wanted && wanted.size <= 500 ? [...wanted] : undefined;
        const rows = await submittedPageQuery(db, campaignId, after, pageSize, short).execute();
        for (const row of rows) {
          if (wanted && (row.structure === null || !wanted.has(row.structure))) continue;
          yield {
            id: row.id,
            structure: row.structure,
            submittedAt: row.submittedAt,
            data: parseJson<Data>(row.data),
          };
        }
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    async submissionDates(campaignId) {
      const rows = await db
        .selectFrom('responses')
        .select(['invitation_id', 'submitted_at'])
        .where('campaign_id', '=', campaignId)
        .execute();
      return new Map(rows.map((r) => [r.invitation_id, r.submitted_at]));
    },

    async countSubmitted(campaignId, options = {}) {
      if (options.structureIds) {
        let n = 0;
        for await (const _ of repo.listSubmitted(campaignId, options)) n += 1;
        return n;
      }
      const row = await db
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('campaign_id', '=', campaignId)
        .where('revision', '>', 0)
        .executeTakeFirstOrThrow();
      return toCount(row.n);
    },
  };
  return repo;
}
