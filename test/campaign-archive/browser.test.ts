/**
 * The campaign archive pages in real Chromium against the real server: an archive exported from
 * another instance (the demo's closed campaign) is chosen on "Importer une archive", previewed
 * (campaign, answers, structures to create), imported on confirmation; the imported campaign's
 * page offers "Exporter l'archive", which downloads an archive of it; choosing the first file again
 * says the campaign is already there and offers no import button. Screenshots at 1280 and 390 px
 * go to PANORAMA_SHOTS_DIR (default: a temp folder).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ADMIN, startHarness } from '../e2e/harness.js';
import { skipWithoutChromium } from '../e2e/helpers.js';
import { openStore } from '../../src/store/index.js';
import { seedDemo } from '../../src/demo/index.js';
import { exportCampaignArchive } from '../../src/app/campaign-archive/index.js';

const SHOTS = process.env.PANORAMA_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'panorama-carchive-shots-'));

async function shots(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage });
  await page.setViewportSize({ width: 1280, height: 860 });
}

test(
  'import a campaign archive in the browser, then export it again',
  { skip: skipWithoutChromium() },
  async (t) => {
    const h = await startHarness(t);
    const sourceDir = mkdtempSync(join(tmpdir(), 'panorama-carchive-source-'));
    const source = await openStore({ dataDir: sourceDir });
    await source.migrate();
    const demo = await seedDemo(source);
    const exported = await exportCampaignArchive(source, demo.closedCampaign.id);
    await source.close();
    mkdirSync(h.files, { recursive: true });
    const file = join(h.files, exported.fileName);
    writeFileSync(file, exported.bytes);

    const context = await h.browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    h.watch(page);
    await page.goto(`${h.base}/connexion`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();

    await page.goto(`${h.base}/campagnes`);
    await page.getByRole('link', { name: 'Importer une archive' }).click();
    await page.getByRole('heading', { name: 'Importer une archive de campagne' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('heading', { name: 'Ce que l’import va faire' }).waitFor();
    const panel = page.locator('section.card');
    await panel.getByText(exported.campaignName).first().waitFor();
    await panel.getByText(`${demo.closedCampaign.submitted} envoyées`, { exact: false }).waitFor();
    await panel.getByText('seront créées', { exact: false }).waitFor();
    await shots(page, 'import-preview');

    await page.getByRole('button', { name: 'Importer la campagne' }).click();
    await page.getByText(`Campagne « ${exported.campaignName} » importée.`).waitFor();
    const campaigns = await h.store.campaigns.list();
    assert.equal(campaigns.length, 1);
    assert.equal(campaigns[0]!.name, exported.campaignName);
    assert.equal(await h.store.responses.countSubmitted(campaigns[0]!.id), demo.closedCampaign.submitted);

    await page.getByRole('link', { name: 'Ouvrir la campagne importée' }).click();
    const exportLink = page.getByRole('link', { name: 'Exporter l’archive' });
    await exportLink.waitFor();
    await shots(page, 'campaign-page', false);
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    const again = readFileSync(await download.path());
    const manifest = JSON.parse(gunzipSync(again).toString('utf8').split('\n')[0]!) as {
      campaign: { identity: string; name: string };
    };
    assert.equal(manifest.campaign.name, exported.campaignName);
    assert.equal(manifest.campaign.identity, demo.closedCampaign.id, 'the identity survives the re-export');

    await page.goto(`${h.base}/campagnes/importer`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('Cette campagne est déjà présente ici').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Importer la campagne' }).count(), 0);
    await shots(page, 'import-already');
    assert.deepEqual(h.pageErrors, []);
    await context.close();
  },
);
