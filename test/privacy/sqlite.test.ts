import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { runPrivacySuite } from './suite.js';

const dataDir = mkdtempSync(join(tmpdir(), 'panorama-privacy-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

runPrivacySuite('sqlite', () => openStore({ dataDir }));
