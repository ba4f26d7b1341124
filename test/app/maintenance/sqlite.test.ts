import { describe } from 'node:test';
import { sqliteFactory } from './helpers.js';
import { runMaintenanceSuite } from './suite.js';

describe('maintenance on SQLite', () => {
  runMaintenanceSuite('sqlite', sqliteFactory());
});
