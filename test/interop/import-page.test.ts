/**
 * The Surveys page in a real browser: an administrator picks a LimeSurvey archive, reads the
 * conversion report in French (what was left out, what was converted approximately, per question),
 * then creates the questionnaire. Screenshots (PANORAMA_SCREENSHOTS=1 → docs/screenshots/):
 * survey-import-report.png (1280 px) and survey-import-report-phone.png (390 px).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN, startHarness } from '../e2e/harness.js';
import { skipWithoutChromium } from '../e2e/helpers.js';
import { interopFiles, skipWithoutInterop } from './support.js';

const LABEL = 'Importer un questionnaire (SurveyJS .json, LimeSurvey .lss ou .lsa, XLSForm .xlsx)';
const lsa = interopFiles('limesurvey', ['.lsa']).find((f) => f.includes('862611'));

test(
  'Surveys page: LimeSurvey archive → French conversion report → questionnaire created',
  {
    skip:
      skipWithoutChromium() || skipWithoutInterop('limesurvey', ['.lsa']) || (!lsa && 'no 862611 archive'),
    timeout: 180_000,
  },
  async (t) => {
    const h = await startHarness(t);
    for (const [width, height, name] of [
      [1280, 900, 'survey-import-report'],
      [390, 844, 'survey-import-report-phone'],
    ] as const) {
      const context = await h.browser.newContext({
        viewport: { width, height },
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
      });
      const page = await context.newPage();
      h.watch(page);
      await page.goto(`${h.base}/`);
      await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
      await page.getByLabel('Mot de passe').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
      await page.goto(`${h.base}/questionnaires`);
      await page.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
      await page.getByLabel(LABEL).setInputFiles(lsa!);
      await page
        .getByRole('heading', { name: /Rapport de conversion de « survey_archive_862611\.lsa »/ })
        .waitFor();
      const report = page.locator('.import-report');
      await report.getByText(/Non repris \(\d+\)/).waitFor();
      await report.getByText(/Converti de façon approchée \(\d+\)/).waitFor();
      await report.getByText(/réponses chiffrées par LimeSurvey/).waitFor();
      await report.getByText(/type LimeSurvey 1 \(tableau à double échelle\)/).waitFor();
      await report.getByText(/L'archive contient 3 réponse\(s\) terminée\(s\)/).waitFor();
      assert.equal((await h.store.surveys.list()).length, width === 1280 ? 0 : 1, 'nothing stored yet');
      await page.getByRole('heading', { name: /Rapport de conversion/ }).scrollIntoViewIfNeeded();
      await h.shot(page, name);
      if (width === 1280) {
        await page.getByLabel('Titre du questionnaire').fill('Test complet (LimeSurvey)');
        await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
        await page.getByText('Questionnaire « Test complet (LimeSurvey) » enregistré (version 1).').waitFor();
        const stored = await h.store.surveys.list();
        assert.deepEqual(
          stored.map((s) => s.title),
          ['Test complet (LimeSurvey)'],
        );
      }
      await context.close();
    }
    assert.deepEqual(h.pageErrors, []);
  },
);
