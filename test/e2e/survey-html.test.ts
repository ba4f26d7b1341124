/**
 * SurveyJS `html` content in real Chromium: script in a definition (an html element, the text
 * shown after completion, a title) never runs on Panorama's origin, and the harmless part of the
 * HTML is still shown.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startHarness } from './harness.js';
import { skipWithoutChromium } from './helpers.js';

const ATTACK = `<p class="intro">Bienvenue <b>à tous</b></p><img src="x" onerror="window.__xss = (window.__xss || 0) + 1"><script>window.__xss = 99</script><a href="javascript:window.__xss=7">lien</a>`;

test(
  'html elements and HTML texts of a questionnaire are sanitised before SurveyJS shows them',
  { skip: skipWithoutChromium() },
  async (t) => {
    const h = await startHarness(t);
    const { survey } = await h.store.surveys.create({
      title: 'Questionnaire piégé',
      definition: {
        title: 'Questionnaire piégé',
        completedHtml: ATTACK,
        pages: [
          {
            name: 'p1',
            elements: [
              { type: 'html', name: 'accueil', html: ATTACK },
              { type: 'text', name: 'nom', title: '<img src=x onerror="window.__xss=42">Votre nom {nom}' },
            ],
          },
        ],
      },
    });
    const now = Date.now();
    const campaign = await h.store.campaigns.create({
      name: 'Piège',
      surveyVersionId: survey.latestVersionId,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
      createdBy: null,
    });
    const invitation = await h.store.invitations.createAnonymous(campaign.id, new Date().toISOString());
    const page = await h.browser.newPage();
    h.watch(page);
    // The server's Content-Security-Policy blocks inline handlers: any attempt to run one is a
    // violation, recorded here, so that HTML reaching the live DOM unsanitised is seen even when
    // the policy stopped it.
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(
          `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    const response = await page.goto(`${h.base}/r/${invitation.token}`);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src-attr 'none'/);
    await page.locator('.intro').waitFor();
    assert.equal(await page.locator('.intro b').textContent(), 'à tous', 'the harmless HTML is shown');
    // A value piped into a {placeholder} of the HTML is sanitised too.
    await page.getByRole('textbox').fill('<img src=y onerror="window.__xss=5">');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.equal(await page.locator('img[onerror]').count(), 0);
    assert.equal(await page.locator('script:not([src])').filter({ hasText: '__xss' }).count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    // The title is text: its markup is shown, not run.
    assert.match((await page.locator('.sd-question__title').first().textContent()) ?? '', /<img src=x/);
    await page.getByRole('button', { name: 'Relire mes réponses' }).click();
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(h.pageErrors, []);
  },
);
