/**
 * The identity page in Chromium against the real server: the administrator sees a colour's
 * contrast as she types it (refused below 4.5:1), saves a name, colours and contact, uploads a
 * logo; the preview follows the form, and the public site, its accessibility statement and a
 * brochure's Word and PDF covers then carry the identity. Screenshots at 1280 and 390 px go to
 * IDENTITY_SHOTS when set (else a temporary folder).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ADMIN, startHarness } from '../e2e/harness.js';
import { skipWithoutChromium } from '../e2e/helpers.js';
import { svgLogo } from './logos.js';

const SHOTS = process.env.IDENTITY_SHOTS;

test(
  'the administrator sets the federation identity; the public site shows it',
  { skip: skipWithoutChromium(), timeout: 240_000 },
  async (t) => {
    const h = await startHarness(t);
    const shots = SHOTS ?? join(h.dataDir, 'shots');
    mkdirSync(shots, { recursive: true });
    mkdirSync(h.files, { recursive: true });
    const both = async (page: Page, name: string) => {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    };

    const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    h.watch(page);
    await page.goto(`${h.base}/`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Identité' }).click();
    await page.getByRole('heading', { name: 'Identité de la fédération' }).waitFor();
    await page.getByText(/n’a pas encore défini son identité/).waitFor();

    await page.getByLabel('Nom de la fédération').fill('Fédération des centres sociaux du Nord');
    const primary = page.getByLabel('Couleur principale (fond de l’en-tête, texte blanc)', { exact: true });
    // #e69f00 on white: 2.25:1 (see test/identity/routes.test.ts), shown as refused at once.
    await primary.fill('#e69f00');
    await page.getByText('Contraste avec le blanc : 2,25:1 — insuffisant', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
    await page.getByText(/La couleur principale #e69f00 n'est pas assez contrastée/).waitFor();
    await primary.fill('#7a1f3d');
    await page
      .getByLabel('Couleur secondaire (liens et boutons sur fond blanc)', { exact: true })
      .fill('#1d5c3a');
    await page.getByLabel('Adresse postale').fill('12 rue de Lille\n59000 Lille');
    await page.getByLabel('Adresse e-mail de contact').fill('contact@fcs59.fr');
    await page.getByLabel('Téléphone').fill('03 20 00 00 00');
    await page.getByLabel('Site internet (https://…)').fill('https://fcs59.fr');
    await page.getByLabel('État de conformité au RGAA').selectOption('partial');
    await page.getByLabel('Taux de conformité de l’audit (%)').fill('72.5');
    await page.getByLabel('Date de l’audit').fill('2026-10-01');
    await page.getByLabel('Audit réalisé par').fill('Access42');
    const preview = page.getByTestId('identity-preview');
    assert.match(await preview.innerText(), /Fédération des centres sociaux du Nord/);
    assert.match(await preview.innerText(), /Accessibilité : partiellement conforme/);
    await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
    await page.getByText(/Identité enregistrée/).waitFor();

    const logoFile = join(h.files, 'logo.svg');
    writeFileSync(logoFile, svgLogo('#7a1f3d'));
    await page.getByLabel('Choisir un logo').setInputFiles(logoFile);
    await page.getByText('Logo enregistré.').waitFor();
    await page.getByText('Logo actuel : SVG, 200 × 80 pixels.').waitFor();
    await preview.locator('img').waitFor();
    await both(page, 'admin-identity');

    const site = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    h.watch(site);
    await site.goto(`${h.base}/public`);
    assert.equal(
      await site.locator('header.site .brand span').innerText(),
      'Fédération des centres sociaux du Nord',
    );
    const headerBg = await site.$eval('header.site', (el) => getComputedStyle(el).backgroundColor);
    assert.equal(headerBg, 'rgb(122, 31, 61)');
    assert.ok(
      await site.$eval('header.site img', (img) => (img as HTMLImageElement).naturalWidth > 0),
      'logo shown',
    );
    await both(site, 'public-custom-identity');
    await site.getByRole('link', { name: 'Accessibilité : partiellement conforme' }).click();
    await site.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    await both(site, 'accessibility-statement');
    assert.deepEqual(h.pageErrors, []);
  },
);
