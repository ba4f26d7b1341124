import { after, before, describe } from 'node:test';
import { openStore } from '../../src/store/index.js';
import type { PostgresInstance } from '../support/postgres.js';
import { skipWithoutPostgres, startPostgres } from '../support/postgres.js';
import { runPrivacySuite } from './suite.js';

let pg: PostgresInstance | undefined;

describe('personal data on PostgreSQL', { skip: skipWithoutPostgres() }, () => {
  before(async () => {
    pg = await startPostgres();
    if (!pg) throw new Error('PostgreSQL binaries were found but the cluster did not start');
  });
  after(async () => {
    await pg?.stop();
  });
  runPrivacySuite('postgres', async () => {
    const store = await openStore({ databaseUrl: pg!.url });
    if (store.dialect !== 'postgres') throw new Error(`expected the postgres dialect, got ${store.dialect}`);
    return store;
  });
});
