import type { PasswordResetRepository } from '../api.js';
import { StoreNotFoundError } from '../errors.js';
import type { RepoContext } from './common.js';
import { isForeignKeyViolation, nowIso, randomToken, sha256Hex, toIso } from './common.js';

export function passwordResetRepository({ db }: RepoContext): PasswordResetRepository {
  return {
    async create(userId, expiresAt, now = nowIso()) {
      const token = randomToken(32);
      try {
        await db
          .insertInto('password_resets')
          .values({
            id: sha256Hex(token),
            user_id: userId,
            created_at: toIso(now, 'now'),
            expires_at: toIso(expiresAt, 'expiresAt'),
            used_at: null,
          })
          .execute();
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new StoreNotFoundError('user', userId);
        throw error;
      }
      return { token };
    },

    async consume(token, now = nowIso()) {
      now = toIso(now, 'now');
      // One conditional UPDATE: of two concurrent uses, only one changes the row.
      const row = await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('id', '=', sha256Hex(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id;
    },

    async deleteForUser(userId) {
      const result = await db.deleteFrom('password_resets').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
