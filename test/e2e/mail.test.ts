/**
 * Campaign mail in real Chromium against the real server, on a fake clock: the administrator
 * edits the invitation text (an unknown field is refused), previews it for a structure, sends the
 * invitations after a confirmation that counts the structures with an address and lists the ones
 * without apart, and schedules reminders 7 and 2 days before closing. The outbox then holds
 * exactly one invitation per structure with an address; moving the clock runs each reminder at
 * its date, to the invited structures that have not submitted. Screenshots of the section at 1280
 * and 390 px (no horizontal page scroll) go to /work/shots/mailui when that folder exists.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ADMIN, startHarness } from './harness.js';
import { skipWithoutChromium } from './helpers.js';

const SHOTS = '/work/shots/mailui';
const DAY = 86_400_000;

/** Headers unfolded and the quoted-printable body decoded, enough to read a test message. */
function readEml(raw: string): { headers: string; body: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const qp = rest.join('\n\n').replace(/=\r?\n/g, '');
  const bytes = qp.replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
  let body = qp;
  try {
    body = decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
  } catch {
    // Not quoted-printable: kept as is.
  }
  return { headers: head.replace(/\r?\n[ \t]+/g, ' '), body };
}
const header = (eml: { headers: string }, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'mi').exec(eml.headers)?.[1]?.trim();

