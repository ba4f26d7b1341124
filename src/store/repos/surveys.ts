import type { Kysely, Selectable } from 'kysely';
import type { Survey, SurveyRepository, SurveyVersion } from '../api.js';
import { StoreNotFoundError, StoreValidationError } from '../errors.js';
import type { Database, SurveyVersionsTable, SurveysTable } from '../types.js';
import type { RepoContext } from './common.js';
import {
  inTransaction,
  isUniqueViolation,
  mapConflict,
  newId,
  nowIso,
  parseJson,
  requiredText,
  toIso,
} from './common.js';

function toVersion(row: Selectable<SurveyVersionsTable>): SurveyVersion {
  return {
    id: row.id,
    surveyId: row.survey_id,
    version: Number(row.version),
    definition: parseJson<unknown>(row.definition),
    createdAt: row.created_at,
  };
}

function serializeDefinition(definition: unknown): string {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    throw new StoreValidationError('a survey definition must be a JSON object', [
      { field: 'definition', message: 'not a JSON object' },
    ]);
  }
  return JSON.stringify(definition);
}

async function latest(db: Kysely<Database>, surveyIds: string[]) {
  const map = new Map<string, { version: number; id: string }>();
  if (surveyIds.length === 0) return map;
  const rows = await db
    .selectFrom('survey_versions')
    .select(['id', 'survey_id', 'version'])
    .where('survey_id', 'in', surveyIds)
    .execute();
  for (const row of rows) {
    const version = Number(row.version);
    const current = map.get(row.survey_id);
    if (!current || version > current.version) map.set(row.survey_id, { version, id: row.id });
  }
  return map;
}

function toSurvey(row: Selectable<SurveysTable>, last: { version: number; id: string } | undefined): Survey {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    latestVersion: last?.version ?? 0,
    latestVersionId: last?.id ?? '',
  };
}

export function surveyRepository({ db }: RepoContext): SurveyRepository {
  const repo: SurveyRepository = {
    async create(input, now = nowIso()) {
      now = toIso(now, 'now');
      const title = requiredText(input.title, 'survey title', 'title');
      const definition = serializeDefinition(input.definition);
      const id = input.id ?? newId();
      const versionRow = { id: newId(), survey_id: id, version: 1, definition, created_at: now };
      await inTransaction(db, async (trx) => {
        await mapConflict(
          trx.insertInto('surveys').values({ id, title, created_at: now }).execute(),
          `survey id "${id}" already exists`,
          'id',
        );
        await trx.insertInto('survey_versions').values(versionRow).execute();
      });
      return { survey: (await repo.get(id))!, version: toVersion(versionRow) };
    },

    async addVersion(surveyId, definition, now = nowIso()) {
      now = toIso(now, 'now');
      const text = serializeDefinition(definition);
      // Two uploads at once may pick the same number: the unique (survey_id, version) makes one
      // of them fail, and it simply retries with the next number.
      for (let attempt = 0; ; attempt++) {
        try {
          return await inTransaction(db, async (trx) => {
            const survey = await trx
              .selectFrom('surveys')
              .select('id')
              .where('id', '=', surveyId)
              .executeTakeFirst();
            if (!survey) throw new StoreNotFoundError('survey', surveyId);
            const max = await trx
              .selectFrom('survey_versions')
              .select((eb) => eb.fn.max('version').as('max'))
              .where('survey_id', '=', surveyId)
              .executeTakeFirst();
            const row = {
              id: newId(),
              survey_id: surveyId,
              version: Number(max?.max ?? 0) + 1,
              definition: text,
              created_at: now,
            };
            await trx.insertInto('survey_versions').values(row).execute();
            return toVersion(row);
          });
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 5 || db.isTransaction) throw error;
        }
      }
    },

    async get(id) {
      const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSurvey(row, (await latest(db, [id])).get(id));
    },

    async list() {
      const rows = await db
        .selectFrom('surveys')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      const last = await latest(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toSurvey(r, last.get(r.id)));
    },

    async rename(id, title) {
      const trimmed = requiredText(title, 'survey title', 'title');
      const result = await db
        .updateTable('surveys')
        .set({ title: trimmed })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new StoreNotFoundError('survey', id);
    },

    async getVersion(versionId) {
      const row = await db
        .selectFrom('survey_versions')
        .selectAll()
        .where('id', '=', versionId)
        .executeTakeFirst();
      return row && toVersion(row);
    },

    async listVersions(surveyId) {
      const rows = await db
        .selectFrom('survey_versions')
        .selectAll()
        .where('survey_id', '=', surveyId)
        .orderBy('version')
        .execute();
      return rows.map(toVersion);
    },

    async deleteIfUnused(surveyId) {
      const used = await db
        .selectFrom('campaigns')
        .innerJoin('survey_versions', 'survey_versions.id', 'campaigns.survey_version_id')
        .select('campaigns.id')
        .where('survey_versions.survey_id', '=', surveyId)
        .executeTakeFirst();
      if (used) return false;
      await db.deleteFrom('survey_versions').where('survey_id', '=', surveyId).execute();
      await db.deleteFrom('surveys').where('id', '=', surveyId).execute();
      return true;
    },
  };
  return repo;
}
