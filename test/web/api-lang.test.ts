import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { api, ApiError } from '../../src/web/api.js';
import { setLang } from '../../src/web/i18n.js';

/** The web client asks for the UI's language and shows the server's message as it comes. */
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  setLang('fr');
});

function fakeServer(answer: (lang: string | null) => Response) {
  const seen: (string | null)[] = [];
  globalThis.fetch = (async (_url: string, init?: RequestInit) => {
    const lang = new Headers(init?.headers).get('accept-language');
    seen.push(lang);
    return answer(lang);
  }) as typeof fetch;
  return seen;
}

test('every request carries the interface language; the error shown is the server’s message', async () => {
  const seen = fakeServer(
    (lang) =>
      new Response(
        JSON.stringify({
          error: {
            code: 'not_found',
            message: lang === 'en' ? 'Campaign not found.' : 'Campagne introuvable.',
          },
        }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      ),
  );
  for (const [lang, message] of [
    ['fr', 'Campagne introuvable.'],
    ['en', 'Campaign not found.'],
  ] as const) {
    setLang(lang);
    await assert.rejects(api('GET', '/api/campaigns/x'), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      assert.equal(err.code, 'not_found');
      assert.equal(err.message, message);
      return true;
    });
  }
  assert.deepEqual(seen, ['fr', 'en']);
});

test('an answer that is not Panorama’s (proxy page) still gets a message in the UI language', async () => {
  fakeServer(() => new Response('<html>Bad gateway</html>', { status: 502 }));
  setLang('en');
  await assert.rejects(api('GET', '/api/x'), /Internal server error/);
  setLang('fr');
  await assert.rejects(api('GET', '/api/x'), /Erreur interne du serveur/);
  globalThis.fetch = () => Promise.reject(new Error('offline'));
  setLang('en');
  await assert.rejects(api('GET', '/api/x'), /Server unreachable/);
});
