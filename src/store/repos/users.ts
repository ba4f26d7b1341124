import type { Kysely, Selectable } from 'kysely';
import type { User, UserRepository, UserRole, UserWithSecret } from '../api.js';
import { StoreNotFoundError, StoreValidationError } from '../errors.js';
import type { Database, UsersTable } from '../types.js';
import type { RepoContext } from './common.js';
import { fromDbBool, inTransaction, mapConflict, newId, nowIso, toCount, toDbBool, toIso } from './common.js';

const ROLES: readonly UserRole[] = ['admin', 'correspondent', 'viewer', 'structure'];

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

function checkEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) {
    throw new StoreValidationError(`"${email}" is not an e-mail address`, [
      { field: 'email', value: email, message: 'not an e-mail address' },
    ]);
  }
  return normalized;
}

function checkRole(role: string): UserRole {
  if (!ROLES.includes(role as UserRole)) {
    throw new StoreValidationError(`unknown role "${role}" (expected ${ROLES.join(', ')})`, [
      { field: 'role', value: role, message: 'unknown role' },
    ]);
  }
  return role as UserRole;
}

async function territoriesOf(db: Kysely<Database>, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_territories')
    .select(['user_id', 'territory_id'])
    .where('user_id', 'in', userIds)
    .orderBy('territory_id')
    .execute();
  for (const row of rows) map.get(row.user_id)?.push(row.territory_id);
  return map;
}

async function structuresOf(db: Kysely<Database>, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('user_structures')
    .select(['user_id', 'structure_id'])
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.structure_id]));
}

async function setStructure(db: Kysely<Database>, userId: string, structureId: string | null | undefined) {
  await db.deleteFrom('user_structures').where('user_id', '=', userId).execute();
  if (!structureId) return;
  const known = await db.selectFrom('structures').select('id').where('id', '=', structureId).executeTakeFirst();
  if (!known) throw new StoreNotFoundError('structure', structureId);
  await db.insertInto('user_structures').values({ user_id: userId, structure_id: structureId }).execute();
}

export function toUser(row: Selectable<UsersTable>, territoryIds: string[], structureId?: string): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as UserRole,
    disabled: fromDbBool(row.disabled),
    mustChangePassword: fromDbBool(row.must_change_password),
    createdAt: row.created_at,
    territoryIds,
    structureId: structureId ?? null,
  };
}

async function setTerritories(db: Kysely<Database>, userId: string, territoryIds: readonly string[]) {
  await db.deleteFrom('user_territories').where('user_id', '=', userId).execute();
  const unique = [...new Set(territoryIds)];
  if (unique.length === 0) return;
  const known = await db.selectFrom('territories').select('id').where('id', 'in', unique).execute();
  const missing = unique.filter((id) => !known.some((k) => k.id === id));
  if (missing.length > 0) throw new StoreNotFoundError('territory', missing.join(', '));
  await db
    .insertInto('user_territories')
    .values(unique.map((territory_id) => ({ user_id: userId, territory_id })))
    .execute();
}

export function userRepository({ db }: RepoContext): UserRepository {
  const duplicate = (email: string) => `a user with e-mail ${email} already exists`;
  const repo: UserRepository = {
    async create(input, now = nowIso()) {
      now = toIso(now, 'now');
      const email = checkEmail(input.email);
      const role = checkRole(input.role);
      if (!input.name.trim())
        throw new StoreValidationError('the user name is empty', [
          { field: 'name', value: input.name, message: 'empty' },
        ]);
      const id = newId();
      await inTransaction(db, async (trx) => {
        await mapConflict(
          trx
            .insertInto('users')
            .values({
              id,
              email,
              name: input.name.trim(),
              password_hash: input.passwordHash,
              role,
              created_at: now,
              disabled: 0,
              must_change_password: 0,
            })
            .execute(),
          duplicate(email),
          'email',
        );
        await setTerritories(trx, id, input.territoryIds ?? []);
        if (input.structureId) await setStructure(trx, id, input.structureId);
      });
      return (await repo.get(id))!;
    },

    async get(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return toUser(row, (await territoriesOf(db, [id])).get(id) ?? [], (await structuresOf(db, [id])).get(id));
    },

    async findByEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', normalizeEmail(email))
        .executeTakeFirst();
      if (!row) return undefined;
      const user: UserWithSecret = {
        ...toUser(
          row,
          (await territoriesOf(db, [row.id])).get(row.id) ?? [],
          (await structuresOf(db, [row.id])).get(row.id),
        ),
        passwordHash: row.password_hash,
      };
      return user;
    },

    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
      const territories = await territoriesOf(
        db,
        rows.map((r) => r.id),
      );
      const structures = await structuresOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toUser(r, territories.get(r.id) ?? [], structures.get(r.id)));
    },

    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return toCount(row.n);
    },

    async update(id, patch) {
      if (!(await repo.get(id))) throw new StoreNotFoundError('user', id);
      const email = patch.email !== undefined ? checkEmail(patch.email) : undefined;
      const values = {
        ...(email !== undefined ? { email } : {}),
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
        ...(patch.role !== undefined ? { role: checkRole(patch.role) } : {}),
        ...(patch.disabled !== undefined ? { disabled: toDbBool(patch.disabled) } : {}),
        ...(patch.mustChangePassword !== undefined
          ? { must_change_password: toDbBool(patch.mustChangePassword) }
          : {}),
      };
      await inTransaction(db, async (trx) => {
        if (Object.keys(values).length > 0) {
          await mapConflict(
            trx.updateTable('users').set(values).where('id', '=', id).execute(),
            duplicate(email ?? ''),
            'email',
          );
        }
        if (patch.territoryIds !== undefined) await setTerritories(trx, id, patch.territoryIds);
        if (patch.structureId !== undefined) await setStructure(trx, id, patch.structureId);
      });
      return (await repo.get(id))!;
    },
  };
  return repo;
}
