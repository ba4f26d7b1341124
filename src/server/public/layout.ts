/** Server-rendered pages of the public site: accessible HTML, no JavaScript needed. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_IDENTITY, type Identity } from '../../contract/identity.js';

import { escapeHtml } from '../../report/render/escape.js';

export { escapeHtml };

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Html | undefined | null | false | Part[];

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.value;
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/**
 * The identity the page being rendered shows: set for the request by `withIdentity` (the public
 * routes read it once from the store), the Panorama identity otherwise. Pages are rendered
 * synchronously, so a page built inside `withIdentity(identity, () => …)` always sees its own.
 */
const identityScope = new AsyncLocalStorage<Identity>();

export function withIdentity<T>(identity: Identity, render: () => T): T {
  return identityScope.run(identity, render);
}

export function currentIdentity(): Identity {
  return identityScope.getStore() ?? DEFAULT_IDENTITY;
}

// Ink 13.6:1, muted 7.0:1 on white; the federation's colours are checked for 4.5:1 against white
// when set (WCAG AA), the default ones are 13.6:1 (header) and 8.6:1 (links).
const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.05rem;line-height:1.55;color:#1f2d3d;background:#fff}
a{color:var(--secondary)}
a:hover{color:var(--primary)}
:focus-visible{outline:3px solid #b3005a;outline-offset:2px}
main:focus{outline:none}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#1d4f91;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem;top:.5rem}
header.site{background:var(--primary);color:#fff;padding:1rem 1.5rem}
header.site a{color:#fff}
header.site .brand{font-weight:700;font-size:1.3rem;text-decoration:none;display:inline-flex;align-items:center;gap:.75rem}
header.site .brand img{background:#fff;border-radius:.3rem;padding:.25rem;max-height:3.5rem;width:auto}
header.site nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;gap:1.5rem;flex-wrap:wrap}
main{max-width:68rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.4rem;margin:2rem 0 .75rem}
h3{font-size:1.15rem;margin:0 0 .4rem}
.muted{color:#4a5563}
.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(19rem,100%),1fr));gap:1rem}
.card{border:1px solid #c5ceda;border-radius:.5rem;padding:1rem 1.1rem;background:#fff}
.card dl{margin:.5rem 0 0;display:grid;grid-template-columns:max-content 1fr;gap:.2rem .75rem}
.card dt{font-weight:600}
.card dd{margin:0}
.tags{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem}
.tags li{background:#e8eef6;color:#1f2d3d;border-radius:1rem;padding:0 .6rem;font-size:.92rem}
form.search{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;background:#f3f6fa;padding:1rem;border-radius:.5rem}
form.search label{display:block;font-weight:600;margin-bottom:.25rem}
form.search input,form.search select{font:inherit;padding:.45rem .6rem;border:1px solid #5b6675;border-radius:.3rem;min-width:min(16rem,100%);color:#1f2d3d;background:#fff}
button,.button{font:inherit;font-weight:600;background:var(--secondary);color:#fff;border:0;border-radius:.3rem;padding:.5rem 1.1rem;cursor:pointer;text-decoration:none;display:inline-block}
button:hover,.button:hover{background:var(--primary);color:#fff}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
.downloads a{border:1px solid var(--secondary);border-radius:.3rem;padding:.2rem .7rem;text-decoration:none}
footer.site{border-top:1px solid #c5ceda;margin-top:3rem;padding:1.5rem;color:#4a5563;font-size:.95rem}
footer.site .columns{max-width:68rem;margin:0 auto;display:flex;flex-wrap:wrap;gap:1rem 3rem;justify-content:space-between}
footer.site address{font-style:normal}
footer.site .postal{white-space:pre-line}
footer.site p{margin:0 0 .4rem}
`;

const CONFORMITY_FR = {
  total: 'totalement conforme',
  partial: 'partiellement conforme',
  none: 'non conforme',
};

/** "Accessibilité : partiellement conforme", the mention RGAA asks on every page. */
export function conformityMention(identity: Identity): string {
  return `Accessibilité : ${CONFORMITY_FR[identity.accessibility.conformity]}`;
}

function contactBlock(identity: Identity): Html {
  const { address, email, phone, website } = identity.contact;
  if (!address && !email && !phone && !website) return html``;
  return html`<address>
    ${address ? html`<span class="postal">${address}</span><br />` : ''}${email ? html`<a href="mailto:${email}">${email}</a><br />` : ''}${
      phone ? html`<a href="tel:${phone.replace(/[^+\d]/g, '')}">${phone}</a><br />` : ''
    }${website ? html`<a href="${website}">${website.replace(/^https?:\/\//, '')}</a>` : ''}
  </address>`;
}

export function page(
  title: string,
  body: Html,
  options: { current?: 'campaigns' | 'structures' | 'services' | 'accessibility'; identity?: Identity } = {},
): string {
  const identity = options.identity ?? currentIdentity();
  const current = (key: string) => (options.current === key ? new Html(' aria-current="page"') : '');
  const colours = `:root{--primary:${identity.primaryColour};--secondary:${identity.secondaryColour}}`;
  const logo = identity.logo
    ? html`<img src="/api/public/identity/logo?v=${encodeURIComponent(identity.logo.updatedAt)}" alt=""
        width="${Math.round((identity.logo.width / identity.logo.height) * 56)}" height="56" />`
    : '';
  return `<!doctype html>${
    html`<html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — ${identity.name}</title>
        <style>
          ${new Html(colours + CSS)}
        </style>
      </head>
      <body>
        <a class="skip" href="#contenu">Aller au contenu</a>
        <header class="site">
          <a class="brand" href="/public">${logo}<span>${identity.name}</span></a>
          <nav aria-label="Site public">
            <ul>
              <li><a href="/public" ${current('campaigns')}>Publications</a></li>
              <li><a href="/public/structures" ${current('structures')}>Annuaire des structures</a></li>
              <li><a href="/public/solidarite" ${current('services')}>Services numériques</a></li>
            </ul>
          </nav>
        </header>
        <main id="contenu" tabindex="-1">${body}</main>
        <footer class="site">
          <div class="columns">
            <div>
              <p><strong>${identity.name}</strong></p>
              ${contactBlock(identity)}
            </div>
            <div>
              <p>
                <a href="/public/accessibilite" ${current('accessibility')}>${conformityMention(identity)}</a>
              </p>
              <p>
                Données publiées par le réseau. Les chiffres reposant sur trop peu de structures ne sont pas
                diffusés (secret statistique).
              </p>
              <p>Site réalisé avec Panorama, logiciel libre d'observatoire.</p>
            </div>
          </div>
        </footer>
      </body>
    </html>`.value
  }`;
}

export function errorPage(title: string, message: string): string {
  return page(
    title,
    html`<h1>${title}</h1>
      <p>${message}</p>
      <p><a href="/public">Retour aux publications</a></p>`,
  );
}
