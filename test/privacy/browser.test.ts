/**
 * The personal-data page in real Chromium against the real server (temp SQLite): the register,
 * the audit log filtered by user then by campaign and paged, a person's export and erasure with
 * the address typed again. PRIVACY_SHOTS=<folder> keeps the screenshots (1280 and 390 px).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ADMIN, startHarness } from '../e2e/harness.js';
import { skipWithoutChromium } from '../e2e/helpers.js';
import { campaign, structure, territory } from './seed.js';

test(
  'administrators read the register, filter the audit log and erase a person',
  { skip: skipWithoutChromium() },
  async (t) => {
    const h = await startHarness(t);
    const { store } = h;
    const shots = process.env.PRIVACY_SHOTS;
    if (shots) mkdirSync(shots, { recursive: true });
    const shot = async (page: Page, name: string) => {
      await h.shot(page, name);
      if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    };

    // A small network: two centres, a campaign, a correspondent who reviewed an answer.
    const now = new Date();
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
    const t1 = await territory(store);
    const a = await structure(store, t1, { email: 'direction@cs-lys.fr' }, at(5000));
    const b = await structure(store, t1, { email: 'accueil@evs-dunes.fr' }, at(5000));
    const c = await campaign(store, { closesAt: null, structureIds: [a, b], now: at(5000) });
    await store.campaigns.update(c.id, { name: 'Observatoire 2026' });
    const response = await store.responses.saveDraft(c.invitations.get(a)!, { q: 'oui' }, at(4000));
    const sophie = await store.users.create(
      {
        email: 'sophie.martin@federation.fr',
        name: 'Sophie Martin',
        role: 'correspondent',
        passwordHash: 'x',
        territoryIds: [t1],
      },
      at(6000),
    );
    await store.audit.record(
      { actor: sophie.id, action: 'login', target: sophie.id, details: { ip: '192.0.2.10' } },
      at(3000),
    );
    await store.audit.record(
      { actor: sophie.id, action: 'structure.update', target: a, details: { email: 'direction@cs-lys.fr' } },
      at(2900),
    );
    await store.audit.record(
      { actor: sophie.id, action: 'review.validate', target: response.id, details: { revision: 1 } },
      at(2800),
    );
    for (let i = 0; i < 60; i++)
      await store.audit.record(
        { actor: 'system', action: 'campaign.mail.schedule', target: c.id, details: { daysBefore: [7] } },
        at(2000 - i),
      );

    const context = await h.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const page = await context.newPage();
    h.watch(page);
    await page.goto(`${h.base}/connexion`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();

    // The register.
    await page.getByRole('link', { name: 'Données personnelles' }).click();
    await page.getByRole('heading', { name: 'Registre des traitements' }).waitFor();
    assert.equal(await page.locator('.privacy-category').count(), 6);
    await page.getByRole('heading', { name: 'Journal d’audit', level: 3 }).waitFor();
    await shot(page, 'register-1280');

    // The audit log: everything, then Sophie's actions, then the campaign's (the review included).
    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    const rows = page.locator('table.audit-table tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 50, 'a page holds 50 entries');
    await page.getByRole('button', { name: 'Entrées plus anciennes' }).click();
    await page.getByRole('button', { name: 'Revenir aux plus récentes' }).waitFor();
    await page.getByLabel('Utilisateur').selectOption(sophie.id);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('3 entrées affichées').waitFor();
    const actions = await rows.locator('td:nth-child(3) code').allInnerTexts();
    assert.deepEqual(actions, ['review.validate', 'structure.update', 'login']);
    assert.match(await rows.first().innerText(), /Réponse validée/);
    assert.match(await rows.first().innerText(), /Sophie Martin/);
    assert.match(await rows.first().innerText(), new RegExp(`Centre ${a} · Observatoire 2026`));
    await shot(page, 'audit-1280');
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.getByLabel('Campagne').selectOption(c.id);
    await page.getByLabel('Action').selectOption('review.');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('1 entrée affichée').waitFor();
    assert.match(page.url(), /campaign=.*action=review\./);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Action').selectOption('');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('50 entrées affichées').waitFor();
    await shot(page, 'audit-390');
    await rows.first().scrollIntoViewIfNeeded();
    if (shots) await page.screenshot({ path: join(shots, 'audit-390-screen.png') });

    // A person's request: the summary, then the erasure after typing the address again.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Demande d’une personne' }).click();
    await page.getByLabel('Adresse e-mail de la personne').fill('sophie.martin@federation.fr');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText('Compte : Sophie Martin (Correspondant territorial)').waitFor();
    await page.getByText('3 entrées du journal d’audit').waitFor();
    await shot(page, 'person-1280');
    await page.getByRole('button', { name: 'Effacer ces données…' }).click();
    await page.getByLabel('Retapez l’adresse pour confirmer').fill('sophie.martin@federation.fr');
    await shot(page, 'erase-dialog-1280');
    await page.getByRole('button', { name: 'Effacer définitivement' }).click();
    await page
      .getByText(/Données effacées\. Dans le journal d’audit, la personne est désormais « personne-effacee-/)
      .waitFor();
    assert.equal(await store.users.findByEmail('sophie.martin@federation.fr'), undefined);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Registre et conservation' }).click();
    await page.getByRole('heading', { name: 'Durées de conservation' }).waitFor();
    await shot(page, 'register-390');
    assert.deepEqual(h.pageErrors, []);
  },
);
