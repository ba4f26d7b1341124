/**
 * The public site and the structure sheet in real Chromium against the real server (in-process,
 * temp SQLite, random port): keyboard navigation reaches the directory's search field and its
 * results; a structure that has submitted follows "Se situer par rapport aux autres" from its
 * respondent link. Screenshots (PANORAMA_SCREENSHOTS=1): docs/screenshots/public-*.png and sheet-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/store/index.js';
import { createApp, hashPassword, loadConfig } from '../../src/server/index.js';
import { seedDemo, type DemoSummary } from '../../src/demo/index.js';
import {
  ensureWebBuild,
  freePort,
  launchChromium,
  SCREENSHOTS,
  skipWithoutChromium,
  WEB_ROOT,
} from './helpers.js';
import { DEMO_INDICATORS } from '../publication/demo-indicators.js';
import { publishSnapshot } from '../../src/app/publication/snapshot.js';

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Colour of the element's text and of the first opaque background behind it. */
async function colours(page: Page, selector: string): Promise<[string, string]> {
  return page.$eval(selector, (el) => {
    const fg = getComputedStyle(el).color;
    let node: Element | null = el;
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent')
        return [fg, bg] as [string, string];
      node = node.parentElement;
    }
    return [fg, 'rgb(255, 255, 255)'] as [string, string];
  });
}

async function tabUntil(page: Page, predicate: string, max = 15): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return i;
  }
  return -1;
}

