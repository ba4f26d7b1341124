import type { IdentityRepository, StoredLogo } from '../api-identity.js';
import type { RepoContext } from './common.js';
import { parseJson } from './common.js';

export interface FederationIdentityTable {
  id: string;
  settings: string;
  updated_at: string;
  updated_by: string | null;
}

export interface FederationLogoTable {
  id: string;
  type: string;
  width: number;
  height: number;
  content: string;
  png: string | null;
  updated_at: string;
  updated_by: string | null;
}

declare module '../types.js' {
  interface Database {
    federation_identity: FederationIdentityTable;
    federation_logo: FederationLogoTable;
  }
}

/** A federation has one identity: its row's id. */
const ONE = 'federation';

export function identityRepository({ db }: RepoContext): IdentityRepository {
  return {
    async get() {
      const row = await db
        .selectFrom('federation_identity')
        .selectAll()
        .where('id', '=', ONE)
        .executeTakeFirst();
      return row
        ? { settings: parseJson<unknown>(row.settings), updatedAt: row.updated_at, updatedBy: row.updated_by }
        : undefined;
    },
    async set(settings, updatedBy, now) {
      const values = { settings: JSON.stringify(settings), updated_at: now, updated_by: updatedBy };
      await db
        .insertInto('federation_identity')
        .values({ id: ONE, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    },
    async getLogo() {
      const row = await db.selectFrom('federation_logo').selectAll().where('id', '=', ONE).executeTakeFirst();
      if (!row) return undefined;
      const logo: StoredLogo = {
        type: row.type,
        width: Number(row.width),
        height: Number(row.height),
        content: row.content,
        png: row.png,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      };
      return logo;
    },
    async setLogo(logo) {
      const values = {
        type: logo.type,
        width: logo.width,
        height: logo.height,
        content: logo.content,
        png: logo.png,
        updated_at: logo.updatedAt,
        updated_by: logo.updatedBy,
      };
      await db
        .insertInto('federation_logo')
        .values({ id: ONE, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    },
    async removeLogo() {
      await db.deleteFrom('federation_logo').where('id', '=', ONE).execute();
    },
  };
}
