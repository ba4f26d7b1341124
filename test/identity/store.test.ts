import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '../../src/store/index.js';
import { skipWithoutPostgres, startPostgres, type PostgresInstance } from '../support/postgres.js';
import {
  getIdentity,
  saveIdentity,
  saveLogo,
  removeLogo,
  documentCover,
} from '../../src/app/identity/index.js';
import { DEFAULT_IDENTITY, type IdentityInput } from '../../src/contract/identity.js';
import { svgLogo } from './logos.js';

const INPUT: IdentityInput = {
  name: 'Fédération des centres sociaux du Nord',
  primaryColour: '#7a1f3d',
  secondaryColour: '#1d5c3a',
  contact: {
    address: '12 rue de Lille\n59000 Lille',
    email: 'contact@fcs59.fr',
    phone: '03 20 00 00 00',
    website: 'https://fcs59.fr',
  },
  accessibility: {
    conformity: 'partial',
    rate: 72.5,
    auditDate: '2026-10-01',
    auditor: 'Access42',
    nonCompliant: 'Cartes',
    statementDate: '2026-11-02',
  },
};

function suite(name: string, open: () => Promise<Store>) {
  describe(`identity storage on ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.migrate();
    });
    after(() => store.close());

    test('the Panorama identity stands in until one is set', async () => {
      const identity = await getIdentity(store);
      assert.equal(identity.custom, false);
      assert.equal(identity.name, DEFAULT_IDENTITY.name);
      assert.equal(identity.logo, null);
      assert.deepEqual(await documentCover(store), { name: DEFAULT_IDENTITY.name, primaryColour: '#0b2f5e' });
    });

    test('an identity and a logo are stored, read back, replaced and removed', async () => {
      const at = new Date('2026-12-01T10:00:00Z');
      const saved = await saveIdentity(store, INPUT, 'admin-1', at);
      assert.equal(saved.custom, true);
      assert.equal(saved.updatedAt, at.toISOString());
      const { logo: _logo, custom: _custom, updatedAt: _updatedAt, ...back } = await getIdentity(store);
      assert.deepEqual(back, INPUT);
      await saveIdentity(store, { ...INPUT, name: 'FCS 59' }, 'admin-1', at);
      assert.equal((await getIdentity(store)).name, 'FCS 59');

      const svg = svgLogo('#7a1f3d');
      const withLogo = await saveLogo(store, { filename: 'logo.svg', content: svg }, 'admin-1', at);
      assert.deepEqual(withLogo.logo, {
        type: 'image/svg+xml',
        width: 200,
        height: 80,
        bytes: svg.length,
        updatedAt: at.toISOString(),
      });
      const cover = await documentCover(store);
      assert.equal(cover.logo?.bitmapType, 'png');
      assert.equal(Buffer.from(cover.logo.bitmap, 'base64').subarray(1, 4).toString('latin1'), 'PNG');
      assert.equal(cover.logo?.dataUrl, `data:image/svg+xml;base64,${svg.toString('base64')}`);
      const audit = await store.audit.list({ action: 'identity.logo' });
      assert.equal(audit.length, 1);

      assert.equal((await removeLogo(store, 'admin-1', at)).logo, null);
      assert.equal((await documentCover(store)).logo, undefined);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'panorama-identity-'));
after(() => rmSync(dir, { recursive: true, force: true }));
suite('SQLite', () => openStore({ dataDir: dir }));

let pg: PostgresInstance | undefined;
describe('on PostgreSQL', { skip: skipWithoutPostgres() }, () => {
  before(async () => {
    pg = await startPostgres();
    if (!pg) throw new Error('PostgreSQL binaries were found but the cluster did not start');
  });
  after(() => pg?.stop());
  suite('PostgreSQL', () => openStore({ databaseUrl: pg!.url }));
});
