/**
 * Screens that hold on a phone, in real Chromium against the real server (demo network, the closed
 * campaign published): every admin page, the respondent form (progress, review page) and the
 * structure sheet at 390 px have no horizontal page scroll. Screenshots at 390 and 1280 px go to
 * PANORAMA_PHONE_SHOTS (e.g. /work/shots/phone) or a temp folder.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { skipWithoutChromium } from './helpers.js';
import {
  culprits,
  DESKTOP,
  login,
  overflow,
  phoneContext,
  PHONE,
  shoot,
  startPhoneWorld,
  USERS,
  type PhoneWorld,
} from './phone-support.js';

/** Every admin page, named for its screenshot, and what shows it is loaded. */
function adminPages(
  world: PhoneWorld,
  structureId: string,
  surveyId: string,
): { name: string; path: string; ready: string }[] {
  const open = world.demo.openCampaign.id;
  const closed = world.demo.closedCampaign.id;
  return [
    { name: 'dashboard', path: '/', ready: 'h1' },
    { name: 'registry', path: '/referentiel', ready: 'h1' },
    { name: 'surveys', path: '/questionnaires', ready: 'h1' },
    { name: 'survey-editor', path: '/questionnaires?editeur=nouveau', ready: 'h1' },
    { name: 'survey-editor-demo', path: `/questionnaires?editeur=${surveyId}`, ready: 'h1' },
    { name: 'campaigns', path: '/campagnes', ready: 'h1' },
    { name: 'campaign-new', path: '/campagnes/nouvelle', ready: 'h1' },
    { name: 'campaign-open', path: `/campagnes/${open}`, ready: 'h1' },
    { name: 'campaign-closed', path: `/campagnes/${closed}`, ready: 'h1' },
    { name: 'results', path: `/campagnes/${closed}/resultats`, ready: 'h1' },
    { name: 'review-list', path: `/campagnes/${open}/verification`, ready: 'h1' },
    { name: 'review-response', path: `/campagnes/${open}/verification/${structureId}`, ready: 'h1' },
    { name: 'users', path: '/utilisateurs', ready: 'h1' },
    { name: 'solidarity', path: '/solidarite', ready: 'h1' },
    { name: 'account', path: '/mon-compte', ready: 'h1' },
  ];
}

async function visit(page: Page, base: string, path: string, ready: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.locator(`main ${ready}`).first().waitFor();
  // Reports render in worker threads: on a loaded machine they take longer than the default 30 s.
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
}

