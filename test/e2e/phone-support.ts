import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemo, type DemoSummary } from '../../src/demo/index.js';
import { publishSnapshot } from '../../src/app/publication/snapshot.js';
import { createApp, hashPassword, loadConfig } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { DEMO_INDICATORS } from '../publication/demo-indicators.js';
import { ensureWebBuild, freePort, launchChromium } from './helpers.js';

/** Where the phone/desktop screenshots go: /work/shots/phone when PANORAMA_PHONE_SHOTS is set. */
export const PHONE_SHOTS =
  process.env.PANORAMA_PHONE_SHOTS ?? mkdtempSync(join(tmpdir(), 'panorama-phone-shots-'));

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };

export const USERS = {
  admin: { email: 'admin@phone.example.org', name: 'Claire Admin', password: 'mot-de-passe-phone-1' },
  correspondent: {
    email: 'corr@phone.example.org',
    name: 'Karim Correspondant',
    password: 'mot-de-passe-phone-2',
  },
};

export interface PhoneWorld {
  base: string;
  store: Store;
  app: FastifyInstance;
  browser: Browser;
  demo: DemoSummary;
  pageErrors: string[];
  close: () => Promise<void>;
}

/** The demo network (two campaigns, the closed one published), an admin and a correspondent. */
export async function startPhoneWorld(): Promise<PhoneWorld> {
  await ensureWebBuild();
  mkdirSync(PHONE_SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'panorama-phone-'));
  const store = await openStore({ dataDir: dir });
  await store.migrate();
  const demo = await seedDemo(store, { now: new Date() });
  await store.publications.setIndicators(demo.closedCampaign.id, DEMO_INDICATORS, 3);
  await publishSnapshot(
    { store, now: () => new Date() },
    { campaignId: demo.closedCampaign.id, actorId: null },
  );
  await store.users.create({
    email: USERS.admin.email,
    name: USERS.admin.name,
    role: 'admin',
    passwordHash: await hashPassword(USERS.admin.password),
    territoryIds: [],
  });
  await store.users.create({
    email: USERS.correspondent.email,
    name: USERS.correspondent.name,
    role: 'correspondent',
    passwordHash: await hashPassword(USERS.correspondent.password),
    territoryIds: ['demo-t-metropole'],
  });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    env: {},
    file: join(dir, 'none.json'),
    overrides: { dataDir: dir, port, host: '127.0.0.1', baseUrl: base, demo: false },
  });
  const app = await createApp({ store, config, webRoot: join(process.cwd(), 'dist', 'web') });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    base,
    store,
    app,
    browser,
    demo,
    pageErrors: [],
    close: async () => {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function phoneContext(world: PhoneWorld, viewport = PHONE): Promise<BrowserContext> {
  const mobile = viewport.width < 600;
  return world.browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    isMobile: mobile,
    hasTouch: mobile,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
}

export async function login(
  world: PhoneWorld,
  context: BrowserContext,
  user: { email: string; password: string },
): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => world.pageErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${world.base}/`);
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
  return page;
}

/**
 * How many CSS pixels the page is wider than the window (0 when it fits). A mobile browser widens
 * its layout viewport to fit content that overflows (innerWidth grows with it), so the width the
 * context was opened with is the reference too.
 */
export async function overflow(page: Page, width = PHONE.width): Promise<number> {
  return page.evaluate(
    (w) => Math.max(0, document.documentElement.scrollWidth - Math.min(window.innerWidth, w)),
    width,
  );
}

/** The elements that stick out of the window, to say what to fix when a page overflows. */
export async function culprits(page: Page, width = PHONE.width): Promise<string[]> {
  return page.evaluate((w) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      if (box.right > w + 1 && box.width > 0 && (!parent || parent.right <= w + 1)) {
        const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
        out.push(`${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}(${Math.round(box.right)})`);
      }
    }
    return out.slice(0, 6);
  }, width);
}

export async function shoot(page: Page, name: string): Promise<void> {
  // The top of long pages (the registry lists 60 structures): what a person sees first.
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: Math.min(document.documentElement.scrollHeight, 2200),
  }));
  await page.screenshot({
    path: join(PHONE_SHOTS, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height },
  });
}
