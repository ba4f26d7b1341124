import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ADMIN, type Harness } from './harness.js';
import { BAD_REGISTRY_CSV, REGISTRY_CSV, SURVEY, writeFile } from './helpers.js';

/**
 * The administrator logs in, imports the registry after its preview, edits a structure, uploads
 * the survey and opens a campaign. Returns the admin page and Alpha's personal link.
 */
export async function administratorPreparesCampaign(
  h: Harness,
): Promise<{ page: Page; campaignId: string; link: string }> {
  const { base, store, files, browser, shot, watch } = h;
  // --- The administrator logs in (French UI by default).
  const admin = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const page = await admin.newPage();
  watch(page);
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await shot(page, 'login');
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();

  // --- Registry: a faulty file shows the precise error list and cannot be imported.
  await page.getByRole('link', { name: 'Référentiel' }).click();
  await page
    .getByLabel('Fichier du référentiel')
    .setInputFiles(writeFile(files, 'reseau-erreurs.csv', BAD_REGISTRY_CSV));
  const errorsTable = page.locator('table.errors-table');
  await errorsTable.waitFor();
  const errorRows = await errorsTable.locator('tbody tr').allInnerTexts();
  assert.ok(
    errorRows.some((row) => row.startsWith('3') && /nom/i.test(row)),
    `missing name on line 3: ${errorRows.join(' | ')}`,
  );
  assert.ok(
    errorRows.some((row) => row.startsWith('4') && row.includes('99999')),
    `unknown commune: ${errorRows.join(' | ')}`,
  );
  assert.equal(await page.getByRole('button', { name: 'Confirmer l’import' }).isDisabled(), true);
  await shot(page, 'registry-import-errors');
  assert.equal((await store.structures.list()).length, 0, 'nothing written by a preview');

  // --- The corrected file: preview, then confirm.
  await page.getByLabel('Fichier du référentiel').setInputFiles(writeFile(files, 'reseau.csv', REGISTRY_CSV));
  await page.getByText('4 lignes : 4 structures à créer, 0 à mettre à jour, 0 sans changement.').waitFor();
  await page.locator('.preview-table').getByText('Espace de vie sociale Gamma').waitFor();
  await shot(page, 'registry-import-preview');
  assert.equal((await store.structures.list()).length, 0, 'nothing written before confirm');
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await page.getByText(/Import terminé : 4 créées/).waitFor();
  await page.getByText('4 structures').waitFor();
  await page.getByRole('button', { name: /Lille Métropole/ }).click();
  await page.getByText('2 structures').waitFor();

  // --- Editing a structure from the list.
  await page.getByRole('button', { name: 'Tout le réseau' }).click();
  await page.getByLabel('Rechercher une structure').fill('Delta');
  await page.getByText('1 structure', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Modifier Centre social Delta' }).click();
  await page.getByLabel('Adresse e-mail').fill('delta@example.org');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.getByText(/Centre social Delta\s:\sEnregistré\./).waitFor();
  const delta = (await (await page.request.get(`${base}/api/structures/E2E-04`)).json()) as {
    structure: { email: string | null; name: string };
  };
  assert.deepEqual(
    [delta.structure.name, delta.structure.email],
    ['Centre social Delta', 'delta@example.org'],
  );

  // --- Survey upload and preview.
  const SURVEY_FILE = 'Importer un questionnaire (SurveyJS .json, LimeSurvey .lss ou .lsa, XLSForm .xlsx)';
  await page.getByRole('link', { name: 'Questionnaires' }).click();
  // A broken file first: the error says where (line and column), nothing is created.
  await page
    .getByLabel(SURVEY_FILE)
    .setInputFiles(
      writeFile(
        files,
        'casse.json',
        '{\n  "title": "Cassé",\n  "pages": [ { "name": "p1" "elements": [] } ]\n}\n',
      ),
    );
  await page
    .getByRole('alert')
    .getByText(/ligne 3, colonne \d+/)
    .waitFor();
  assert.equal((await store.surveys.list()).length, 0);
  await page
    .getByLabel(SURVEY_FILE)
    .setInputFiles(writeFile(files, 'enquete.json', JSON.stringify(SURVEY, null, 2)));
  // The conversion report comes first (nothing to report for SurveyJS); then the confirmation.
  await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
  await page.getByText('Questionnaire « Enquête flash e2e » enregistré (version 1).').waitFor();
  await page
    .locator('.survey-preview')
    .getByText('Votre structure est-elle ouverte au public ?')
    .first()
    .waitFor();
  await page.locator('.survey-preview').scrollIntoViewIfNeeded();
  await shot(page, 'survey-preview');

  // --- Campaign: the whole registry, open from today.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await page.getByRole('link', { name: 'Nouvelle campagne' }).click();
  await page.getByLabel('Nom de la campagne').fill('Flash e2e 2026');
  await page.getByLabel('Questionnaire').selectOption({ label: 'Enquête flash e2e (version 1)' });
  await page.getByText('4 structures seront invitées.').waitFor();
  await shot(page, 'campaign-new');
  await page.getByRole('button', { name: 'Ouvrir la campagne' }).click();
  await page.getByRole('heading', { name: /Flash e2e 2026/ }).waitFor();
  await page.getByText('0 réponse sur 4 structures').waitFor();
  const campaignId = page.url().split('/campagnes/')[1]!;
  const alphaRow = page.locator('tr', { hasText: 'Centre social Alpha' });
  const link = await alphaRow.getByRole('link', { name: /Lien personnel/ }).getAttribute('href');
  assert.ok(link?.startsWith(`${base}/r/`), `personal link: ${link}`);

  return { page, campaignId, link: link! };
}
