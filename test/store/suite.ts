/**
 * The ONE storage suite: every repository behaviour, run unchanged against each dialect
 * (sqlite.test.ts on a real temp file, postgres.test.ts on a real throw-away cluster).
 */
import { after, before, describe } from 'node:test';
import type { Store } from '../../src/store/index.js';
import { accountTests } from './suite-accounts.js';
import { campaignTests } from './suite-campaigns.js';
import { publicationTests } from './suite-publications.js';
import { registryTests } from './suite-registry.js';
import { responseTests } from './suite-responses.js';
import { migrationTests } from './suite-migrations.js';
import { reviewTests } from './suite-review.js';
import { archiveTests } from './suite-archive.js';

export interface SuiteContext {
  /** The open store; replaced by reopen(). */
  store: Store;
  /** Closes the store and opens the same database again (persistence checks). */
  reopen(): Promise<void>;
}

export function runStoreSuite(name: string, open: () => Promise<Store>): void {
  describe(`store suite (${name})`, () => {
    const ctx = {
      async reopen() {
        await ctx.store.close();
        ctx.store = await open();
        await ctx.store.migrate();
      },
    } as SuiteContext;
    before(async () => {
      ctx.store = await open();
      await ctx.store.migrate();
      // Twice on purpose: migrating an up-to-date database must be a no-op.
      await ctx.store.migrate();
    });
    after(async () => {
      await ctx.store?.close();
    });
    registryTests(ctx);
    accountTests(ctx);
    campaignTests(ctx);
    responseTests(ctx);
    publicationTests(ctx);
    migrationTests(ctx);
    reviewTests(ctx);
    archiveTests(ctx);
  });
}

let counter = 0;
/** Ids unique within a run, so the tests share one database without seeing each other's rows. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}
