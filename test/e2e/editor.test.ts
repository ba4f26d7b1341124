/**
 * The questionnaire editor in real Chromium: an administrator starts from the flash-survey
 * template, adds a single-choice question with its choices and a display condition, saves it; the
 * stored definition loads in survey-core and the condition works. Screenshots at 1280 and 390 px go
 * to /work/shots/editor/ (PANORAMA_EDITOR_SHOTS overrides).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { Model } from 'survey-core';
import { ADMIN, startHarness } from './harness.js';
import { skipWithoutChromium } from './helpers.js';

const SHOTS = process.env.PANORAMA_EDITOR_SHOTS ?? '/work/shots/editor';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test(
  'questionnaire editor: template, new question with a condition, save',
  { skip: skipWithoutChromium(), timeout: 180_000 },
  async (t) => {
    const h = await startHarness(t);
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    h.watch(page);
    await page.goto(`${h.base}/`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();

    await page.getByRole('link', { name: 'Questionnaires' }).click();
    await page.getByRole('link', { name: 'Nouveau questionnaire' }).click();
    await page.getByRole('link', { name: 'Utiliser le modèle « Enquête flash »' }).waitFor();
    await shoot(page, 'templates-1280');
    await page.getByRole('link', { name: 'Utiliser le modèle « Enquête flash »' }).click();
    await page.getByLabel('Titre du questionnaire').waitFor();
    assert.equal(
      await page.getByLabel('Titre du questionnaire').inputValue(),
      "Enquête flash — continuité de l'activité",
    );

    // A single-choice question on the second page, with a third choice and a condition.
    const second = page.locator('section.page-block').nth(1);
    await second.getByLabel('Type de la nouvelle question').selectOption('radiogroup');
    await second.getByRole('button', { name: 'Ajouter une question' }).click();
    const open = page.locator('li.question-row.open');
    await open.getByLabel('Intitulé', { exact: true }).fill('Avez-vous un conseiller numérique ?');
    await open.getByLabel('Code de la question').fill('conseiller');
    await open.getByRole('button', { name: 'Ajouter un choix' }).click();
    await open.getByLabel('Libellé 3').fill('Ne sait pas');
    await open.getByLabel('Code', { exact: true }).nth(2).fill('nsp');
    await open.getByLabel('Afficher cette question').selectOption('simple');
    await open.getByLabel('Question', { exact: true }).selectOption('activite');
    await open.getByLabel('Condition', { exact: true }).selectOption('=');
    await open.getByLabel('Valeur', { exact: true }).selectOption('totale');
    await open.getByRole('checkbox', { name: 'Réponse obligatoire' }).check();

    // A reserved code is refused in place, naming the question.
    await open.getByLabel('Code de la question').fill('constructor');
    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page.getByText('Le code « constructor » est réservé').waitFor();
    await open.getByLabel('Code de la question').fill('conseiller');

    // The preview follows: the new question appears once "Oui, en totalité" is chosen.
    const preview = page.getByTestId('editor-preview');
    await preview
      .getByText('Avez-vous un conseiller numérique ?')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await preview.getByText('Oui, en totalité').click();
    await preview.getByText('Avez-vous un conseiller numérique ?').waitFor();
    await shoot(page, 'editor-1280');

    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page
      .getByText(/Questionnaire « Enquête flash — continuité de l'activité » enregistré \(version 1\)/)
      .waitFor();

    const [survey] = await h.store.surveys.list();
    assert.ok(survey);
    const version = await h.store.surveys.getVersion(survey.latestVersionId);
    const model = new Model(version!.definition);
    const question = model.getQuestionByName('conseiller');
    assert.deepEqual(
      question.choices.map((c: { value: unknown }) => c.value),
      ['oui', 'non', 'nsp'],
    );
    assert.equal(question.isRequired, true);
    assert.equal(question.isVisible, false);
    model.setValue('activite', 'totale');
    assert.equal(question.isVisible, true);
    model.setValue('activite', 'arret');
    assert.equal(question.isVisible, false);

    // Editing again saves version 2.
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await page.getByText(/enregistré \(version 2\)/).waitFor();

    // 390 px: the outline, then the preview on demand.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByLabel('Titre du questionnaire').waitFor();
    await page.locator('li.question-row button.question-toggle').first().click();
    await shoot(page, 'editor-390');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 392, `no horizontal scrolling at 390 px (${width})`);
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
    await page.getByTestId('editor-preview').waitFor();
    await page.getByRole('heading', { name: 'Aperçu' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'preview-390.png') });
    await page.goto(`${h.base}/questionnaires?editeur=nouveau`);
    await page.getByRole('link', { name: 'Utiliser le modèle « Enquête flash »' }).waitFor();
    await shoot(page, 'templates-390');
    assert.deepEqual(h.pageErrors, []);
  },
);
