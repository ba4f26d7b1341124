/**
 * Issue 12's "done when", in real Chromium against the real server: the administrator invites a
 * structure's staff member by e-mail (the link read from the outbox); the staff member sets a
 * password, declares a service and its hours, records received equipment and a senior household,
 * lends a tablet, records a home visit and the return; the public directory shows the service;
 * the federation's report counts the loan; another structure's staff sees none of it.
 * Screenshots in /work/shots/directory when PANORAMA_SHOTS_DIR is set.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ADMIN, startHarness } from './harness.js';
import { skipWithoutChromium } from './helpers.js';

const STAFF = { email: 'accueil@cs-cambrai.example.org', password: 'le centre social de cambrai 2020' };
const OTHER = { email: 'equipe@cs-lens.example.org', password: 'le centre social de lens 2020' };
const SHOTS = process.env.PANORAMA_SHOTS_DIR;

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The set-password link of the invitation mailed to `email`. */
function invitationLink(dataDir: string, email: string): string {
  const outbox = join(dataDir, 'outbox');
  const mail = readdirSync(outbox)
    .map((f) => readFileSync(join(outbox, f), 'utf8'))
    .find((m) => m.includes(email) && m.includes('account-invitation'));
  assert.ok(mail, `no invitation for ${email}`);
  const text = mail.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const link = /(http:\/\/\S+\/reinitialiser#[A-Za-z0-9_-]+)/.exec(text)?.[1];
  assert.ok(link, 'no link in the invitation');
  return link;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a structure’s staff runs its digital-solidarity work', { skip: skipWithoutChromium() }, async (t) => {
  const h = await startHarness(t);
  const territory = await h.store.territories.create({ name: 'Cambrésis', level: 'territoire' });
  await h.store.structures.upsertMany([
    { id: 'CS-CAMBRAI', name: 'Centre social de Cambrai', type: 'CS', territoryId: territory.id },
    { id: 'CS-LENS', name: 'Centre social de Lens', type: 'CS', territoryId: territory.id },
  ]);
  await h.store.solidarity.createProgramme({
    id: 'TABLETTES',
    name: 'Tablettes pour les seniors',
    public: 'senior',
    partners: ['CARSAT'],
    startOn: null,
    endOn: null,
    retentionDays: 365,
  });
  const context = await h.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const admin = await context.newPage();
  h.watch(admin);

  // --- The administrator invites the Cambrai and Lens staff from the solidarity page.
  await signIn(admin, h.base, ADMIN.email, ADMIN.password);
  await admin.getByRole('link', { name: 'Solidarité numérique' }).click();
  await admin.getByRole('heading', { name: 'Comptes de l’équipe de la structure' }).waitFor();
  await admin.getByLabel('Structure', { exact: true }).selectOption('CS-CAMBRAI');
  const staffPanel = admin.getByRole('region', { name: 'Comptes de l’équipe de la structure' });
  await staffPanel.getByLabel('Nom').fill('Accueil Cambrai');
  await staffPanel.getByLabel('Adresse e-mail').fill(STAFF.email);
  await staffPanel.getByRole('button', { name: 'Inviter' }).click();
  await staffPanel.getByText(`Invitation envoyée à ${STAFF.email}.`).waitFor();
  await shot(admin, 'solidarity-admin');
  await admin.getByLabel('Structure', { exact: true }).selectOption('CS-LENS');
  await staffPanel.getByLabel('Nom').fill('Équipe Lens');
  await staffPanel.getByLabel('Adresse e-mail').fill(OTHER.email);
  await staffPanel.getByRole('button', { name: 'Inviter' }).click();
  await staffPanel.getByText(`Invitation envoyée à ${OTHER.email}.`).waitFor();

  // --- The Cambrai staff member opens the e-mailed link and chooses a password.
  const staffContext = await h.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const staff = await staffContext.newPage();
  h.watch(staff);
  await staff.goto(invitationLink(h.dataDir, STAFF.email));
  await staff.getByLabel('Nouveau mot de passe', { exact: true }).fill(STAFF.password);
  await staff.getByLabel('Confirmer le nouveau mot de passe').fill(STAFF.password);
  await staff.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await staff.getByRole('status').filter({ hasText: 'Mot de passe enregistré' }).waitFor();
  await signIn(staff, h.base, STAFF.email, STAFF.password);
  await staff
    .getByRole('heading', { name: 'Annuaire : services et horaires — Centre social de Cambrai' })
    .waitFor();
  // Only its structure's page: no registry, campaigns, nor structure picker.
  assert.equal(await staff.getByRole('link', { name: 'Référentiel' }).count(), 0);
  assert.equal(await staff.getByLabel('Structure', { exact: true }).count(), 0);

  // --- It declares its service and hours, shown back in French.
  await staff.getByLabel('Code postal').fill('59400');
  await staff.getByLabel('Commune').fill('Cambrai');
  await staff.getByLabel('Latitude (carte)').fill('50,1760');
  await staff.getByLabel('Longitude (carte)').fill('3,2340');
  await staff.getByRole('button', { name: 'Ajouter un service' }).click();
  const service = staff.getByRole('group', { name: /Service 1/ });
  await service.getByRole('combobox').first().selectOption('accompagnement_scolaire');
  await service.getByLabel(/Horaires/).fill('Mo,We 10:00-12:00');
  await service.getByText('Affiché : lundi et mercredi, 10 h – 12 h').waitFor();
  await staff.getByRole('button', { name: 'Enregistrer l’annuaire' }).click();
  await staff.getByText('Annuaire enregistré.').waitFor();

  // --- Received equipment, a senior household, the loan of the tablet.
  await staff.getByLabel('Code', { exact: true }).fill('TAB-001');
  await staff.getByLabel('Modèle').fill('Tablette senior 10 pouces');
  await staff.getByLabel('Provenance').selectOption('achat');
  await staff.getByLabel('Partenaire').fill('CARSAT');
  await staff.getByRole('button', { name: 'Enregistrer du matériel reçu' }).click();
  await staff.getByText('Matériel TAB-001 enregistré.').waitFor();
  await staff.getByLabel('Code du foyer (pseudonyme, jamais un nom)').fill('SEN-042');
  await staff.getByRole('button', { name: 'Enregistrer un foyer' }).click();
  await staff.getByText('Foyer SEN-042 enregistré.').waitFor();
  const row = staff.getByRole('row', { name: /TAB-001/ });
  await row.getByLabel('Foyer (code)').selectOption({ label: 'SEN-042' });
  await row.getByLabel('Retour prévu').fill('2027-06-30');
  await row.getByRole('button', { name: 'Prêter' }).click();
  await row.getByText('Prêté à SEN-042 jusqu’au 2027-06-30').waitFor();

  // --- A home visit, then the return.
  await staff.getByLabel('Type d’accompagnement').selectOption('visite_domicile');
  await staff.getByLabel('Durée (minutes)').fill('45');
  await staff.getByRole('button', { name: 'Enregistrer un accompagnement' }).click();
  await staff.getByText('Accompagnement enregistré.').waitFor();
  await shot(staff, 'solidarity-staff');
  await row.getByRole('button', { name: 'Enregistrer le retour' }).click();
  await staff
    .getByRole('row', { name: /TAB-001/ })
    .getByText('En stock')
    .waitFor();
  const support = await h.store.solidarity.listSupportActions({ structureIds: ['CS-CAMBRAI'] });
  assert.deepEqual(
    support.map((s) => [s.type, s.minutes]),
    [['visite_domicile', 45]],
  );

  // --- The public directory shows the service, anonymously.
  const visitor = await (await h.browser.newContext({ locale: 'fr-FR' })).newPage();
  h.watch(visitor);
  await visitor.goto(`${h.base}/public/solidarite?q=59400`);
  const entry = visitor.getByRole('listitem').filter({ hasText: 'Centre social de Cambrai' });
  await entry.getByText('Accompagnement scolaire').waitFor();
  await entry.getByText(/lundi et mercredi, 10 h – 12 h/).waitFor();
  await shot(visitor, 'directory-public');
  await entry.getByRole('link', { name: 'Centre social de Cambrai' }).click();
  await visitor.getByRole('heading', { level: 1, name: 'Centre social de Cambrai' }).waitFor();
  await shot(visitor, 'directory-place');
  await visitor.goto(`${h.base}/public/solidarite?embed=1`);
  assert.equal(await visitor.locator('header.site').count(), 0);
  await shot(visitor, 'directory-embed');

  // --- The federation's report counts the loan (returned).
  const report = await admin.evaluate(async () => (await fetch('/api/solidarity/report')).json());
  const figures = new Map(
    (report as { figures: { id: string; value: number }[] }).figures.map((f) => [f.id, f.value]),
  );
  assert.equal(figures.get('tablettes_prets'), 1, JSON.stringify(report));

  // --- The Lens staff sees none of it.
  const otherContext = await h.browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  const other = await otherContext.newPage();
  h.watch(other);
  await other.goto(invitationLink(h.dataDir, OTHER.email));
  await other.getByLabel('Nouveau mot de passe', { exact: true }).fill(OTHER.password);
  await other.getByLabel('Confirmer le nouveau mot de passe').fill(OTHER.password);
  await other.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await other.getByRole('status').filter({ hasText: 'Mot de passe enregistré' }).waitFor();
  await signIn(other, h.base, OTHER.email, OTHER.password);
  await other
    .getByRole('heading', { name: 'Annuaire : services et horaires — Centre social de Lens' })
    .waitFor();
  await other.getByText('Aucun matériel enregistré pour cette structure.').waitFor();
  assert.equal(await other.getByText('TAB-001').count(), 0);
  assert.equal(await other.getByText('SEN-042').count(), 0);
  const peek = await other.evaluate(async () => {
    const base = '/api/solidarity/programmes/TABLETTES';
    return Promise.all(
      [`${base}/items?structureId=CS-CAMBRAI`, `${base}/households?structureId=CS-CAMBRAI`].map(
        async (u) => (await fetch(u)).status,
      ),
    );
  });
  assert.deepEqual(peek, [403, 403]);
  const otherReport = await other.evaluate(async () => (await fetch('/api/solidarity/report')).json());
  assert.ok(!JSON.stringify(otherReport).includes('CS-CAMBRAI'));
  assert.deepEqual(h.pageErrors, []);
});
