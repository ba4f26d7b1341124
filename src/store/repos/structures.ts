import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import type {
  PopulationFilter,
  StoredStructure,
  StructureInput,
  StructureListOptions,
  StructurePatch,
  StructureRepository,
} from '../api.js';
import { fieldIssues } from '../../contract/errors/zod.js';
import { StoreNotFoundError, StoreValidationError } from '../errors.js';
import type { Database, StructuresTable } from '../types.js';
import type { Kysely } from 'kysely';
import type { RepoContext } from './common.js';
import {
  chunk,
  fromDbBoolOrNull,
  inTransaction,
  likePattern,
  nowIso,
  parseJson,
  toDbBoolOrNull,
  toIso,
} from './common.js';
import { buildRegistry } from './registry.js';
import { territoryRepository } from './territories.js';

const nullableText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));

export const structureInputSchema = z.object({
  id: z.string().trim().min(1, 'the structure id is empty'),
  name: z.string().trim().min(1, 'the structure name is empty'),
  type: z.enum(['CS', 'EVS'], { message: 'type must be CS or EVS' }).nullish(),
  address: nullableText,
  communeCode: nullableText,
  territoryId: nullableText,
  qpv: z.boolean().nullish(),
  managerType: nullableText,
  attributes: z.record(z.string(), z.string()).optional(),
});

export function toStructure(row: Selectable<StructuresTable>): StoredStructure {
  return {
    id: row.id,
    name: row.name,
    type: row.type as StoredStructure['type'],
    address: row.address,
    communeCode: row.commune_code,
    territoryId: row.territory_id,
    qpv: fromDbBoolOrNull(row.qpv),
    managerType: row.manager_type,
    attributes: parseJson<Record<string, string>>(row.attributes),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.archived_at ? { archivedAt: row.archived_at } : {}),
  };
}

type ValidStructure = z.infer<typeof structureInputSchema>;

/** The columns an import or an edit writes (everything but the id and the timestamps). */
function editableColumns(r: ValidStructure) {
  return {
    name: r.name,
    type: r.type ?? null,
    address: r.address,
    commune_code: r.communeCode,
    territory_id: r.territoryId,
    qpv: toDbBoolOrNull(r.qpv),
    manager_type: r.managerType,
    attributes: JSON.stringify(r.attributes ?? {}),
  };
}

function validateRows(rows: readonly StructureInput[]) {
  const problems: StoreValidationError['problems'] = [];
  const valid: ValidStructure[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const parsed = structureInputSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        const value = issue.path.reduce<unknown>(
          (v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k],
          row,
        );
        const [worded] = fieldIssues([issue]);
        problems.push({
          row: index,
          id: row?.id,
          field,
          value,
          message: issue.message,
          ...(worded ? { issue: worded } : {}),
        });
      }
      return;
    }
    const previous = seen.get(parsed.data.id);
    if (previous !== undefined) {
      problems.push({
        row: index,
        id: parsed.data.id,
        field: 'id',
        value: parsed.data.id,
        message: `duplicate id (also row ${previous + 1})`,
        code: 'registry_duplicate_id',
        params: { id: parsed.data.id, first: previous + 1, line: index + 1, sheet: true },
      });
    }
    seen.set(parsed.data.id, index);
    valid.push(parsed.data);
  });
  return { problems, valid };
}

function describe(problems: StoreValidationError['problems']): string {
  const shown = problems
    .slice(0, 5)
    .map(
      (p) =>
        `row ${(p.row ?? 0) + 1}${p.id ? ` (${p.id})` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`,
    );
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  return `structures not imported, nothing was changed: ${shown.join('; ')}${more}`;
}

/** Current rows of these ids (locked for the transaction on PostgreSQL when `lock`). */
async function storedRows(trx: Kysely<Database>, ids: readonly string[], lock: boolean) {
  const out: Selectable<StructuresTable>[] = [];
  for (const part of chunk([...new Set(ids)])) {
    const query = trx.selectFrom('structures').selectAll().where('id', 'in', part);
    out.push(...(await (lock ? query.forUpdate() : query).execute()));
  }
  return out;
}

async function checkTerritories(trx: Kysely<Database>, valid: readonly ValidStructure[]): Promise<void> {
  const territoryIds = [...new Set(valid.map((r) => r.territoryId).filter((t): t is string => t !== null))];
  const known = new Set<string>();
  for (const part of chunk(territoryIds)) {
    const found = await trx.selectFrom('territories').select('id').where('id', 'in', part).execute();
    for (const r of found) known.add(r.id);
  }
  const missing: StoreValidationError['problems'] = [];
  valid.forEach((r, index) => {
    if (r.territoryId !== null && !known.has(r.territoryId)) {
      missing.push({
        row: index,
        id: r.id,
        field: 'territoryId',
        value: r.territoryId,
        message: `unknown territory "${r.territoryId}"`,
      });
    }
  });
  if (missing.length > 0) throw new StoreValidationError(describe(missing), missing);
}

