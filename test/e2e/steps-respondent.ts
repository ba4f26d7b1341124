import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { collect, type Harness } from './harness.js';

/**
 * Alpha answers page 1 on a phone, leaves on page 2, resumes on another device, gets a refused
 * value shown next to its question, submits, downloads its copy and changes an answer.
 */
export async function structureAnswers(
  h: Harness,
  { page, campaignId, link }: { page: Page; campaignId: string; link: string },
): Promise<void> {
  const { base, store, browser, shot, watch } = h;
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
  await form.goto(link);
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
  await resume.goto(link);
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
  await resume.getByRole('button', { name: 'Relire mes réponses' }).click();
  await resume.getByRole('button', { name: 'Envoyer mes réponses' }).click();
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
  await resume.getByRole('button', { name: 'Relire mes réponses' }).click();
  await resume.getByRole('button', { name: 'Envoyer mes réponses' }).click();
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
  await resume.getByRole('button', { name: 'Relire mes réponses' }).click();
  await resume.getByRole('button', { name: 'Envoyer mes réponses' }).click();
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
}
