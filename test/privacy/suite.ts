/**
 * The personal-data suite, run unchanged on SQLite (sqlite.test.ts, a real temp file) and on
 * PostgreSQL (postgres.test.ts, a throw-away cluster). Order matters: the retention test counts
 * every expired row, so it runs first on the empty database.
 */
import { after, before, describe } from 'node:test';
import type { Store } from '../../src/store/index.js';
import { retentionTests } from './suite-retention.js';
import { personTests } from './suite-person.js';
import { auditTests } from './suite-audit.js';

export interface PrivacyContext {
  store: Store;
}

export function runPrivacySuite(name: string, open: () => Promise<Store>): void {
  describe(`personal data (${name})`, () => {
    const ctx = {} as PrivacyContext;
    before(async () => {
      ctx.store = await open();
      await ctx.store.migrate();
    });
    after(async () => {
      await ctx.store?.close();
    });
    retentionTests(ctx);
    personTests(ctx);
    auditTests(ctx);
  });
}