/** Inserts or replaces whole rows; `createdAt` of existing rows is kept. */
async function writeRows(
  trx: Kysely<Database>,
  valid: readonly ValidStructure[],
  now: string,
): Promise<void> {
  for (const part of chunk(valid, 100)) {
    await trx
      .insertInto('structures')
      .values(part.map((r) => ({ id: r.id, ...editableColumns(r), created_at: now, updated_at: now })))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          type: eb.ref('excluded.type'),
          address: eb.ref('excluded.address'),
          commune_code: eb.ref('excluded.commune_code'),
          territory_id: eb.ref('excluded.territory_id'),
          qpv: eb.ref('excluded.qpv'),
          manager_type: eb.ref('excluded.manager_type'),
          attributes: eb.ref('excluded.attributes'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** The whole row a patch leads to: the stored one with the patch's fields over it. */
function applyPatch(stored: StoredStructure | undefined, patch: StructurePatch): StructureInput {
  const { setAttributes, removeAttributes, ...fields } = patch;
  const attributes = { ...(stored?.attributes ?? {}) };
  for (const key of removeAttributes ?? []) delete attributes[key];
  Object.assign(attributes, setAttributes ?? {});
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const base: StructureInput = stored ? { ...stored } : { id: patch.id, name: '' };
  return { ...base, ...defined, id: patch.id, attributes };
}

function sameRow(a: ReturnType<typeof editableColumns>, b: ReturnType<typeof editableColumns>): boolean {
  return (Object.keys(a) as (keyof typeof a)[]).every((k) =>
    k === 'attributes' ? sameAttributes(a.attributes, b.attributes) : a[k] === b[k],
  );
}

function sameAttributes(a: string, b: string): boolean {
  const x = JSON.parse(a) as Record<string, string>;
  const y = JSON.parse(b) as Record<string, string>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && x[k] === y[k]);
}

export function structureRepository(ctx: RepoContext): StructureRepository {
  const { db } = ctx;
  const territories = territoryRepository(ctx);

  async function filteredRows(options: StructureListOptions = {}) {
    let query = db.selectFrom('structures').selectAll();
    if (options.activeOnly) query = query.where('archived_at', 'is', null);
    if (options.territoryIds) {
      const ids = await territories.descendantIds(options.territoryIds);
      if (ids.length === 0) return [];
      query = query.where('territory_id', 'in', ids);
    }
    if (options.ids) {
      if (options.ids.length === 0) return [];
      // Long id lists are filtered in memory after the other criteria: no parameter limit to hit.
      if (options.ids.length <= 500) query = query.where('id', 'in', [...options.ids]);
    }
    if (options.search && options.search.trim()) {
      const pattern = likePattern(options.search.trim());
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(id)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(coalesce(commune_code, ''))`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    }
    let rows = await query.orderBy('name').orderBy('id').execute();
    if (options.ids && options.ids.length > 500) {
      const wanted = new Set(options.ids);
      rows = rows.filter((r) => wanted.has(r.id));
    }
    return rows;
  }

  const repo: StructureRepository = {
    async upsertMany(rows, now = nowIso()) {
      now = toIso(now, 'now');
      const { problems, valid } = validateRows(rows);
      if (problems.length > 0) throw new StoreValidationError(describe(problems), problems);
      return inTransaction(db, async (trx) => {
        await checkTerritories(trx, valid);
        const existing = new Set(
          (
            await storedRows(
              trx,
              valid.map((r) => r.id),
              false,
            )
          ).map((r) => r.id),
        );
        await writeRows(trx, valid, now);
        return { created: valid.length - existing.size, updated: existing.size };
      });
    },

    async patchMany(patches, now = nowIso()) {
      now = toIso(now, 'now');
      return inTransaction(db, async (trx) => {
        const stored = new Map(
          (
            await storedRows(
              trx,
              patches.map((p) => p.id),
              ctx.dialect === 'postgres',
            )
          ).map((r) => [r.id, toStructure(r)]),
        );
        const merged = patches.map((patch) => applyPatch(stored.get(patch.id), patch));
        const { problems, valid } = validateRows(merged);
        if (problems.length > 0) throw new StoreValidationError(describe(problems), problems);
        await checkTerritories(trx, valid);
        const changed = valid.filter((r) => {
          const before = stored.get(r.id);
          return !before || !sameRow(editableColumns(r), editableColumns(validateRows([before]).valid[0]!));
        });
        await writeRows(trx, changed, now);
        const created = changed.filter((r) => !stored.has(r.id)).length;
        return { created, updated: changed.length - created, unchanged: valid.length - changed.length };
      });
    },

    async get(id) {
      const row = await db.selectFrom('structures').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toStructure(row);
    },

    async list(options) {
      return (await filteredRows(options)).map(toStructure);
    },

    async update(id, patch, now = nowIso()) {
      now = toIso(now, 'now');
      const current = await repo.get(id);
      if (!current) throw new StoreNotFoundError('structure', id);
      const merged: StructureInput = { ...current, ...patch, id };
      const { problems, valid } = validateRows([merged]);
      if (problems.length > 0) throw new StoreValidationError(describe(problems), problems);
      const r = valid[0]!;
      if (r.territoryId !== null && !(await territories.get(r.territoryId))) {
        throw new StoreValidationError(`unknown territory "${r.territoryId}"`, [
          { id, field: 'territoryId', value: r.territoryId, message: `unknown territory "${r.territoryId}"` },
        ]);
      }
      await db
        .updateTable('structures')
        .set({ ...editableColumns(r), updated_at: now })
        .where('id', '=', id)
        .execute();
      return (await repo.get(id))!;
    },

    async delete(id) {
      await db.deleteFrom('structures').where('id', '=', id).execute();
    },

    async matchPopulation(filter: PopulationFilter) {
      const rows = await filteredRows({
        activeOnly: true,
        ...(filter.territoryIds ? { territoryIds: filter.territoryIds } : {}),
      });
      return rows
        .map(toStructure)
        .filter((s) => !filter.types || (s.type !== null && filter.types.includes(s.type)))
        .filter((s) => filter.qpv === undefined || s.qpv === filter.qpv)
        .filter((s) =>
          Object.entries(filter.attributes ?? {}).every(([key, accepted]) => {
            const value = s.attributes[key];
            return value !== undefined && accepted.includes(value);
          }),
        )
        .map((s) => s.id)
        .sort();
    },

    async registry(options) {
      const structures = (await filteredRows(options)).map(toStructure);
      return buildRegistry(structures, await territories.list());
    },
  };
  return repo;
}