describe(
  'public site and structure sheet in Chromium',
  { skip: skipWithoutChromium(), timeout: 180_000 },
  () => {
    let dir: string;
    let store: Store;
    let app: FastifyInstance;
    let browser: Browser;
    let base: string;
    let demo: DemoSummary;
    const pageErrors: string[] = [];

    before(async () => {
      await ensureWebBuild();
      dir = mkdtempSync(join(tmpdir(), 'panorama-public-'));
      store = await openStore({ dataDir: dir });
      await store.migrate();
      demo = await seedDemo(store, { now: new Date() });
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const config = loadConfig({
        env: {},
        file: join(dir, 'none.json'),
        overrides: { dataDir: dir, baseUrl: base },
      });
      app = await createApp({ store, config, webRoot: WEB_ROOT });
      await app.listen({ port, host: '127.0.0.1' });
      await store.publications.setIndicators(demo.closedCampaign.id, DEMO_INDICATORS, 3);
      await publishSnapshot(
        { store, now: () => new Date() },
        { campaignId: demo.closedCampaign.id, actorId: null },
      );
      const nord = await store.structures.list({ territoryIds: ['demo-d-nord'] });
      for (const [i, s] of nord.slice(0, 6).entries()) {
        await store.structures.update(s.id, {
          attributes: {
            ...s.attributes,
            services: [
              'Accueil de loisirs ; Aide aux devoirs ; Ateliers numériques',
              'Point conseil budget ; Ludothèque',
              'Café des parents ; Aide aux devoirs',
            ][i % 3]!,
            horaires: 'lundi au vendredi 9h-12h et 14h-18h ; samedi 9h-12h',
          },
        });
      }
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await app?.close();
      await store?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function newPage(): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      page.on('pageerror', (err) => pageErrors.push(err.message));
      return page;
    }

    it('an administrator uploads the indicator file and publishes the campaign from the app', async () => {
      await store.users.create({
        email: 'admin-pub@test.fr',
        name: 'Admin',
        role: 'admin',
        passwordHash: await hashPassword('mot-de-passe-de-test'),
      });
      const campaign = demo.openCampaign.id;
      const page = await newPage();
      await page.goto(`${base}/`);
      await page.getByLabel('Adresse e-mail').fill('admin-pub@test.fr');
      await page.getByLabel('Mot de passe').fill('mot-de-passe-de-test');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForSelector('nav');
      await page.goto(`${base}/campagnes/${campaign}`);
      await page.getByText('Publication (plaquettes et site public)').click();
      await page.getByText(/Aucun fichier d’indicateurs/).waitFor();
      const input = page.getByLabel('Fichier d’indicateurs (JSON)');
      const bad = {
        ...DEMO_INDICATORS,
        indicators: [{ ...DEMO_INDICATORS.indicators[1], question: 'etp_inconnu' }],
      };
      await input.setInputFiles({
        name: 'indicateurs.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bad)),
      });
      await page
        .getByText(/question « etp_inconnu » inconnue/)
        .first()
        .waitFor();
      assert.equal(await store.publications.get(campaign), undefined, 'nothing stored for a bad file');
      await input.setInputFiles({
        name: 'indicateurs.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(DEMO_INDICATORS)),
      });
      await page.getByText('Fichier d’indicateurs enregistré.').waitFor();
      // An open campaign cannot be published: its figures would move with each answer.
      await page.getByText(/La campagne est encore ouverte/).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Publier sur le site public' }).count(), 0);
      assert.equal((await store.publications.get(campaign))?.published, false);

      // The closed campaign (published as a snapshot in `before`): withdrawn, then published again.
      const closed = demo.closedCampaign.id;
      const first = (await store.publications.get(closed))!.snapshotId;
      await page.goto(`${base}/campagnes/${closed}`);
      await page.getByText('Publication (plaquettes et site public)').click();
      await page.getByRole('link', { name: 'Publiée sur le site public' }).waitFor();
      await page.getByText(/Résultats figés le/).waitFor();
      await page.getByRole('button', { name: 'Retirer du site public' }).click();
      await page.getByText('Non publiée sur le site public.').waitFor();
      assert.equal((await store.publications.get(closed))?.published, false);
      await page.getByRole('button', { name: 'Publier sur le site public' }).click();
      await page.getByRole('link', { name: 'Publiée sur le site public' }).waitFor();
      const again = (await store.publications.get(closed))!;
      assert.equal(again.published, true);
      assert.notEqual(again.snapshotId, first, 'publishing again freezes a new snapshot');
      await page.screenshot({
        path: join(SCREENSHOTS, 'public-admin-publication.png'),
        clip: { x: 0, y: 0, width: 1200, height: 640 },
      });
      await page.close();
    });

    it('lists the published campaign and its territory brochures, readable and contrasted', async () => {
      const page = await newPage();
      await page.goto(`${base}/public`);
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      assert.equal(await page.locator('main').count(), 1);
      assert.equal(await page.locator('header nav').count(), 1);
      for (const selector of ['main p', 'main a', 'header.site a.brand', 'footer.site']) {
        const [fg, bg] = await colours(page, selector);
        assert.ok(contrast(fg, bg) >= 4.5, `${selector}: ${fg} on ${bg} = ${contrast(fg, bg).toFixed(2)}`);
      }
      // Keyboard: the first Tab shows the skip link, which moves the focus to the content.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate('document.activeElement.className'), 'skip');
      await page.keyboard.press('Enter');
      await page.screenshot({ path: join(SCREENSHOTS, 'public-home.png'), fullPage: true });
      await page.click(`a[href="/public/campagnes/${demo.closedCampaign.id}"]`);
      await page.waitForSelector('h1');
      // One brochure per département of the demo network (Nord, Pas-de-Calais).
      assert.deepEqual(
        await page.locator('section[aria-labelledby="niveau-departement"] li h3').allInnerTexts(),
        ['Nord', 'Pas-de-Calais'],
      );
      const [fg, bg] = await colours(page, '.downloads a');
      assert.ok(contrast(fg, bg) >= 4.5);
      await page.screenshot({ path: join(SCREENSHOTS, 'public-campaign.png'), fullPage: true });
      await page
        .locator('section[aria-labelledby="niveau-departement"] li', { hasText: 'Nord' })
        .locator('a[href$="format=html"]')
        .click();
      await page.waitForLoadState('load');
      assert.match((await page.textContent('body')) ?? '', /Nord/);
      await page.screenshot({ path: join(SCREENSHOTS, 'public-brochure-nord.png') });
      await page.close();
      const hidden = await fetch(`${base}/public/campagnes/${demo.openCampaign.id}`);
      assert.equal(hidden.status, 404);
    });

    it('the directory is reachable by keyboard: search field, then the results', async () => {
      const page = await newPage();
      await page.goto(`${base}/public/structures`);
      const toSearch = await tabUntil(page, "document.activeElement.id === 'q'");
      assert.ok(toSearch > 0, 'Tab reaches the search field');
      assert.equal(
        await page.evaluate('document.activeElement.labels[0].textContent'),
        'Rechercher (nom, commune, service)',
      );
      await page.keyboard.type('devoirs');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=devoirs/);
      // innerText: the text as rendered (and read aloud), whitespace of the markup collapsed.
      const heading = await page.innerText('#resultats');
      const expected = (await store.structures.list()).filter((s) =>
        /devoirs/i.test(s.attributes.services ?? ''),
      ).length;
      assert.equal(heading, `${expected} structures correspondant à votre recherche`);
      const toResult = await tabUntil(page, "!!document.activeElement.closest('.cards')");
      assert.ok(toResult > 0, 'Tab reaches the first result');
      const focused = await page.evaluate('document.activeElement.innerText');
      assert.ok(typeof focused === 'string' && focused.length > 0);
      await page.screenshot({ path: join(SCREENSHOTS, 'public-structures.png'), fullPage: true });
      await page.keyboard.press('Enter');
      await page.waitForSelector('h1#titre');
      assert.equal(await page.innerText('h1#titre'), focused);
      await page.close();
    });

    it('after submitting, the respondent link leads to the structure sheet', async () => {
      const open = demo.openCampaign.id;
      const invitation = (await store.invitations.list(open, { status: ['not_started'] })).find(
        (i) => i.structureId,
      )!;
      const early = await fetch(`${base}/api/respond/${invitation.token}/sheet`);
      assert.equal(early.status, 409);
      // Answers of a structure from the closed campaign (same survey version) are valid answers.
      let data: Record<string, unknown> | undefined;
      for await (const r of store.responses.listSubmitted(demo.closedCampaign.id)) {
        data = r.data;
        break;
      }
      const submit = await fetch(`${base}/api/respond/${invitation.token}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data, submissionId: 'e2e-sheet-0001' }),
      });
      assert.equal(submit.status, 200, await submit.text());
      const page = await newPage();
      await page.goto(`${base}/r/${invitation.token}`);
      // Open campaign: no sheet yet, the confirmation says when it will come.
      await page.getByText(/sera disponible ici quand les résultats/).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Se situer par rapport aux autres' }).count(), 0);
      await page.screenshot({ path: join(SCREENSHOTS, 'sheet-confirmation.png') });

      // A structure that answered the closed, published campaign reaches its sheet from its link.
      const answered = (await store.invitations.list(demo.closedCampaign.id, { status: ['submitted'] })).find(
        (i) => i.structureId,
      )!;
      await page.goto(`${base}/r/${answered.token}`);
      const link = page.getByRole('link', { name: 'Se situer par rapport aux autres' });
      await link.waitFor();
      await link.click();
      await page.waitForLoadState('load');
      const structure = (await store.structures.get(answered.structureId!))!;
      assert.match(
        (await page.textContent('body')) ?? '',
        new RegExp(structure.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'sheet-structure.png'), fullPage: true });
      await page.close();
      assert.deepEqual(pageErrors, []);
    });
  },
);