test(
  'campaign mail: invitations, scheduled reminders on a fake clock, structures without address apart',
  { skip: skipWithoutChromium(), timeout: 240_000 },
  async (t) => {
    const clock = { now: new Date() };
    const h = await startHarness(t, { now: () => clock.now });
    const start = clock.now;
    const at = (days: number) => new Date(start.getTime() + days * DAY).toISOString();
    const shot = async (page: Page, name: string) =>
      existsSync(SHOTS)
        ? page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
        : h.shot(page, name);

    // --- Six structures of the demo network: four with an address, two without.
    const { seedDemo } = await import('../../src/demo/index.js');
    const { reminderDate } = await import('../../src/app/mail/schedule.js');
    const demo = await seedDemo(h.store, { now: start });
    const { surveyVersionId } = (await h.store.campaigns.get(demo.openCampaign.id))!;
    const chosen = (await h.store.structures.list()).slice(0, 6);
    const addresses = new Map<string, string>();
    for (const [i, s] of chosen.entries()) {
      const attributes = { ...s.attributes };
      if (i < 4) {
        attributes.email = `direction-${i}@centre-${i}.example.org`;
        addresses.set(s.id, attributes.email);
      } else delete attributes.email;
      await h.store.structures.update(s.id, { attributes });
    }
    const withoutAddress = chosen.slice(4).map((s) => s.name);
    const campaign = await h.store.campaigns.create(
      {
        name: 'Observatoire courriels e2e',
        surveyVersionId,
        opensAt: at(-1),
        closesAt: at(20),
        population: {},
        createdBy: 'e2e',
      },
      at(-1),
    );
    await h.store.invitations.createForPopulation(
      campaign.id,
      chosen.map((s) => s.id),
      at(-1),
    );

    // --- The administrator opens the campaign page.
    const context = await h.browser.newContext({
      viewport: { width: 1280, height: 900 },
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
    await page.goto(`${h.base}/campagnes/${campaign.id}`);
    const section = page.locator('section.mail-section');
    await section.getByRole('heading', { name: 'Courriels' }).waitFor();
    await section
      .getByText('6 structures invitées · 4 avec une adresse e-mail · 0 invitation envoyée')
      .waitFor();
    // Before any invitation, no row offers a reminder (it would be a first contact).
    assert.equal(await page.getByRole('button', { name: /^Relancer / }).count(), 0);
    await page.getByRole('button', { name: `Inviter ${chosen[0]!.name}` }).waitFor();
    await page.locator('tr', { hasText: withoutAddress[0] }).getByText('sans adresse').waitFor();

    // --- The invitation text: an unknown field is refused with its name, then a good one saved.
    await section
      .getByRole('textbox', { name: 'Nom de la fédération', exact: true })
      .fill('Fédération des centres sociaux du Nord');
    await section
      .getByRole('textbox', { name: 'Signature', exact: true })
      .fill('Camille Martin, chargée d’études');
    await section
      .getByRole('textbox', { name: 'Objet — Invitation', exact: true })
      .fill('Enquête {campagne} : {structure} est invitée');
    await section
      .getByRole('textbox', { name: 'Texte — Invitation', exact: true })
      .fill('Bonjour {structure},\n\nRépondez avant le {date_limte} :\n{lien}\n\n{signature}\n{federation}');
    await section.getByRole('button', { name: 'Enregistrer les textes' }).click();
    await section
      .getByRole('alert')
      .getByText(/le champ « \{date_limte\} » n’existe pas/)
      .waitFor();
    await section
      .getByRole('textbox', { name: 'Texte — Invitation', exact: true })
      .fill('Bonjour {structure},\n\nRépondez avant le {date_limite} :\n{lien}\n\n{signature}\n{federation}');
    await section.getByRole('button', { name: 'Enregistrer les textes' }).click();
    await section.getByText('Textes enregistrés.').waitFor();
    await section.getByText('Champs disponibles', { exact: false }).click();
    await section.getByText('la date de clôture, en toutes lettres').waitFor();

    // --- Preview for a chosen structure, with its address.
    await section.getByLabel('Aperçu pour la structure').selectOption({ label: chosen[1]!.name });
    await section.getByRole('button', { name: 'Voir l’aperçu' }).click();
    const preview = section.getByRole('article', { name: 'Aperçu' });
    await preview.getByText(`Enquête Observatoire courriels e2e : ${chosen[1]!.name} est invitée`).waitFor();
    await preview.getByText(`À : ${addresses.get(chosen[1]!.id)}`).waitFor();
    const previewText = await preview.locator('pre').innerText();
    assert.match(previewText, /Camille Martin, chargée d’études\nFédération des centres sociaux du Nord/);
    assert.doesNotMatch(previewText, /\{/);

    // --- Send: the confirmation counts 4 with an address and lists the 2 without, apart.
    await section.getByRole('button', { name: 'Envoyer les invitations' }).click();
    const dialog = section.getByRole('dialog', { name: 'Confirmer l’envoi' });
    await dialog
      .getByText(
        'L’invitation partira vers 4 structures avec une adresse e-mail qui ne l’ont pas encore reçue.',
      )
      .waitFor();
    await dialog.getByText('2 structures sans adresse e-mail ne recevront rien', { exact: false }).waitFor();
    const listed = await dialog.getByTestId('without-email').locator('li').allInnerTexts();
    assert.deepEqual(listed.sort(), [...withoutAddress].sort());
    await shot(page, 'mail-confirm-1280');
    await dialog.getByRole('button', { name: 'Envoyer 4 invitations' }).click();
    await section.getByText('4 invitations envoyées.').waitFor();
    await section
      .getByText('6 structures invitées · 4 avec une adresse e-mail · 4 invitations envoyées')
      .waitFor();

    // The outbox: exactly one invitation per structure with an address, none to the others.
    const outbox = () => {
      const dir = join(h.dataDir, 'outbox');
      return existsSync(dir) ? readdirSync(dir).map((f) => readEml(readFileSync(join(dir, f), 'utf8'))) : [];
    };
    const ofKind = (kind: string) => outbox().filter((m) => header(m, 'X-Panorama-Mail') === kind);
    const invitations = ofKind('invitation');
    assert.equal(invitations.length, 4);
    assert.deepEqual(invitations.map((m) => header(m, 'To')).sort(), [...addresses.values()].sort());
    for (const m of invitations) {
      assert.match(m.body, /^Bonjour .+,\n\nRépondez avant le \S+ \d+ \S+ \d{4} :\n/);
      assert.match(m.body, new RegExp(`${h.base}/r/\\S+`));
      assert.match(m.body, /Fédération des centres sociaux du Nord/);
    }
    // A second click sends nothing more: the button says so.
    await section.getByRole('button', { name: 'Envoyer les invitations' }).isDisabled();
    assert.equal(await section.getByRole('button', { name: 'Envoyer les invitations' }).isDisabled(), true);
    // The rows now offer a reminder to the invited structures only.
    await page.getByRole('button', { name: `Relancer ${chosen[0]!.name}` }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Inviter / }).count(), 0);

    // --- Scheduled reminders 7 and 2 days before closing, with their computed dates.
    await section.getByLabel('Jours avant la clôture').fill('7, 2');
    await section.getByRole('button', { name: 'Programmer les relances' }).click();
    await section.getByText('Relances programmées.').waitFor();
    const closesAt = campaign.closesAt!;
    const seven = reminderDate(closesAt, 7);
    const two = reminderDate(closesAt, 2);
    const fr = (d: Date) =>
      d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
    const items = section.getByRole('list', { name: 'Relances programmées' }).locator('li');
    await items.first().waitFor();
    assert.deepEqual(
      (await items.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()),
      [
        `7 jours avant la clôture : le ${fr(seven)} programmée`,
        `2 jours avant la clôture : le ${fr(two)} programmée`,
      ],
    );
    assert.match(fr(seven), / 09:00$/);
    await shot(page, 'mail-1280');
    if (existsSync(SHOTS)) await section.screenshot({ path: join(SHOTS, 'mail-section-1280.png') });

    // --- On a phone: no horizontal page scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    // Nothing in the section reaches past the viewport (tables scroll inside their own frame).
    const outside = await section.evaluate((root) =>
      [...root.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth && !e.closest('.table-wrap'))
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}px`,
        ),
    );
    assert.deepEqual(outside, [], 'the Courriels section fits in 390 px');
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(pageOverflow <= 0, `page scrolls sideways by ${pageOverflow}px at 390`);
    await shot(page, 'mail-390');
    if (existsSync(SHOTS)) {
      // The section in pieces of 900 px, readable when looked at.
      const box = (await section.boundingBox())!;
      const top = box.y + (await page.evaluate(() => window.scrollY));
      for (let y = 0, i = 1; y < box.height; y += 900, i++)
        await page.screenshot({
          path: join(SHOTS, `mail-section-390-${i}.png`),
          fullPage: true,
          clip: { x: 0, y: top + y, width: 390, height: Math.min(900, box.height - y) },
        });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // --- One structure with an address submits: the reminders skip it.
    const submitter = chosen[0]!;
    const invitation = (await h.store.invitations.findForStructure(campaign.id, submitter.id))!;
    await h.store.responses.submit(invitation.id, { statut: 'association' }, 'e2e-mail-1', at(1));

    // --- The fake clock reaches each date: the scheduler sends, once, at that date.
    clock.now = new Date(seven.getTime() + 60_000);
    await h.app.mailScheduler!.tick();
    await h.app.mailScheduler!.tick();
    let reminders = ofKind('reminder');
    assert.equal(reminders.length, 3);
    const remindedTo = reminders.map((m) => header(m, 'To')).sort();
    assert.deepEqual(
      remindedTo,
      [...addresses.entries()]
        .filter(([id]) => id !== submitter.id)
        .map(([, a]) => a)
        .sort(),
    );
    assert.ok(reminders.every((m) => header(m, 'Date') === clock.now.toUTCString().replace('GMT', '+0000')));
    clock.now = new Date(two.getTime() + 60_000);
    await h.app.mailScheduler!.tick();
    reminders = ofKind('reminder');
    assert.equal(reminders.length, 6);
    assert.equal(ofKind('invitation').length, 4, 'no invitation sent again');

    // --- Back on the page (clock back to the start: the session is dated by the same clock).
    clock.now = start;
    await page.reload();
    await section.getByRole('heading', { name: 'Journal des envois' }).waitFor();
    const log = section.locator('.mail-log tbody tr');
    await log.first().waitFor();
    assert.equal(
      await section.locator('.mail-log tbody tr[data-kind="invitation"][data-status="sent"]').count(),
      4,
    );
    assert.equal(
      await section.locator('.mail-log tbody tr[data-kind="reminder"][data-status="sent"]').count(),
      6,
    );
    await section
      .getByText(/partie le/)
      .first()
      .waitFor();
    assert.equal(await section.getByText(/partie le/).count(), 2);
    await shot(page, 'mail-log-1280');
    assert.deepEqual(h.pageErrors, []);
  },
);
