import type { ResponseReview, ReviewRepository, ReviewStatus } from '../api-review.js';
import { StoreNotFoundError } from '../errors.js';
import type { RepoContext } from './common.js';
import { nowIso, parseJson, toIso } from './common.js';

export interface ResponseReviewsTable {
  response_id: string;
  campaign_id: string;
  status: string;
  revision: number;
  message: string | null;
  questions: string;
  updated_at: string;
  updated_by: string | null;
}

declare module '../types.js' {
  interface Database {
    response_reviews: ResponseReviewsTable;
  }
}

function fromRow(row: ResponseReviewsTable): ResponseReview {
  return {
    responseId: row.response_id,
    campaignId: row.campaign_id,
    status: row.status as ReviewStatus,
    revision: Number(row.revision),
    message: row.message,
    questions: parseJson<string[]>(row.questions),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function reviewRepository({ db }: RepoContext): ReviewRepository {
  return {
    async submitted(campaignId) {
      const rows = await db
        .selectFrom('responses')
        .select(['id', 'structure_id', 'revision', 'submitted_at'])
        .where('campaign_id', '=', campaignId)
        .where('revision', '>', 0)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        responseId: r.id,
        structureId: r.structure_id,
        revision: Number(r.revision),
        submittedAt: r.submitted_at,
      }));
    },
    async get(responseId) {
      const row = await db
        .selectFrom('response_reviews')
        .selectAll()
        .where('response_id', '=', responseId)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async list(campaignId, options = {}) {
      let query = db.selectFrom('response_reviews').selectAll().where('campaign_id', '=', campaignId);
      if (options.status) {
        if (options.status.length === 0) return [];
        query = query.where('status', 'in', options.status);
      }
      const rows = await query.orderBy('response_id').execute();
      return rows.map(fromRow);
    },
    async set(review) {
      const response = await db
        .selectFrom('responses')
        .select(['id', 'campaign_id'])
        .where('id', '=', review.responseId)
        .executeTakeFirst();
      if (!response) throw new StoreNotFoundError('response', review.responseId);
      const row: ResponseReviewsTable = {
        response_id: response.id,
        campaign_id: response.campaign_id,
        status: review.status,
        revision: review.revision,
        message: review.message,
        questions: JSON.stringify(review.questions),
        updated_at: toIso(review.updatedAt ?? nowIso(), 'updatedAt'),
        updated_by: review.updatedBy,
      };
      const { response_id: _id, campaign_id: _campaign, ...changes } = row;
      await db
        .insertInto('response_reviews')
        .values(row)
        .onConflict((oc) => oc.column('response_id').doUpdateSet(changes))
        .execute();
      return fromRow(row);
    },
  };
}