describe('screens on a phone', { skip: skipWithoutChromium(), timeout: 600_000 }, () => {
  let world: PhoneWorld;
  before(async () => {
    world = await startPhoneWorld();
  });
  after(async () => {
    await world?.close();
  });

  it('every admin page fits 390 px without horizontal page scroll', async () => {
    const submitted = (await world.store.invitations.list(world.demo.openCampaign.id)).find(
      (i) => i.status === 'submitted',
    )!;
    const [survey] = await world.store.surveys.list();
    const pages = adminPages(world, submitted.structureId!, survey!.id);
    const wide: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await phoneContext(world, viewport);
      const page = await login(world, context, USERS.admin);
      for (const { name, path, ready } of pages) {
        await visit(page, world.base, path, ready);
        if (viewport === PHONE) {
          const extra = await overflow(page);
          if (extra > 0) wide.push(`${name} +${extra}px: ${(await culprits(page)).join(' ')}`);
        }
        await shoot(page, `admin-${name}-${viewport.width}`);
      }
      // The login page, logged out.
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      if (viewport === PHONE && (await overflow(page)) > 0) wide.push('login');
      await shoot(page, `admin-login-${viewport.width}`);
      await context.close();
    }
    assert.deepEqual(wide, [], `pages wider than the phone (${pages.length + 1} checked)`);
    assert.deepEqual(world.pageErrors, []);
  });

  it('a commune is chosen by its name, and the registry shows names, not INSEE codes', async () => {
    const context = await phoneContext(world);
    const page = await login(world, context, USERS.admin);
    await visit(page, world.base, '/referentiel', 'h1');
    const [first] = await world.store.structures.list();
    await page.getByLabel('Rechercher une structure').fill(first!.name);
    await page.getByRole('button', { name: `Modifier ${first!.name}` }).click();
    const commune = page.getByRole('combobox', { name: 'Commune' });
    await commune.fill('');
    await commune.pressSequentially('lill', { delay: 30 });
    const option = page.getByRole('option', { name: /^Lille — Nord \(59350\)$/ });
    await option.waitFor();
    assert.ok((await page.locator('.commune-options [role=option]').count()) <= 10, 'bounded suggestions');
    await shoot(page, 'admin-registry-commune-390');
    await option.click();
    await page.getByText('Commune choisie : Lille, Nord (59350)').waitFor();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText(/Enregistré\./).waitFor();
    assert.equal((await world.store.structures.get(first!.id))?.communeCode, '59350');
    const row = page.locator('tr', { hasText: first!.name });
    await row.getByText('Lille', { exact: true }).waitFor();
    assert.equal(await page.locator('tbody td', { hasText: /^\d{5}$/ }).count(), 0, 'no bare INSEE code');
    assert.equal(await overflow(page), 0, (await culprits(page)).join(' '));
    await context.close();
  });

  it('a correspondent is not offered what only an administrator may do', async () => {
    const context = await phoneContext(world, DESKTOP);
    const page = await login(world, context, USERS.correspondent);
    await page.locator('.topbar-user').getByText('(Correspondant territorial)').waitFor();
    await visit(page, world.base, '/referentiel', 'h1');
    await page
      .getByRole('button', { name: /^Modifier / })
      .first()
      .waitFor();
    assert.equal(await page.getByText('Importer un référentiel').count(), 0, 'no registry import');
    assert.equal(await page.locator('input[type=file]').count(), 0);
    assert.equal(await page.getByRole('button', { name: /^(Supprimer|Archiver)/ }).count(), 0);
    await visit(page, world.base, '/questionnaires', 'h1');
    assert.equal(await page.locator('input[type=file]').count(), 0, 'no survey import');
    await visit(page, world.base, '/campagnes', 'h1');
    assert.equal(await page.getByRole('link', { name: 'Nouvelle campagne' }).count(), 0);
    await visit(page, world.base, `/campagnes/${world.demo.openCampaign.id}`, 'h1');
    assert.equal(await page.getByText('Modifier les dates').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Utilisateurs' }).count(), 0);
    await shoot(page, 'correspondent-campaign-1280');
    await context.close();
  });

  it('the results filter form, with two filters, fits the phone and lists labels, not keys', async () => {
    const context = await phoneContext(world);
    const page = await login(world, context, USERS.admin);
    await visit(page, world.base, `/campagnes/${world.demo.closedCampaign.id}/resultats`, 'h1');
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Ajouter un filtre' }).click();
    await page.getByLabel('Critère').first().selectOption({ label: 'Type de gestionnaire' });
    const by = await page.getByLabel('Ventiler par').locator('option').allInnerTexts();
    assert.ok(by.includes('Type de gestionnaire'), by.join(' | '));
    assert.ok(!by.some((label) => /^[a-z]+_[a-z_]+$/.test(label)), `raw keys: ${by.join(' | ')}`);
    assert.equal(await overflow(page), 0, (await culprits(page)).join(' '));
    await shoot(page, 'admin-results-filters-390');
    await context.close();
  });

  it('the form shows its progress, buttons side by side and a review page before sending', async () => {
    const invitations = await world.store.invitations.list(world.demo.openCampaign.id);
    const submitted = invitations.find((i) => i.status === 'submitted')!;
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await phoneContext(world, viewport);
      const form = await context.newPage();
      form.on('pageerror', (error) => world.pageErrors.push(`${form.url()}: ${error.message}`));
      await form.goto(`${world.base}/r/${submitted.token}`);
      await form.getByRole('button', { name: 'Modifier mes réponses' }).click();
      const progress = form.locator('.form-progress-text');
      const total = Number((await progress.innerText()).match(/^Page 1 sur (\d+)$/)?.[1]);
      assert.ok(total >= 2, `progress: ${await progress.innerText()}`);
      assert.equal(await form.getByRole('progressbar').getAttribute('aria-valuetext'), `Page 1 sur ${total}`);
      await shoot(form, `respond-page1-${viewport.width}`);
      if (viewport === PHONE) assert.equal(await overflow(form), 0, (await culprits(form)).join(' '));
      await form.getByRole('button', { name: 'Suivant' }).click();
      await progress.getByText(`Page 2 sur ${total}`).waitFor();
      // Précédent and Suivant on one line.
      const prev = await form.getByRole('button', { name: 'Précédent' }).boundingBox();
      const next = await form.getByRole('button', { name: /^(Suivant|Relire mes réponses)$/ }).boundingBox();
      assert.ok(prev && next && Math.abs(prev.y - next.y) < 2 && prev.x < next.x, 'buttons side by side');
      for (let i = 2; i < total; i++) await form.getByRole('button', { name: 'Suivant' }).click();
      await progress.getByText(`Page ${total} sur ${total}`).waitFor();
      assert.equal(await form.getByRole('button', { name: 'Terminer' }).count(), 0, 'no direct sending');
      await form.getByRole('button', { name: 'Relire mes réponses' }).click();
      await form.getByRole('heading', { name: 'Relisez vos réponses avant de les envoyer' }).waitFor();
      await progress.getByText('Relecture avant envoi').waitFor();
      // Every visible page is listed, with its answers and a "Modifier" button.
      assert.equal(await form.locator('.recap-page').count(), total);
      assert.equal(await form.getByRole('button', { name: /^Modifier la page \d+$/ }).count(), total);
      assert.ok((await form.locator('.recap-answer').count()) >= total);
      await shoot(form, `respond-review-${viewport.width}`);
      if (viewport === PHONE) assert.equal(await overflow(form), 0, (await culprits(form)).join(' '));
      // "Modifier" goes back to that page; the review comes again after the last page.
      await form.getByRole('button', { name: 'Modifier la page 1' }).click();
      await progress.getByText(`Page 1 sur ${total}`).waitFor();
      for (let i = 1; i < total; i++) await form.getByRole('button', { name: 'Suivant' }).click();
      await form.getByRole('button', { name: 'Relire mes réponses' }).click();
      const sent = form.waitForResponse((r) => r.url().endsWith('/submit') && r.status() === 200);
      await form.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await sent;
      await form.getByRole('heading', { name: 'Merci, vos réponses sont enregistrées.' }).waitFor();
      await context.close();
    }
    assert.deepEqual(world.pageErrors, []);
  });

  it('the structure sheet fits the phone, its table scrolling in its own frame', async () => {
    const invitations = await world.store.invitations.list(world.demo.closedCampaign.id);
    const submitted = invitations.find((i) => i.status === 'submitted')!;
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await phoneContext(world, viewport);
      const sheet = await context.newPage();
      const response = await sheet.goto(`${world.base}/api/respond/${submitted.token}/sheet`, {
        timeout: 120_000,
      });
      assert.equal(response?.status(), 200);
      await sheet.getByRole('heading', { name: /^Fiche de / }).waitFor();
      if (viewport === PHONE) assert.equal(await overflow(sheet), 0, (await culprits(sheet)).join(' '));
      await shoot(sheet, `sheet-${viewport.width}`);
      await context.close();
    }
  });
});
