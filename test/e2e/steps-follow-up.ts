import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Harness } from './harness.js';

/**
 * Participation, reminder, results with filters, non-respondents export, a scoped correspondent,
 * the language switch, and the read-only view once the campaign is closed.
 */
export async function followUp(h: Harness, { page, link }: { page: Page; link: string }): Promise<void> {
  const { base, dataDir, browser, shot, watch } = h;
  // --- Participation reflects the submission.
  await page.reload();
  await page.getByText('1 réponse sur 4 structures — taux de réponse 25 %').waitFor();
  await page.locator('tr', { hasText: 'Centre social Alpha' }).getByText('Répondu').waitFor();
  await page
    .locator('table', { hasText: 'Groupe' })
    .getByRole('row', { name: /Lille Métropole/ })
    .getByText('50 %')
    .waitFor();
  await page.locator('.chart svg').waitFor();
  await shot(page, 'campaign-participation');

  // --- Beta was never written to: its row offers the first invitation, not a reminder ("Rappel"
  // as a first contact). "Inviter" writes an .eml with its personal link to the outbox.
  const betaLink = await page
    .locator('tr', { hasText: 'Centre social Beta' })
    .getByRole('link', { name: /Lien personnel/ })
    .getAttribute('href');
  assert.equal(await page.getByRole('button', { name: 'Relancer Centre social Beta' }).count(), 0);
  await page.getByRole('button', { name: 'Inviter Centre social Beta' }).click();
  await page.getByText('Centre social Beta : invitation envoyée.').waitFor();
  const outbox = join(dataDir, 'outbox');
  const emails = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
  assert.equal(emails.length, 1);
  assert.match(readFileSync(join(outbox, emails[0]!), 'utf8'), /^X-Panorama-Mail: invitation$/m);
  // Once invited, the row offers a reminder.
  await page.getByRole('button', { name: 'Relancer Centre social Beta' }).click();
  await page.getByText('1 relance envoyée.').waitFor();
  assert.equal(readdirSync(outbox).filter((name) => name.endsWith('.eml')).length, 2);
  const eml = readFileSync(join(outbox, emails[0]!), 'utf8');
  assert.ok(eml.includes('beta@example.org'), 'sent to Beta');
  const betaToken = betaLink!.split('/r/')[1]!;
  assert.ok(eml.replace(/=\r?\n/g, '').includes(betaToken), 'the e-mail carries the personal link');

  // --- Results: the HTML report shows the answer; every download format answers.
  await page.getByRole('link', { name: 'Voir les résultats' }).click();
  const report = page.frameLocator('iframe.report-frame');
  await report.getByText('Votre structure est-elle ouverte au public ?').first().waitFor();
  await report.getByText('Partiellement').first().waitFor();
  await shot(page, 'results');
  for (const format of ['PDF', 'DOCX', 'XLSX', 'JSON', 'Réponses brutes (CSV)']) {
    const href = await page.getByRole('link', { name: format, exact: true }).getAttribute('href');
    const response = await page.request.get(`${base}${href}`);
    assert.equal(response.status(), 200, `${format}: ${response.status()}`);
  }
  const csvHref = await page.getByRole('link', { name: 'Réponses brutes (CSV)' }).getAttribute('href');
  const csv = await (await page.request.get(`${base}${csvHref}`)).text();
  assert.ok(csv.includes('partiel'), 'raw answers keyed by choice value');

  // Filter and breakdown chosen in the UI reach the report (checked through its JSON form).
  const reportJson = async () => {
    const href = await page.getByRole('link', { name: 'JSON', exact: true }).getAttribute('href');
    return (await (await page.request.get(`${base}${href}`)).json()) as {
      participation: { responses: number };
      method: { filters: { key: string; value: string }[]; by?: { key: string } };
    };
  };
  await page.getByRole('button', { name: 'Ajouter un filtre' }).click();
  await page.getByLabel('Critère').selectOption('ouvert');
  await page.getByLabel('Valeur', { exact: true }).fill('partiel');
  await page.getByLabel('Ventiler par').selectOption('territoire');
  await page.getByRole('button', { name: 'Afficher le rapport' }).click();
  let model = await reportJson();
  assert.deepEqual(
    model.method.filters.map((f) => [f.key, f.value]),
    [['ouvert', 'partiel']],
  );
  assert.equal(model.method.by?.key, 'territoire');
  assert.equal(model.participation.responses, 1);
  await page.getByLabel('Valeur', { exact: true }).fill('non');
  await page.getByRole('button', { name: 'Afficher le rapport' }).click();
  model = await reportJson();
  assert.equal(model.participation.responses, 0);
  await report.getByText('Lille Métropole').first().waitFor();

  // --- The export of non-respondents lists the three others, not Alpha.
  await page.getByRole('link', { name: 'Voir la participation' }).click();
  const exportHref = await page
    .getByRole('link', { name: 'Exporter les non-répondants (CSV)' })
    .getAttribute('href');
  const nonRespondents = await (await page.request.get(`${base}${exportHref}`)).text();
  assert.ok(!nonRespondents.includes('E2E-01'), 'Alpha answered');
  for (const id of ['E2E-02', 'E2E-03', 'E2E-04']) assert.ok(nonRespondents.includes(id), id);

  // --- A correspondent for Lille Métropole: created once with a generated password, sees only
  // their territory, and no administration menu.
  await page.getByRole('link', { name: 'Utilisateurs' }).click();
  await page.getByLabel('Adresse e-mail').fill('lille@e2e.example.org');
  await page.getByLabel('Nom', { exact: true }).fill('Corinne Lille');
  await page.getByLabel('Rôle', { exact: true }).selectOption('correspondent');
  await page.getByRole('checkbox', { name: 'Lille Métropole' }).check();
  await page.getByRole('button', { name: 'Créer un utilisateur' }).click();
  const generated = await page.getByText(/Mot de passe généré pour lille@e2e.example.org/).innerText();
  const password = generated.split(' : ').at(-1)!.trim();
  const other = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const corr = await other.newPage();
  watch(corr);
  await corr.goto(`${base}/referentiel`);
  await corr.getByLabel('Adresse e-mail').fill('lille@e2e.example.org');
  await corr.getByLabel('Mot de passe').fill(password);
  await corr.getByRole('button', { name: 'Se connecter' }).click();
  await corr.getByText('2 structures').waitFor();
  assert.equal(await corr.getByRole('cell', { name: 'Espace de vie sociale Gamma' }).count(), 0);
  assert.equal(await corr.getByRole('link', { name: 'Utilisateurs' }).count(), 0);
  await other.close();

  // --- Dashboard with live participation.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await page.getByText('1 réponse sur 4 (25 %)').waitFor();
  await shot(page, 'dashboard');

  // --- The language switch is remembered.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.reload();
  await page.getByRole('link', { name: 'Registry' }).waitFor();
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await page.getByRole('link', { name: 'Référentiel' }).waitFor();

  // --- Beta fills the form while the campaign is still open…
  const beta = await browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  watch(beta);
  await beta.goto(betaLink!);
  await beta.getByText('Oui, entièrement').click();
  await beta.getByRole('button', { name: 'Suivant' }).click();
  await beta.getByRole('button', { name: 'Relire mes réponses' }).waitFor();

  // --- Once closed, a link shows the answers read-only with the closing message.
  await page.getByRole('link', { name: 'Voir la participation' }).click();
  await page.getByText('Modifier les dates').click();
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE');
  await page.getByLabel('Ouverture (heure de Paris)').fill(day(-10));
  await page.getByLabel('Clôture (fin de journée, heure de Paris)').fill(day(-2));
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.locator('.page-head').getByText('Close').waitFor();
  const late = await browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  watch(late);
  await late.goto(link);
  await late.getByText(/Cette campagne est close depuis le/).waitFor();
  assert.equal(await late.getByRole('spinbutton').isEditable(), false);
  assert.equal(await late.getByRole('button', { name: 'Relire mes réponses' }).count(), 0);
  await late.close();

  // …and sends after the closing: refused (409) with the closing message, nothing stored.
  await beta.getByRole('button', { name: 'Relire mes réponses' }).click();
  await beta.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  // The server's refusal gives the real closing date (the form had loaded the old one).
  await beta.getByText(/est clos depuis le .*Rien n’a été envoyé/).waitFor();
  // The read-only view keeps what was on screen.
  assert.equal(await beta.getByRole('radio', { name: 'Oui, entièrement' }).isChecked(), true);
  const betaView = (await (
    await beta.request.get(`${base}/api/respond/${betaLink!.split('/r/')[1]}`)
  ).json()) as {
    status: string;
  };
  assert.notEqual(betaView.status, 'submitted');
  await beta.close();
}
