import type { Selectable } from 'kysely';
import type { Territory, TerritoryRepository } from '../api.js';
import { StoreConflictError, StoreNotFoundError, StoreValidationError } from '../errors.js';
import type { TerritoriesTable } from '../types.js';
import type { RepoContext } from './common.js';
import { chunk, isForeignKeyViolation, mapConflict, newId } from './common.js';

const LEVEL_ORDER: Record<string, number> = { region: 0, departement: 1, territoire: 2 };

export function toTerritory(row: Selectable<TerritoriesTable>): Territory {
  return { id: row.id, name: row.name, level: row.level, code: row.code, parentId: row.parent_id };
}

export function territoryRepository({ db }: RepoContext): TerritoryRepository {
  const repo: TerritoryRepository = {
    async create(input) {
      const name = input.name.trim();
      if (!name) throw new StoreValidationError('a territory needs a name');
      if (!input.level.trim()) throw new StoreValidationError(`territory "${name}" needs a level`);
      const parentId = input.parentId ?? null;
      if (parentId !== null && !(await repo.get(parentId)))
        throw new StoreNotFoundError('territory', parentId);
      const row = {
        id: input.id ?? newId(),
        name,
        level: input.level.trim(),
        code: input.code ?? null,
        parent_id: parentId,
      };
      await mapConflict(
        db.insertInto('territories').values(row).execute(),
        `territory id "${row.id}" already exists`,
        'id',
      );
      return toTerritory(row);
    },

    async get(id) {
      const row = await db.selectFrom('territories').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toTerritory(row);
    },

    async list() {
      const rows = await db.selectFrom('territories').selectAll().execute();
      return rows
        .map(toTerritory)
        .sort(
          (a, b) =>
            (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) ||
            a.name.localeCompare(b.name, 'fr') ||
            a.id.localeCompare(b.id),
        );
    },

    async update(id, patch) {
      const current = await repo.get(id);
      if (!current) throw new StoreNotFoundError('territory', id);
      if (patch.parentId !== undefined && patch.parentId !== null) {
        if (!(await repo.get(patch.parentId))) throw new StoreNotFoundError('territory', patch.parentId);
        const below = await repo.descendantIds([id]);
        if (below.includes(patch.parentId)) {
          throw new StoreValidationError(
            `territory "${current.name}" cannot be placed under "${patch.parentId}", which is itself inside it`,
          );
        }
      }
      const values = {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.level !== undefined ? { level: patch.level.trim() } : {}),
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
      };
      if (Object.keys(values).length > 0) {
        await db.updateTable('territories').set(values).where('id', '=', id).execute();
      }
      return (await repo.get(id))!;
    },

    async delete(id) {
      try {
        await db.deleteFrom('territories').where('id', '=', id).execute();
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new StoreConflictError(
            `territory "${id}" is still used by sub-territories, structures or users; move them first`,
          );
        }
        throw error;
      }
    },

    async descendantIds(ids) {
      const found = new Set<string>();
      for (const part of chunk([...new Set(ids)])) {
        if (part.length === 0) continue;
        // UNION (not UNION ALL) also stops the recursion should a cycle ever exist.
        const rows = await db
          .withRecursive('tree(id)', (qb) =>
            qb
              .selectFrom('territories')
              .select('territories.id')
              .where('territories.id', 'in', part)
              .union(
                qb
                  .selectFrom('territories')
                  .innerJoin('tree', 'tree.id', 'territories.parent_id')
                  .select('territories.id'),
              ),
          )
          .selectFrom('tree')
          .select('tree.id')
          .execute();
        for (const row of rows) found.add(row.id);
      }
      return [...found].sort();
    },

    async ancestors(id) {
      const chain: Territory[] = [];
      const seen = new Set<string>();
      let next: string | null = id;
      while (next !== null && !seen.has(next)) {
        seen.add(next);
        const territory = await repo.get(next);
        if (!territory) break;
        chain.push(territory);
        next = territory.parentId;
      }
      return chain;
    },
  };
  return repo;
}
