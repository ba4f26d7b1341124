import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { jpegHeader, pngLogo, svgLogo } from './logos.js';

const IDENTITY = {
  name: 'Fédération des centres sociaux du Nord',
  primaryColour: '#7A1F3D',
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
};
const upload = (filename: string, bytes: Buffer) => ({ filename, content: bytes.toString('base64') });

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('federation identity routes', () => {
  test('anyone reads the identity; the Panorama one until it is set', async () => {
    const res = await server.request(undefined, { method: 'GET', url: '/api/public/identity' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().identity.custom, false);
    assert.match(res.json().identity.name, /^Panorama/);
    const logo = await server.request(undefined, { method: 'GET', url: '/api/public/identity/logo' });
    assert.equal(logo.statusCode, 404);
  });

  test('only an administrator changes it: anonymous 401, correspondent and viewer 403', async () => {
    for (const [method, url, payload] of [
      ['PUT', '/api/identity', IDENTITY],
      ['PUT', '/api/identity/logo', upload('logo.png', pngLogo('#7a1f3d'))],
      ['POST', '/api/identity/logo/remove', undefined],
    ] as const) {
      const anonymous = await server.request(undefined, { method, url, ...(payload ? { payload } : {}) });
      assert.equal(anonymous.statusCode, 401, `${method} ${url}`);
      for (const who of [server.users.nord, server.users.viewer]) {
        const res = await server.request(who, { method, url, ...(payload ? { payload } : {}) });
        assert.equal(res.statusCode, 403, `${method} ${url}`);
      }
    }
    const after = await server.request(undefined, { method: 'GET', url: '/api/public/identity' });
    assert.equal(after.json().identity.custom, false);
  });

  test('a colour that white text cannot be read on is refused, with the ratio, in French and English', async () => {
    // #e69f00 (orange) on white, by hand: R 0.791, G 0.347, B 0 → L 0.416; (1 + 0.05) / (0.416 + 0.05) = 2.25.
    const res = await server.request(server.users.admin, {
      method: 'PUT',
      url: '/api/identity',
      payload: { ...IDENTITY, primaryColour: '#e69f00' },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'identity_low_contrast');
    assert.match(res.json().error.message, /principale #e69f00 .* 2,25:1 .* 4,5:1/);
    const en = await server.request(server.users.admin, {
      method: 'PUT',
      url: '/api/identity',
      headers: { 'accept-language': 'en' },
      payload: { ...IDENTITY, secondaryColour: '#767676' },
    });
    // #767676 is the classic limit case: 4.54:1, accepted; #777777 is 4.47:1, refused.
    assert.equal(en.statusCode, 200, en.body);
    const refused = await server.request(server.users.admin, {
      method: 'PUT',
      url: '/api/identity',
      headers: { 'accept-language': 'en' },
      payload: { ...IDENTITY, secondaryColour: '#777777' },
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.message, /secondary colour #777777 .* 4\.47:1/);
  });

  test('the administrator sets the identity; public pages show it with the accessibility mention', async () => {
    const res = await server.request(server.users.admin, {
      method: 'PUT',
      url: '/api/identity',
      payload: IDENTITY,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().identity.primaryColour, '#7a1f3d');
    assert.equal(res.json().identity.custom, true);
    for (const url of ['/public', '/public/structures', '/public/accessibilite']) {
      const page = await server.request(undefined, { method: 'GET', url });
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /--primary:#7a1f3d;--secondary:#1d5c3a/, url);
      assert.match(page.body, /<span>Fédération des centres sociaux du Nord<\/span>/, url);
      assert.match(
        page.body,
        /href="\/public\/accessibilite"[^>]*>Accessibilité : partiellement conforme/,
        url,
      );
      assert.match(page.body, /href="mailto:contact@fcs59.fr"/, url);
    }
    const statement = await server.request(undefined, { method: 'GET', url: '/public/accessibilite' });
    for (const heading of [
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Établissement de cette déclaration',
      "Retour d'information et contact",
      'Voies de recours',
    ])
      assert.ok(statement.body.includes(`<h2>${heading}`), heading);
    assert.match(statement.body, /<strong>72,5 %<\/strong>/);
    assert.match(statement.body, /par Access42 le 01\/10\/2026/);
    assert.match(statement.body, /<li>Cartes des territoires<\/li>/);
    assert.match(statement.body, /établie le 02\/11\/2026/);
  });

  test('logos: PNG, JPEG and a plain SVG are taken; scripts, outside links, other files and oversize ones are refused', async () => {
    const put = (filename: string, bytes: Buffer, lang = 'fr') =>
      server.request(server.users.admin, {
        method: 'PUT',
        url: '/api/identity/logo',
        headers: { 'accept-language': lang },
        payload: upload(filename, bytes),
      });
    const png = pngLogo('#7a1f3d', 300);
    const ok = await put('logo.png', png);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(
      {
        type: ok.json().identity.logo.type,
        width: ok.json().identity.logo.width,
        height: ok.json().identity.logo.height,
      },
      { type: 'image/png', width: 300, height: 120 },
    );
    const served = await server.request(undefined, { method: 'GET', url: '/api/public/identity/logo' });
    assert.equal(served.headers['content-type'], 'image/png');
    assert.deepEqual(served.rawPayload, png);

    const jpeg = await put('logo.jpg', jpegHeader());
    assert.equal(jpeg.statusCode, 200, jpeg.body);
    assert.deepEqual([jpeg.json().identity.logo.width, jpeg.json().identity.logo.height], [320, 120]);

    const unsafe: [string, Buffer, RegExp][] = [
      ['script.svg', svgLogo('#000', '<script>alert(1)</script>'), /<script>/],
      [
        'onload.svg',
        Buffer.from(svgLogo('#000').toString().replace('<svg ', '<svg onload="alert(1)" ')),
        /onload/,
      ],
      [
        'link.svg',
        svgLogo('#000', '<image href="https://evil.example/x.png" width="1" height="1"/>'),
        /https:\/\/evil/,
      ],
      ['object.svg', svgLogo('#000', '<foreignObject><p>x</p></foreignObject>'), /foreignObject/],
      ['css.svg', svgLogo('#000', '<style>@import url(https://evil.example/a.css);</style>'), /style/],
      ['entity.svg', Buffer.from(`<!DOCTYPE svg [<!ENTITY a "b">]>${svgLogo('#000').toString()}`), /DOCTYPE/],
    ];
    for (const [file, bytes, found] of unsafe) {
      const res = await put(file, bytes);
      assert.equal(res.statusCode, 400, file);
      assert.equal(res.json().error.code, 'identity_logo_unsafe_svg', file);
      assert.match(res.json().error.message, found, file);
      assert.match(res.json().error.message, new RegExp(`Le logo SVG « ${file} » est refusé`));
    }
    const text = await put('logo.gif', Buffer.from('GIF89a not an image'));
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().error.code, 'identity_logo_type');
    const big = Buffer.concat([png, Buffer.alloc(600 * 1024)]);
    const tooBig = await put('grand.png', big, 'en');
    assert.equal(tooBig.statusCode, 413);
    assert.match(
      tooBig.json().error.message,
      /The logo "grand.png" weighs \d+ KB, beyond the limit of 512 KB/,
    );
    const tiny = await put('tiny.png', pngLogo('#000', 10));
    assert.equal(tiny.statusCode, 400);
    assert.equal(tiny.json().error.code, 'identity_logo_dimensions');

    // What was refused left the last good logo (the JPEG) in place.
    const still = await server.request(undefined, { method: 'GET', url: '/api/public/identity' });
    assert.equal(still.json().identity.logo.type, 'image/jpeg');

    const svg = await put('logo.svg', svgLogo('#7a1f3d'));
    assert.equal(svg.statusCode, 200, svg.body);
    const servedSvg = await server.request(undefined, { method: 'GET', url: '/api/public/identity/logo' });
    assert.equal(servedSvg.headers['content-type'], 'image/svg+xml');
    assert.match(String(servedSvg.headers['content-security-policy']), /default-src 'none'.*sandbox/);
    const home = await server.request(undefined, { method: 'GET', url: '/public' });
    assert.match(
      home.body,
      /<img src="\/api\/public\/identity\/logo\?v=[^"]+" alt=""\s+width="140" height="56"/,
    );

    const removed = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/identity/logo/remove',
    });
    assert.equal(removed.statusCode, 200);
    assert.equal(removed.json().identity.logo, null);
  });
});
