/**
 * End to end, in real Chromium against the real server (in-process, temp SQLite, random port):
 * an administrator logs in, imports a registry (after its preview), uploads a survey, opens a
 * campaign; a structure answers half on a phone, leaves, resumes on another device and submits;
 * participation, results and reminders reflect it.
 *
 * Screenshots go to a temp folder; set PANORAMA_SCREENSHOTS=1 to refresh docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  BAD_REGISTRY_CSV,
  ensureWebBuild,
  freePort,
  launchChromium,
  REGISTRY_CSV,
  SCREENSHOTS,
  skipWithoutChromium,
  SURVEY,
  WEB_ROOT,
  writeFile,
} from './helpers.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const ADMIN = { email: 'admin@e2e.example.org', name: 'Admin E2E', password: 'mot-de-passe-e2e-1234' };

test(
  'campaign end to end in a real browser',
  { skip: skipWithoutChromium(), timeout: 180_000 },
  async (t) => {
    await ensureWebBuild();
    const { openStore } = await import('../../src/store/index.js');
    const { createApp } = await import('../../src/server/app.js');
    const { loadConfig } = await import('../../src/server/config.js');
    const { hashPassword } = await import('../../src/server/auth/passwords.js');

    const dataDir = mkdtempSync(join(tmpdir(), 'panorama-e2e-'));
    const files = join(dataDir, 'files');
    const shots = process.env.PANORAMA_SCREENSHOTS ? SCREENSHOTS : join(dataDir, 'screenshots');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const config = loadConfig({
      env: {},
      file: join(dataDir, 'no-config.json'),
      overrides: { dataDir, port, host: '127.0.0.1', baseUrl: base, demo: false },
    });
    const store = await openStore({ dataDir });
    await store.migrate();
    await store.users.create({
      email: ADMIN.email,
      name: ADMIN.name,
      role: 'admin',
      passwordHash: await hashPassword(ADMIN.password),
      territoryIds: [],
    });
    const app = await createApp({ store, config, webRoot: WEB_ROOT });
    await app.listen({ port, host: '127.0.0.1' });
    const browser = await launchChromium().catch(async (error: unknown) => {
      await app.close();
      await store.close();
      throw error;
    });
    t.after(async () => {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const shot = async (page: Page, name: string) => {
      await page.screenshot({ path: join(shots, `${name}.png`) });
    };
    const consoleErrors: string[] = [];
    const watch = (page: Page) =>
      page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));

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
    await page
      .getByLabel('Fichier du référentiel')
      .setInputFiles(writeFile(files, 'reseau.csv', REGISTRY_CSV));
    await page.getByText('4 lignes : 4 structures à créer, 0 à mettre à jour.').waitFor();
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
    await page.getByText('Centre social Delta : Enregistré.').waitFor();
    const delta = (await (await page.request.get(`${base}/api/structures/E2E-04`)).json()) as {
      structure: { email: string | null; name: string };
    };
    assert.deepEqual(
      [delta.structure.name, delta.structure.email],
      ['Centre social Delta', 'delta@example.org'],
    );

    // --- Survey upload and preview.
    await page.getByRole('link', { name: 'Questionnaires' }).click();
    // A broken file first: the error says where (line and column), nothing is created.
    await page
      .getByLabel('Déposer un questionnaire SurveyJS (JSON)')
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
      .getByLabel('Déposer un questionnaire SurveyJS (JSON)')
      .setInputFiles(writeFile(files, 'enquete.json', JSON.stringify(SURVEY, null, 2)));
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

    // --- The structure answers page 1 on a phone, moves to page 2, and leaves.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const form = await phone.newPage();
    const phoneScripts: string[] = [];
    form.on('request', (r) => {
      if (r.resourceType() === 'script') phoneScripts.push(r.url());
    });
    watch(form);
    await form.goto(link!);
    await form.getByText('Réponse pour Centre social Alpha').waitFor();
    await form.getByText('Partiellement').click();
    await form.getByRole('spinbutton').fill('12');
    await form.getByText(/Enregistré à \d\d:\d\d/).waitFor();
    await shot(form, 'respondent-phone');
    // The respondent downloads the form chunk and SurveyJS, not the admin app nor ECharts.
    assert.ok(
      phoneScripts.some((url) => /RespondApp-/.test(url)),
      phoneScripts.join(' '),
    );
    assert.deepEqual(
      phoneScripts.filter((url) => /AdminApp-|ParticipationChart-/.test(url)),
      [],
    );
    const overflow = await form.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the form is ${overflow}px wider than the phone`);
    await form.getByRole('button', { name: 'Suivant' }).click();
    await form.getByText('Quelles actions maintenez-vous ?').first().waitFor();
    const draftWithAide = form.waitForResponse(
      (r) => r.url().endsWith('/draft') && r.ok() && (r.request().postData() ?? '').includes('"aide"'),
    );
    await form.getByText('Aide alimentaire').click();
    await draftWithAide; // the debounced autosave reached the server
    await phone.close();

    // --- Meanwhile the participation page shows the draft as in progress.
    await page.reload();
    await page.locator('tr', { hasText: 'Centre social Alpha' }).getByText('En cours').waitFor();

    // --- Another device: same link, same page, same answers.
    const desktop = await browser.newContext({
      viewport: { width: 1024, height: 800 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const resume = await desktop.newPage();
    watch(resume);
    await resume.goto(link!);
    await resume.getByText('Quelles actions maintenez-vous ?').first().waitFor();
    assert.equal(await resume.getByRole('checkbox', { name: 'Aide alimentaire' }).isChecked(), true);
    await resume.getByRole('button', { name: 'Précédent' }).click();
    assert.equal(await resume.getByRole('radio', { name: 'Partiellement' }).isChecked(), true);
    assert.equal(await resume.getByRole('spinbutton').inputValue(), '12');
    await resume.getByRole('button', { name: 'Suivant' }).click();
    await resume.getByText('Autre action', { exact: true }).first().click();
    await resume
      .locator('.sd-question', { hasText: 'Quelles actions maintenez-vous ?' })
      .getByRole('textbox')
      .fill('Maraudes');
    await resume
      .getByRole('textbox', { name: 'Remarques' })
      .fill('Nous gardons le lien avec les familles par téléphone.');

    // A value the server refuses (tampered in flight) is shown next to its question; nothing stored.
    await resume.route(
      '**/api/respond/*/submit',
      async (route) => {
        const body = route.request().postDataJSON() as { data: Record<string, unknown> };
        body.data.ouvert = 'peut-etre';
        await route.continue({ postData: JSON.stringify(body) });
      },
      { times: 1 },
    );
    await resume.getByRole('button', { name: 'Terminer' }).click();
    await resume.getByText(/Certaines réponses ne sont pas acceptées/).waitFor();
    const refused = resume.locator('.sd-question', {
      hasText: 'Votre structure est-elle ouverte au public ?',
    });
    await refused.getByText(/Réponse refusée \(« peut-etre »\)/).waitFor();
    assert.equal(await collect(store.responses.listSubmitted(campaignId)).then((r) => r.length), 0);

    // The form went back to the refused question (page 1); the respondent goes on and sends again.
    await resume.getByRole('radio', { name: 'Partiellement' }).waitFor();
    await resume.getByRole('button', { name: 'Suivant' }).click();
    const submitted = resume.waitForResponse((r) => r.url().endsWith('/submit') && r.status() === 200);
    await resume.getByRole('button', { name: 'Terminer' }).click();
    await resume.getByRole('heading', { name: 'Merci, vos réponses sont enregistrées.' }).waitFor();
    assert.equal(((await (await submitted).json()) as { revision: number }).revision, 1);
    const copy = await resume.getByRole('link', { name: 'Télécharger une copie (PDF)' }).getAttribute('href');
    const pdf = await resume.request.get(`${base}${copy}`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    // Changes are allowed until closing: a second submission is a new revision.
    await resume.getByRole('button', { name: 'Modifier mes réponses' }).click();
    await resume.getByRole('spinbutton').fill('14');
    await resume.getByRole('button', { name: 'Suivant' }).click();
    const resubmitted = resume.waitForResponse((r) => r.url().endsWith('/submit') && r.status() === 200);
    await resume.getByRole('button', { name: 'Terminer' }).click();
    assert.equal(((await (await resubmitted).json()) as { revision: number }).revision, 2);
    await resume.getByRole('heading', { name: 'Merci, vos réponses sont enregistrées.' }).waitFor();
    const stored = await collect(store.responses.listSubmitted(campaignId));
    assert.deepEqual(
      stored.map((r) => [
        r.structure,
        r.data.ouvert,
        r.data.salaries,
        r.data.actions,
        r.data['actions-Comment'],
      ]),
      [['E2E-01', 'partiel', 14, ['aide', 'other'], 'Maraudes']],
    );
    await desktop.close();

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

    // --- "Relancer" on Beta writes an .eml with its personal link to the outbox.
    const betaLink = await page
      .locator('tr', { hasText: 'Centre social Beta' })
      .getByRole('link', { name: /Lien personnel/ })
      .getAttribute('href');
    await page.getByRole('button', { name: 'Relancer Centre social Beta' }).click();
    await page.getByText('1 relance envoyée.').waitFor();
    const outbox = join(dataDir, 'outbox');
    const emails = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    assert.equal(emails.length, 1);
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
    await late.goto(link!);
    await late.getByText(/Cette campagne est close depuis le/).waitFor();
    assert.equal(await late.getByRole('spinbutton').isEditable(), false);
    assert.equal(await late.getByRole('button', { name: 'Terminer' }).count(), 0);
    await late.close();

    assert.deepEqual(consoleErrors, []);
  },
);
