import type { Kysely } from 'kysely';
import type { Store } from './api.js';
import type { Database } from './types.js';

/**
 * The Kysely instance under a store, for tests and benchmarks only (checking or seeding rows
 * directly). Application code goes through the repositories and `store.transaction`: ESLint
 * refuses this module outside src/store, test and bench.
 */
const handles = new WeakMap<Store, Kysely<Database>>();

export function registerKysely(store: Store, db: Kysely<Database>): void {
  handles.set(store, db);
}

export function kyselyOf(store: Store): Kysely<Database> {
  const db = handles.get(store);
  if (!db) throw new Error('kyselyOf: this store was not opened by openStore()');
  return db;
}
