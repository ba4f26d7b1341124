import type { Selectable } from 'kysely';
import type { Session, SessionRepository } from '../api.js';
import { StoreNotFoundError } from '../errors.js';
import type { SessionsTable } from '../types.js';
import type { RepoContext } from './common.js';
import { isForeignKeyViolation, nowIso, randomToken, sha256Hex, toIso } from './common.js';
import { userRepository } from './users.js';

function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
  };
}

export function sessionRepository(ctx: RepoContext): SessionRepository {
  const { db } = ctx;
  const users = userRepository(ctx);
  return {
    async create(userId, expiresAt, now = nowIso()) {
      now = toIso(now, 'now');
      expiresAt = toIso(expiresAt, 'expiresAt');
      const token = randomToken(32);
      const row = {
        id: sha256Hex(token),
        user_id: userId,
        csrf_token: randomToken(32),
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
      };
      try {
        await db.insertInto('sessions').values(row).execute();
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new StoreNotFoundError('user', userId);
        throw error;
      }
      return { token, session: toSession(row) };
    },

    async findByToken(token, now = nowIso()) {
      now = toIso(now, 'now');
      const id = sha256Hex(token);
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      if (row.expires_at <= now) {
        await db.deleteFrom('sessions').where('id', '=', id).execute();
        return undefined;
      }
      const user = await users.get(row.user_id);
      if (!user || user.disabled) return undefined;
      return { session: toSession(row), user };
    },

    async touch(token, lastSeenAt, expiresAt) {
      await db
        .updateTable('sessions')
        .set({
          last_seen_at: toIso(lastSeenAt, 'lastSeenAt'),
          ...(expiresAt !== undefined ? { expires_at: toIso(expiresAt, 'expiresAt') } : {}),
        })
        .where('id', '=', sha256Hex(token))
        .execute();
    },

    async delete(token) {
      await db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
    },

    async deleteForUser(userId) {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async purgeExpired(now = nowIso()) {
      now = toIso(now, 'now');
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
