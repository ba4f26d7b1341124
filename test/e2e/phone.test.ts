/**
 * Screens that hold on a phone, in real Chromium against the real server (demo network, the closed
 * campaign published): every admin page, the respondent form (progress, review page) and the
 * structure sheet at 390 px have no horizontal page scroll. Screenshots at 390 and 1280 px go to
 * PANORAMA_PHONE_SHOTS (e.g. /work/shots/phone) or a temp folder.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { skipWithoutChromium } from './helpers.js';
import {
  culprits,
  DESKTOP,
  login,
  overflow,
  phoneContext,
  PHONE,
  shoot,
  startPhoneWorld,
  USERS,
  type PhoneWorld,
} from './phone-support.js';

/** Every admin page, named for its screenshot, and what shows it is loaded. */
function adminPages(world: PhoneWorld, structureId: string): { name: string; path: string; ready: string }[] {
  const open = world.demo.openCampaign.id;
  const closed = world.demo.closedCampaign.id;
  return [
    { name: 'dashboard', path: '/', ready: 'h1' },
    { name: 'registry', path: '/referentiel', ready: 'h1' },
    { name: 'surveys', path: '/questionnaires', ready: 'h1' },
    { name: 'survey-editor', path: '/questionnaires?editeur=nouveau', ready: 'h1' },
    { name: 'campaigns', path: '/campagnes', ready: 'h1' },
    { name: 'campaign-new', path: '/campagnes/nouvelle', ready: 'h1' },
    { name: 'campaign-open', path: `/campagnes/${open}`, ready: 'h1' },
    { name: 'campaign-closed', path: `/campagnes/${closed}`, ready: 'h1' },
    { name: 'results', path: `/campagnes/${closed}/resultats`, ready: 'h1' },
    { name: 'review-list', path: `/campagnes/${open}/verification`, ready: 'h1' },
    { name: 'review-response', path: `/campagnes/${open}/verification/${structureId}`, ready: 'h1' },
    { name: 'users', path: '/utilisateurs', ready: 'h1' },
    { name: 'solidarity', path: '/solidarite', ready: 'h1' },
    { name: 'account', path: '/mon-compte', ready: 'h1' },
  ];
}

async function visit(page: Page, base: string, path: string, ready: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.locator(`main ${ready}`).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('screens on a phone', { skip: skipWithoutChromium(), timeout: 300_000 }, () => {
  let world: PhoneWorld;
  before(async () => {
    world = await startPhoneWorld();
  });
  after(async () => {
    await world?.close();
  });

  it('every admin page fits 390 px without horizontal page scroll', async () => {
    const submitted = (await world.store.invitations.list(world.demo.openCampaign.id)).find(
      (i) => i.status === 'submitted',
    )!;
    const pages = adminPages(world, submitted.structureId!);
    const wide: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await phoneContext(world, viewport);
      const page = await login(world, context, USERS.admin);
      for (const { name, path, ready } of pages) {
        await visit(page, world.base, path, ready);
        if (viewport === PHONE) {
          const extra = await overflow(page);
          if (extra > 0) wide.push(`${name} +${extra}px: ${(await culprits(page)).join(' ')}`);
        }
        await shoot(page, `admin-${name}-${viewport.width}`);
      }
      // The login page, logged out.
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      if (viewport === PHONE && (await overflow(page)) > 0) wide.push('login');
      await shoot(page, `admin-login-${viewport.width}`);
      await context.close();
    }
    assert.deepEqual(wide, [], `pages wider than the phone (${pages.length + 1} checked)`);
    assert.deepEqual(world.pageErrors, []);
  });
});
