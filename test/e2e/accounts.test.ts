/**
 * Accounts in real Chromium against the real server (in-process, temp SQLite): "Mon compte"
 * changes one's own password (wrong current password, mismatch and common password refused with
 * French messages), an administrator shows a reset link in Utilisateurs, disabling oneself asks for
 * confirmation and the last administrator is refused, the reset page sets a password once, and a
 * temporary password leads straight to "Mon compte". Screenshots (PANORAMA_SCREENSHOTS=1):
 * docs/screenshots/account-{1280,390}.png, reset-password-{1280,390}.png, users-reset.png.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ADMIN, startHarness } from './harness.js';
import { skipWithoutChromium } from './helpers.js';

const READER = { email: 'lecture@e2e.example.org', password: 'mot-de-passe-lecture-1' };
const ADMIN_NEW = 'le grand phare de la côte 2025';
const READER_NEW = 'trois pommes sur la table';

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/connexion`);
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

test(
  'Mon compte, reset links and temporary passwords in the browser',
  { skip: skipWithoutChromium() },
  async (t) => {
    const h = await startHarness(t);
    const { hashPassword } = await import('../../src/app/accounts/index.js');
    const reader = await h.store.users.create({
      email: READER.email,
      name: 'Lucie Lecture',
      role: 'viewer',
      passwordHash: await hashPassword(READER.password),
    });
    const context = await h.browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const page = await context.newPage();
    h.watch(page);

    // --- Mon compte: the current password is required, the policy explains its refusals.
    await signIn(page, h.base, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.getByRole('link', { name: 'Mon compte' }).click();
    await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
    const current = page.getByLabel('Mot de passe actuel');
    const fresh = page.getByLabel('Nouveau mot de passe', { exact: true });
    const confirm = page.getByLabel('Confirmer le nouveau mot de passe');
    const submit = page.getByRole('button', { name: 'Changer le mot de passe' });
    const alert = page.getByRole('alert');

    await current.fill('pas-le-bon-mot-de-passe');
    await fresh.fill(ADMIN_NEW);
    await confirm.fill(ADMIN_NEW);
    await submit.click();
    await alert.filter({ hasText: 'Mot de passe actuel incorrect' }).waitFor();

    await current.fill(ADMIN.password);
    await confirm.fill(`${ADMIN_NEW}!`);
    await submit.click();
    await alert.filter({ hasText: 'Les deux saisies du nouveau mot de passe sont différentes.' }).waitFor();

    await fresh.fill('qwerty123456');
    await confirm.fill('qwerty123456');
    await submit.click();
    await alert.filter({ hasText: 'liste des mots de passe les plus répandus' }).waitFor();
    await h.shot(page, 'account-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await h.shot(page, 'account-390');
    await page.setViewportSize({ width: 1280, height: 860 });

    await fresh.fill(ADMIN_NEW);
    await confirm.fill(ADMIN_NEW);
    await submit.click();
    await page.getByRole('status').filter({ hasText: 'Mot de passe changé.' }).waitFor();
    // Still signed in (the session was renewed), and the new password is the one stored.
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { name: 'Utilisateurs' }).waitFor();

    // --- Disabling oneself asks first; as the only administrator it is refused anyway.
    const ownRow = page.getByRole('row', { name: new RegExp(ADMIN.name) });
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await ownRow.getByRole('button', { name: 'Désactiver' }).click();
    await page.waitForTimeout(200);
    assert.match(asked, /désactiver votre propre compte/);
    page.once('dialog', (dialog) => void dialog.accept());
    await ownRow.getByRole('button', { name: 'Désactiver' }).click();
    await alert.filter({ hasText: 'est le dernier administrateur actif' }).waitFor();
    const me = (await h.store.users.findByEmail(ADMIN.email))!;
    assert.equal(me.disabled, false);

    // --- A reset link for the reader, shown once.
    const readerRow = page.getByRole('row', { name: /Lucie Lecture/ });
    await readerRow.getByText('Mot de passe…').click();
    await readerRow.getByRole('button', { name: 'Afficher un lien' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'Lien de réinitialisation pour' });
    await shown.waitFor();
    await h.shot(page, 'users-reset');
    const link = /(http:\/\/\S+\/reinitialiser#[A-Za-z0-9_-]+)/.exec(await shown.innerText())?.[1];
    assert.ok(link, await shown.innerText());

    // --- The reset page, in a browser without session.
    const visitor = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const phone = await visitor.newPage();
    h.watch(phone);
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
    await phone.getByLabel('Nouveau mot de passe', { exact: true }).fill('aaaaaaaaaaaaaa');
    await phone.getByLabel('Confirmer le nouveau mot de passe').fill('aaaaaaaaaaaaaa');
    await phone.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await phone.getByRole('alert').filter({ hasText: 'seul caractère répété' }).waitFor();
    await h.shot(phone, 'reset-password-390');
    await phone.setViewportSize({ width: 1280, height: 860 });
    await h.shot(phone, 'reset-password-1280');
    await phone.getByLabel('Nouveau mot de passe', { exact: true }).fill(READER_NEW);
    await phone.getByLabel('Confirmer le nouveau mot de passe').fill(READER_NEW);
    await phone.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await phone
      .getByRole('status')
      .filter({ hasText: `Mot de passe enregistré pour ${READER.email}` })
      .waitFor();
    assert.equal(new URL(phone.url()).hash, '', 'the used token left the address bar');
    // The same link a second time: refused.
    await phone.goto('about:blank');
    await phone.goto(link);
    await phone.getByLabel('Nouveau mot de passe', { exact: true }).fill('encore une autre phrase');
    await phone.getByLabel('Confirmer le nouveau mot de passe').fill('encore une autre phrase');
    await phone.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await phone.getByRole('alert').filter({ hasText: 'invalide, expiré ou déjà utilisé' }).waitFor();
    await signIn(phone, h.base, READER.email, READER_NEW);
    await phone.getByRole('heading', { name: 'Tableau de bord' }).waitFor();

    // --- A temporary password: the next sign-in leads to Mon compte before anything else.
    await readerRow.getByText('Mot de passe…').click();
    await readerRow.getByRole('button', { name: 'Mot de passe temporaire' }).click();
    const temporaryNotice = page.getByRole('status').filter({ hasText: 'Mot de passe temporaire pour' });
    await temporaryNotice.waitFor();
    const temporary = /: (\S+)$/.exec((await temporaryNotice.innerText()).trim())?.[1];
    assert.ok(temporary);
    assert.equal((await h.store.users.get(reader.id))!.mustChangePassword, true);
    await visitor.clearCookies();
    await signIn(phone, h.base, READER.email, temporary);
    await phone.getByRole('status').filter({ hasText: 'Votre mot de passe est temporaire' }).waitFor();
    await phone.getByLabel('Mot de passe actuel').fill(temporary);
    await phone.getByLabel('Nouveau mot de passe', { exact: true }).fill(READER_NEW + ' bis');
    await phone.getByLabel('Confirmer le nouveau mot de passe').fill(READER_NEW + ' bis');
    await phone.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await phone.getByRole('status').filter({ hasText: 'Mot de passe changé.' }).waitFor();
    await phone.getByRole('link', { name: 'Tableau de bord' }).click();
    await phone.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    assert.equal((await h.store.users.get(reader.id))!.mustChangePassword, false);

    // --- The admin's new password signs in; the old one does not.
    await context.clearCookies();
    await signIn(page, h.base, ADMIN.email, ADMIN.password);
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    await signIn(page, h.base, ADMIN.email, ADMIN_NEW);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    assert.deepEqual(h.pageErrors, []);
  },
);
