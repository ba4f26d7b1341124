import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import type { Store } from '../../src/store/index.js';
import { ensureWebBuild, freePort, launchChromium, SCREENSHOTS, WEB_ROOT } from './helpers.js';

export const ADMIN = { email: 'admin@e2e.example.org', name: 'Admin E2E', password: 'mot-de-passe-e2e-1234' };

/** The real server in-process (temp SQLite, random port), one administrator, and Chromium. */
export interface Harness {
  base: string;
  store: Store;
  dataDir: string;
  /** Where the test writes the files it uploads. */
  files: string;
  browser: Browser;
  /** Screenshots go to a temp folder; PANORAMA_SCREENSHOTS=1 refreshes docs/screenshots/. */
  shot: (page: Page, name: string) => Promise<void>;
  /** Records uncaught page errors, checked at the end. */
  watch: (page: Page) => void;
  pageErrors: string[];
  /** The Fastify app (e.g. `app.mailScheduler.tick()` after moving a fake clock). */
  app: FastifyInstance;
}

export interface HarnessOptions {
  /** The server's clock (default: the real one); tests move it to run scheduled reminders. */
  now?: () => Date;
}

export async function startHarness(t: TestContext, options: HarnessOptions = {}): Promise<Harness> {
  await ensureWebBuild();
  const { openStore } = await import('../../src/store/index.js');
  const { createApp } = await import('../../src/server/app.js');
  const { loadConfig } = await import('../../src/app/config.js');
  const { hashPassword } = await import('../../src/server/auth/passwords.js');

  const dataDir = mkdtempSync(join(tmpdir(), 'panorama-e2e-'));
  const shots = process.env.PANORAMA_SCREENSHOTS ? SCREENSHOTS : join(dataDir, 'screenshots');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    env: {},
    file: join(dataDir, 'no-config.json'),
    overrides: { dataDir, port, host: '127.0.0.1', baseUrl: base, demo: false },
  });
  const store = await openStore({ dataDir });
  await store.migrate();
  await store.users.create({
    email: ADMIN.email,
    name: ADMIN.name,
    role: 'admin',
    passwordHash: await hashPassword(ADMIN.password),
    territoryIds: [],
  });
  const app = await createApp({
    store,
    config,
    webRoot: WEB_ROOT,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await app.close();
    await store.close();
    throw error;
  });
  t.after(async () => {
    await browser.close();
    await app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const pageErrors: string[] = [];
  return {
    base,
    store,
    dataDir,
    files: join(dataDir, 'files'),
    browser,
    app,
    pageErrors,
    shot: async (page, name) => {
      await page.screenshot({ path: join(shots, `${name}.png`) });
    },
    watch: (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)),
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
