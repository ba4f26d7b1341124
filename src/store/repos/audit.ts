import type { AuditEntry, AuditRepository, SettingsRepository } from '../api.js';
import type { RepoContext } from './common.js';
import { newId, nowIso, parseJson, toIso } from './common.js';

export function auditRepository({ db }: RepoContext): AuditRepository {
  return {
    async record(entry, now = nowIso()) {
      now = toIso(now, 'now');
      const row = {
        id: newId(),
        at: now,
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        details: JSON.stringify(entry.details ?? {}),
      };
      await db.insertInto('audit_log').values(row).execute();
      return { ...row, details: entry.details ?? {} };
    },

    async list(options = {}) {
      let query = db.selectFrom('audit_log').selectAll();
      if (options.action !== undefined) query = query.where('action', '=', options.action);
      if (options.target !== undefined) query = query.where('target', '=', options.target);
      if (options.actor !== undefined) query = query.where('actor', '=', options.actor);
      const rows = await query
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(1, options.limit ?? 100))
        .execute();
      return rows.map((r): AuditEntry => ({ ...r, details: parseJson<unknown>(r.details) }));
    },
  };
}

export function settingsRepository({ db }: RepoContext): SettingsRepository {
  return {
    async get<T>(key: string) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row ? parseJson<T>(row.value) : undefined;
    },
    async set(key, value) {
      const text = JSON.stringify(value ?? null);
      await db
        .insertInto('settings')
        .values({ key, value: text })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
        .execute();
    },
    async delete(key) {
      await db.deleteFrom('settings').where('key', '=', key).execute();
    },
  };
}
