/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) in Chromium on every public page and every respondent
 * page, against the real server (in-process, temp SQLite, demo network, a published campaign):
 * with the Panorama identity and with a federation's own. No violation is allowed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/store/index.js';
import { createApp, loadConfig } from '../../src/server/index.js';
import { seedDemo, type DemoSummary } from '../../src/demo/index.js';
import { ensureWebBuild, freePort, launchChromium, skipWithoutChromium, WEB_ROOT } from '../e2e/helpers.js';
import { DEMO_INDICATORS } from '../publication/demo-indicators.js';
import { publishSnapshot } from '../../src/app/publication/snapshot.js';
import { saveIdentity, saveLogo } from '../../src/app/identity/index.js';
import { svgLogo } from '../identity/logos.js';
import { axeViolations, describeViolations } from './axe.js';

describe(
  'accessibility of public and respondent pages (axe-core)',
  { skip: skipWithoutChromium(), timeout: 300_000 },
  () => {
    let dir: string;
    let store: Store;
    let app: FastifyInstance;
    let browser: Browser;
    let context: BrowserContext;
    let base: string;
    let demo: DemoSummary;
    const checked: string[] = [];
    const pageErrors: string[] = [];
    /** Every page's violations, asserted at the end of each test so that one run lists them all. */
    let found: string[] = [];
    const assertNoneFound = () => {
      const all = found;
      found = [];
      assert.deepEqual(all, [], all.join('\n'));
    };

    before(async () => {
      await ensureWebBuild();
      dir = mkdtempSync(join(tmpdir(), 'panorama-a11y-'));
      store = await openStore({ dataDir: dir });
      await store.migrate();
      demo = await seedDemo(store, { now: new Date() });
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const config = loadConfig({
        env: {},
        file: join(dir, 'none.json'),
        overrides: { dataDir: dir, baseUrl: base },
      });
      app = await createApp({ store, config, webRoot: WEB_ROOT });
      await app.listen({ port, host: '127.0.0.1' });
      await store.publications.setIndicators(demo.closedCampaign.id, DEMO_INDICATORS, 3);
      await publishSnapshot(
        { store, now: () => new Date() },
        { campaignId: demo.closedCampaign.id, actorId: null },
      );
      browser = await launchChromium();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    });
    after(async () => {
      await browser?.close();
      await app?.close();
      await store?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function check(path: string, ready?: (page: Page) => Promise<void>): Promise<Page> {
      const page = await context.newPage();
      // The first brochure starts a render worker: slow on a busy machine.
      page.setDefaultTimeout(120_000);
      page.on('pageerror', (err) => pageErrors.push(`${path}: ${err.message}`));
      await page.goto(`${base}${path}`, { waitUntil: path.startsWith('/public') ? 'load' : 'networkidle' });
      await ready?.(page);
      await assertNoViolation(page, path);
      return page;
    }

    async function assertNoViolation(page: Page, label: string): Promise<void> {
      const violations = await axeViolations(page);
      checked.push(label);
      if (violations.length) found.push(describeViolations(label, violations));
    }

    async function tokens() {
      const closed = await store.invitations.list(demo.closedCampaign.id);
      const open = await store.invitations.list(demo.openCampaign.id);
      // A submitted answer with an "Autre (préciser)" text: its read-only form shows the comment field.
      let withOther = closed.find((i) => i.status === 'submitted')!;
      for (const invitation of closed.filter((i) => i.status === 'submitted')) {
        const response = await store.responses.getByInvitation(invitation.id);
        if (Object.keys(response?.data ?? {}).some((k) => k.endsWith('-Comment'))) {
          withOther = invitation;
          break;
        }
      }
      return {
        submittedClosed: withOther,
        notStartedOpen: open.find((i) => i.status !== 'submitted')!,
        submittedOpen: open.find((i) => i.status === 'submitted'),
      };
    }

    async function publicPages(): Promise<void> {
      const closed = demo.closedCampaign.id;
      const snapshot = (await store.publications.get(closed))!;
      assert.ok(snapshot.published);
      const json = await (await fetch(`${base}/public/campagnes/${closed}/publication.json`)).json();
      const territory = (json as { cells: { key: string; level: string | null }[] }).cells.find(
        (c) => c.level,
      )!.key;
      const structure = (await store.structures.list({ territoryIds: ['demo-d-nord'] }))[0]!;
      const paths = [
        '/public',
        `/public/campagnes/${closed}`,
        `/public/campagnes/${closed}/plaquette?format=html`,
        `/public/campagnes/${closed}/plaquette?territoire=${encodeURIComponent(territory)}&format=html`,
        '/public/structures',
        '/public/structures?q=Lille',
        `/public/structures/${encodeURIComponent(structure.id)}`,
        '/public/accessibilite',
        '/public/campagnes/inconnue',
      ];
      for (const path of paths) await (await check(path)).close();
      assertNoneFound();
    }

    it('public pages with the Panorama identity', async () => {
      await publicPages();
    });

    it('public pages with a federation identity and logo', async () => {
      await saveIdentity(
        store,
        {
          name: 'Fédération des centres sociaux du Nord',
          primaryColour: '#7a1f3d',
          secondaryColour: '#1d5c3a',
          contact: {
            address: '12 rue de Lille\n59000 Lille',
            email: 'contact@fcs59.fr',
            phone: '03 20 00 00 00',
            website: 'https://fcs59.fr',
          },
          accessibility: {
            conformity: 'partial',
            rate: 72.5,
            auditDate: '2026-10-01',
            auditor: 'Access42',
            nonCompliant: 'Cartes des territoires',
            statementDate: '2026-11-02',
          },
        },
        'a11y',
      );
      await saveLogo(store, { filename: 'logo.svg', content: svgLogo('#7a1f3d') }, 'a11y');
      await publicPages();
    });

    it('the structure sheet of a structure that answered', async () => {
      const { submittedClosed } = await tokens();
      await (await check(`/api/respond/${submittedClosed.token}/sheet`)).close();
      assertNoneFound();
    });

    it('respondent pages: every page of the form, the review, closed campaign, submitted answers, invalid link', async () => {
      const { notStartedOpen, submittedClosed, submittedOpen } = await tokens();
      // A draft holding a complete answer (with an "Autre" text) lets the walk reach every page.
      const complete = await store.responses.getByInvitation(submittedClosed.id);
      await store.responses.saveDraft(notStartedOpen.id, complete!.data);
      const form = await check(`/r/${notStartedOpen.token}`, (p) =>
        p.locator('.sd-root-modern, .sv-root-modern, form, .sd-body').first().waitFor(),
      );
      // Walk the form's pages with "Suivant" until there is none, checking each.
      for (let i = 2; i <= 30; i++) {
        const next = form.getByRole('button', { name: /^Suivant$/ });
        if ((await next.count()) === 0 || !(await next.first().isVisible())) break;
        await next.first().click();
        await form.waitForTimeout(300);
        const errors = await form.locator('.sd-question__erbox, [role="alert"]').count();
        if (errors > 0) {
          // A required question stops the walk: the page, with its error messages, is checked too.
          await assertNoViolation(form, `/r/… page ${i - 1} (with error messages)`);
          break;
        }
        await assertNoViolation(form, `/r/… page ${i}`);
      }
      await form.close();
      await (
        await check(`/r/${submittedClosed.token}`, (p) => p.getByRole('status').first().waitFor())
      ).close();
      if (submittedOpen) await (await check(`/r/${submittedOpen.token}`)).close();
      await (
        await check('/r/lien-invalide-0000000000000000', (p) => p.getByRole('alert').first().waitFor())
      ).close();
      const publicToken = await store.campaigns.setPublicLink(demo.openCampaign.id, true);
      await (await check(`/p/${publicToken}`)).close();
      assertNoneFound();
    });

    it('ran on every page, with no script error', () => {
      assert.ok(checked.length >= 26, `only ${checked.length} pages checked: ${checked.join(', ')}`);
      assert.deepEqual(pageErrors, []);
      console.log(`axe-core: ${checked.length} pages checked, no violation:\n  ${checked.join('\n  ')}`);
    });
  },
);
