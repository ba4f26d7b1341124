import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { startTestServer, type Session, type TestServer } from './helpers.js';

/**
 * The same failing request answered in the language the client asks for (Accept-Language, which the
 * web UI sets to its own language): French by default, English on request, never a library's text.
 */
let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => server?.close());

const FR = 'fr-FR,fr;q=0.9';
const EN = 'en-GB,en;q=0.9';
/** zod's own English and French texts, and JSON parser texts, must never reach a user. */
const LIBRARY_TEXT =
  /Too small|Too big|Invalid input|Trop petit|Trop grand|Entrée invalide|expected string|Unexpected token|received undefined/;

async function both(session: Session | undefined, options: InjectOptions) {
  const send = (lang: string) =>
    server.request(session, { ...options, headers: { ...(options.headers ?? {}), 'accept-language': lang } });
  const [fr, en] = [await send(FR), await send(EN)];
  assert.equal(fr.statusCode, en.statusCode, 'the status does not depend on the language');
  const a = fr.json().error;
  const b = en.json().error;
  assert.equal(a.code, b.code, 'the code does not depend on the language');
  assert.notEqual(a.message, b.message);
  assert.doesNotMatch(a.message, LIBRARY_TEXT);
  assert.doesNotMatch(b.message, LIBRARY_TEXT);
  return {
    status: fr.statusCode,
    code: a.code as string,
    fr: a.message as string,
    en: b.message as string,
    frBody: a,
    enBody: b,
  };
}

describe('error messages follow Accept-Language', () => {
  test('a malformed body: the fields named in French, then in English, with our own words', async () => {
    const r = await both(server.users.admin, {
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: '', surveyId: 'x', opensAt: '31/12/2026', closesAt: '2026-12-31' },
    });
    assert.equal(r.status, 400);
    assert.equal(r.code, 'bad_request');
    assert.match(
      r.fr,
      /^Corps de la requête invalide : « name » : ne doit pas être vide ; « opensAt » : date invalide : AAAA-MM-JJ/,
    );
    assert.match(
      r.en,
      /^Invalid request body: "name": must not be empty; "opensAt": invalid date: YYYY-MM-DD/,
    );
    // Each detail names its field and is worded in the same language.
    const frDetail = r.frBody.details.find((d: { path: string }) => d.path === 'opensAt');
    const enDetail = r.enBody.details.find((d: { path: string }) => d.path === 'opensAt');
    assert.match(frDetail.message, /date invalide/);
    assert.match(enDetail.message, /invalid date/);
  });

  test('a mistyped questionnaire link (too short) gets our message naming the link, not zod’s', async () => {
    const r = await both(undefined, { method: 'GET', url: '/api/respond/abc123' });
    assert.equal(r.status, 400);
    assert.equal(
      r.fr,
      'Adresse invalide : « token » : au moins 16 caractères attendus. Vérifiez que le lien a été copié en entier, sans caractère en trop.',
    );
    assert.equal(
      r.en,
      'Invalid address: "token": at least 16 characters expected. Check that the link was copied in full, with no extra character.',
    );
  });

  test('an unknown questionnaire link: 404 naming the link', async () => {
    const r = await both(undefined, { method: 'GET', url: `/api/respond/${'x'.repeat(32)}` });
    assert.equal(r.status, 404);
    assert.equal(r.code, 'not_found');
    assert.equal(r.fr, 'Lien de questionnaire introuvable.');
    assert.equal(r.en, 'Questionnaire link not found.');
  });

  test('a refusal (403) says why, in each language', async () => {
    const r = await both(server.users.nord, { method: 'GET', url: '/api/structures?territory=demo-d-pdc' });
    assert.equal(r.status, 403);
    assert.equal(r.code, 'forbidden');
    assert.match(r.fr, /Ce territoire ne fait pas partie des vôtres/);
    assert.match(r.en, /This territory is not one of yours/);
  });

  test('a report filter without "=": French then English', async () => {
    const campaign = server.demo.closedCampaign.id;
    const r = await both(server.users.admin, {
      method: 'GET',
      url: `/api/campaigns/${campaign}/report?where=territoire`,
    });
    assert.equal(r.status, 400);
    assert.equal(r.code, 'report_filter_syntax');
    assert.equal(r.fr, 'Filtre « territoire » invalide : écrivez clé=valeur (par exemple territoire=Lille).');
    assert.equal(r.en, 'Invalid filter "territoire": write key=value (for example territoire=Lille).');
  });

  test('an unknown route and a body that is not JSON: no parser text', async () => {
    const route = await both(undefined, { method: 'GET', url: '/api/nulle-part' });
    assert.equal(route.status, 404);
    assert.match(route.fr, /^Route inconnue : GET \/api\/nulle-part/);
    assert.match(route.en, /^Unknown route: GET \/api\/nulle-part/);
    const json = await both(server.users.admin, {
      method: 'POST',
      url: '/api/campaigns',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    assert.equal(json.status, 400);
    assert.equal(json.fr, 'Requête invalide.');
    assert.equal(json.en, 'Invalid request.');
  });

  test('an unreadable registry file: the file, the line and the reason in each language', async () => {
    const csv = 'id,nom\nRG-1,Centre un\nRG-2,"Centre deux\n';
    const r = await both(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import/preview',
      payload: { filename: 'registre.csv', content: Buffer.from(csv).toString('base64') },
    });
    assert.equal(r.status, 422);
    assert.equal(r.code, 'registry_unreadable');
    assert.equal(
      r.fr,
      "Le fichier « registre.csv » est illisible : le fichier n'est pas un CSV valide : " +
        "un guillemet ouvert ici n'est jamais fermé",
    );
    assert.match(r.en, /^The file "registre\.csv" cannot be read: the file is not valid CSV: /);
    // The list under the message (shown by the import page) is worded in the same language.
    assert.deepEqual(
      r.frBody.details.map((d: { line: number; reason: string }) => [d.line, d.reason]),
      [[3, "le fichier n'est pas un CSV valide : un guillemet ouvert ici n'est jamais fermé"]],
    );
    assert.match(r.enBody.details[0].reason, /^the file is not valid CSV/);
  });

  test('without Accept-Language the answer is in French', async () => {
    const res = await server.request(undefined, { method: 'GET', url: `/api/respond/${'x'.repeat(32)}` });
    assert.equal(res.json().error.message, 'Lien de questionnaire introuvable.');
  });
});
