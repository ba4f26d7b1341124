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

/** Staff accounts (0013_structure_staff): user id → its structure (null once removed). */
async function structuresOf(db: Kysely<Database>, userIds: string[]): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('user_structures')
    .select(['user_id', 'structure_id'])
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.structure_id]));
}

/**
 * A staff account is stored with the role 'viewer' (the CHECK of 0001 knows no other) and a
 * user_structures row; any other role removes the row.
 */
async function setStaff(db: Kysely<Database>, userId: string, staff: { structureId: string | null } | null) {
  await db.deleteFrom('user_structures').where('user_id', '=', userId).execute();
  if (!staff) return;
  if (staff.structureId) {
    const known = await db
      .selectFrom('structures')
      .select('id')
      .where('id', '=', staff.structureId)
      .executeTakeFirst();
    if (!known) throw new StoreNotFoundError('structure', staff.structureId);
  }
  await db
    .insertInto('user_structures')
    .values({ user_id: userId, structure_id: staff.structureId })
    .execute();
}

const storedRole = (role: UserRole): string => (role === 'structure' ? 'viewer' : role);

export function toUser(
  row: Selectable<UsersTable>,
  territoryIds: string[],
  structureId?: string | null,
): User {
  const staff = structureId !== undefined;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: staff ? 'structure' : (row.role as UserRole),
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
              role: storedRole(role),
              created_at: now,
              disabled: 0,
              must_change_password: 0,
            })
            .execute(),
          duplicate(email),
          'email',
        );
        await setTerritories(trx, id, input.territoryIds ?? []);
        if (role === 'structure') await setStaff(trx, id, { structureId: input.structureId ?? null });
      });
      return (await repo.get(id))!;
    },

    async get(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return toUser(
        row,
        (await territoriesOf(db, [id])).get(id) ?? [],
        (await structuresOf(db, [id])).get(id),
      );
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
      const before = await repo.get(id);
      if (!before) throw new StoreNotFoundError('user', id);
      const email = patch.email !== undefined ? checkEmail(patch.email) : undefined;
      const values = {
        ...(email !== undefined ? { email } : {}),
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
        ...(patch.role !== undefined ? { role: storedRole(checkRole(patch.role)) } : {}),
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
        if (patch.role !== undefined || patch.structureId !== undefined) {
          const role = patch.role ?? before.role;
          const structureId =
            patch.structureId !== undefined ? patch.structureId : (before.structureId ?? null);
          await setStaff(trx, id, role === 'structure' ? { structureId } : null);
        }
      });
      return (await repo.get(id))!;
    },
  };
  return repo;
}
