/**
 * The review cycle in real Chromium against the real server: a structure submits an answer that a
 * coherence rule flags; the Nord correspondent sees the anomaly in the review list, asks for a
 * correction naming the question; the structure's link shows the message, it corrects and submits;
 * the correspondent validates; the report restricted to validated answers counts it; a
 * correspondent of Pas-de-Calais sees none of it. Screenshots (1280 and 390 px) to
 * /work/shots/review when that folder exists, else to the harness's temp folder.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHarness } from './harness.js';
import { skipWithoutChromium } from './helpers.js';

const SHOTS = '/work/shots/review';
const PASSWORD = 'mot-de-passe-relecture-1234';
const valid = {
  statut: 'association',
  etp_salaries: 80,
  activites: ['accueil', 'numerique'],
  conseiller_numerique: 'oui',
  frequentation: 'stable',
};

async function signIn(browser: Browser, base: string, email: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
  return page;
}

test('review cycle in a real browser', { skip: skipWithoutChromium(), timeout: 240_000 }, async (t) => {
  const h = await startHarness(t);
  const shot = async (page: Page, name: string) =>
    existsSync(SHOTS)
      ? page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
      : h.shot(page, name);
  const { seedDemo } = await import('../../src/demo/index.js');
  const { hashPassword } = await import('../../src/server/auth/passwords.js');
  const demo = await seedDemo(h.store);
  const passwordHash = await hashPassword(PASSWORD);
  await h.store.users.create({
    email: 'nord@e2e.example.org',
    name: 'Correspondante Nord',
    role: 'correspondent',
    passwordHash,
    territoryIds: ['demo-d-nord'],
  });
  await h.store.users.create({
    email: 'pdc@e2e.example.org',
    name: 'Correspondant Pas-de-Calais',
    role: 'correspondent',
    passwordHash,
    territoryIds: ['demo-d-pdc'],
  });
  const campaign = demo.openCampaign.id;
  await h.store.coherenceRules.set(
    campaign,
    { rules: [{ id: 'etp_eleve', kind: 'range', question: 'etp_salaries', max: 50, severity: 'flag' }] },
    null,
  );
  const nordIds = (await h.store.structures.list({ territoryIds: ['demo-d-nord'] })).map((s) => s.id);
  let structureId = '';
  for (const id of nordIds)
    if ((await h.store.invitations.findForStructure(campaign, id))?.status === 'not_started')
      structureId = id;
  const structure = (await h.store.structures.get(structureId))!;
  const token = (await h.store.invitations.findForStructure(campaign, structureId))!.token;

  // The structure submits (through its link's API: the form itself is covered by campaign.test.ts).
  const first = await fetch(`${h.base}/api/respond/${token}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: valid, submissionId: 'e2e-review-1' }),
  });
  assert.equal(first.status, 200);

  // The correspondent sees it to check, with its anomaly, and asks for a correction.
  const nord = await signIn(h.browser, h.base, 'nord@e2e.example.org', 1280);
  h.watch(nord);
  await nord.goto(`${h.base}/campagnes/${campaign}/verification?statut=to_check`);
  await nord.getByRole('heading', { name: /Vérification des réponses/ }).waitFor();
  const row = nord.locator('.review-item', { hasText: structure.name });
  await row.getByText(/0 bloquante\(s\), 0 alerte\(s\), 1 signalement\(s\)/).waitFor();
  await shot(nord, 'review-list-1280');
  await nord.setViewportSize({ width: 390, height: 844 });
  await shot(nord, 'review-list-390');
  await nord.setViewportSize({ width: 1280, height: 900 });
  await row.getByRole('link', { name: structure.name }).click();
  await nord.getByRole('heading', { name: 'Anomalies' }).waitFor();
  await nord
    .getByText(/Nombre de salariés.*vaut 80/)
    .first()
    .waitFor();
  await nord
    .getByLabel('Message à la structure')
    .fill('80 salariés : est-ce bien en équivalents temps plein ?');
  await nord
    .locator('.review-question-picks')
    .getByLabel('Nombre de salariés (en équivalents temps plein)')
    .check();
  await shot(nord, 'review-response-1280');
  await nord.setViewportSize({ width: 390, height: 844 });
  await shot(nord, 'review-response-390');
  await nord.setViewportSize({ width: 1280, height: 900 });
  await nord.getByRole('button', { name: 'Demander une correction' }).click();
  await nord.getByText('Demande de correction envoyée').waitFor();

  // The structure's link reopens the form with the message; it corrects and submits again.
  const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
  const form = await phone.newPage();
  h.watch(form);
  await form.goto(`${h.base}/r/${token}`);
  await form.getByRole('heading', { name: 'Votre correspondant vous demande une correction' }).waitFor();
  await form.getByText('80 salariés : est-ce bien en équivalents temps plein ?').waitFor();
  await form.locator('.review-flagged').first().waitFor();
  await shot(form, 'respond-correction-390');
  await form
    .locator('.sd-question', { hasText: 'Nombre de salariés (en équivalents temps plein)' })
    .getByRole('spinbutton')
    .fill('8');
  for (
    let i = 0;
    i < 5 && !(await form.getByRole('button', { name: 'Relire mes réponses' }).isVisible());
    i++
  )
    await form.getByRole('button', { name: 'Suivant' }).click();
  const resubmitted = form.waitForResponse((r) => r.url().endsWith('/submit') && r.status() === 200);
  await form.getByRole('button', { name: 'Relire mes réponses' }).click();
  await form.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  assert.equal(((await (await resubmitted).json()) as { revision: number }).revision, 2);
  await form.getByRole('heading', { name: 'Merci, vos réponses sont enregistrées.' }).waitFor();

  // Back to the correspondent: "corrigée", validated.
  await nord.reload();
  await nord.locator('h1 .badge', { hasText: 'Corrigée' }).waitFor();
  await nord.getByRole('button', { name: 'Valider la réponse' }).click();
  await nord.getByText('Réponse validée.').waitFor();
  await nord.locator('h1 .badge', { hasText: 'Validée' }).waitFor();
  await nord.getByText('Correction demandée', { exact: true }).first().waitFor();
  await shot(nord, 'review-validated-1280');

  const report = await nord.request.get(
    `${h.base}/api/campaigns/${campaign}/report?format=json&validatedOnly=true`,
  );
  const model = (await report.json()) as {
    participation: { responses: number };
    method: { notes: string[] };
  };
  assert.equal(model.participation.responses, 1);
  assert.ok(model.method.notes.some((n) => /^Réponses validées uniquement\s: 1 des/.test(n)));

  // A correspondent of Pas-de-Calais sees none of it.
  const pdc = await signIn(h.browser, h.base, 'pdc@e2e.example.org', 1280);
  const detail = await pdc.request.get(`${h.base}/api/campaigns/${campaign}/review/${structureId}`);
  assert.equal(detail.status(), 403);
  await pdc.goto(`${h.base}/campagnes/${campaign}/verification`);
  await pdc.getByRole('heading', { name: /Vérification des réponses/ }).waitFor();
  assert.equal(await pdc.getByText(structure.name).count(), 0);
  assert.deepEqual(h.pageErrors, []);
});
