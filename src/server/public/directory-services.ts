/**
 * The public directory of the centres' digital services (/public/solidarite): search by commune
 * or postal code and by service, "ouvert maintenant" (Europe/Paris), each place's page with its
 * services and hours in French, a server-drawn map, the open-data downloads and an embeddable
 * mode (`?embed=1`: no site header or footer, links stay embedded). Plain HTML, no script:
 * headings, lists and labelled fields for keyboards and screen readers.
 */
import type { DirectoryEntry } from '../../app/solidarity/directory.js';
import { SERVICE_CODES, SERVICE_LABEL_FR, type ServiceCode } from '../../solidarity/domain.js';
import { directoryMapSvg, type MapPoint } from './directory-map.js';
import { Html, html, page } from './layout.js';

export const DIRECTORY_PATH = '/public/solidarite';

export interface DirectoryPageQuery {
  q: string;
  service: ServiceCode | '';
  open: boolean;
  embed: boolean;
}

const CSS = `
.dir-intro{max-width:46rem}
form.search>div{min-width:0;max-width:100%}
form.search select,form.search input[type=search]{max-width:100%}
@media (max-width:40rem){form.search>div{flex:1 1 100%}form.search select,form.search input[type=search]{min-width:0;width:100%}}
ul.downloads{list-style:none;padding:0}
form.search .check{display:flex;align-items:center;gap:.4rem;font-weight:600;min-height:2.6rem}
form.search .check input{min-width:0;width:1.2rem;height:1.2rem}
.dir-layout{display:grid;gap:1.25rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:60rem){.dir-layout{grid-template-columns:minmax(0,1fr) minmax(0,24rem)}.dir-layout .dir-side{order:2}}
.dir-map{width:100%;height:auto;display:block;border:1px solid #c5ceda;border-radius:.5rem}
.dir-list{list-style:none;padding:0;margin:0;display:grid;gap:1rem}
.dir-list>li{border:1px solid #c5ceda;border-radius:.5rem;padding:1rem 1.1rem;display:grid;grid-template-columns:2.2rem minmax(0,1fr);gap:.2rem .75rem}
.dir-num{grid-row:span 3;width:2rem;height:2rem;border-radius:50%;background:#2f6fb0;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center}
.dir-num.open{background:#1a7f37}
.dir-list h3{margin:0}
.dir-where{margin:0;color:#4a5563}
.status{display:inline-block;font-weight:600;font-size:.92rem;border-radius:1rem;padding:0 .6rem}
.status.open{background:#dcf3e2;color:#0f5323}
.status.closed{background:#eef0f3;color:#3b4552}
.dir-services{margin:.3rem 0 0;padding-left:1.1rem}
.dir-services li{margin:.15rem 0}
.dir-page .service{border-top:1px solid #dde3ea;padding-top:.75rem;margin-top:.75rem}
.dir-page dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem .75rem;margin:.4rem 0 0}
.dir-page dt{font-weight:600}
.dir-page dd{margin:0}
pre.snippet{background:#f3f6fa;border:1px solid #c5ceda;border-radius:.4rem;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
`;

function link(path: string, query: DirectoryPageQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (query.embed) params.set('embed', '1');
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** "lundi 7 décembre à 10 h 30": the Paris time "ouvert maintenant" was computed for. */
export function parisMoment(now: Date): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} à ${Number(get('hour'))} h ${get('minute')}`;
}

function status(open: boolean): Html {
  return open
    ? html`<span class="status open">Ouvert maintenant</span>`
    : html`<span class="status closed">Fermé en ce moment</span>`;
}

function where(e: DirectoryEntry): string {
  return [e.address, [e.postalCode, e.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

function mapPoints(entries: DirectoryEntry[]): MapPoint[] {
  return entries.flatMap((e, i) =>
    e.latitude !== null && e.longitude !== null
      ? [{ index: i + 1, name: e.name, latitude: e.latitude, longitude: e.longitude, open: e.openNow }]
      : [],
  );
}

function mapFigure(entries: DirectoryEntry[], id: string, title: string): Html {
  const svg = directoryMapSvg(mapPoints(entries), { id, title });
  const missing = entries.filter((e) => e.latitude === null || e.longitude === null).length;
  if (!svg)
    return html`<p class="muted">Aucun lieu n'a encore de coordonnées : la carte s'affichera dès qu'un lieu en aura.</p>`;
  return html`<figure style="margin:0">
    ${new Html(svg)}
    <figcaption class="muted">
      En vert, les lieux ouverts maintenant.${
        missing
          ? ` ${missing} lieu${missing > 1 ? 'x' : ''} sans coordonnées ne figure${missing > 1 ? 'nt' : ''} pas sur la carte.`
          : ''
      }
    </figcaption>
  </figure>`;
}

/** Removes the site's header, skip link and footer: the embedded directory lives inside another site. */
function embedded(document: string): string {
  return document
    .replace(/<a class="skip"[\s\S]*?<\/a>/, '')
    .replace(/<header class="site">[\s\S]*?<\/header>/, '')
    .replace(/<footer class="site">[\s\S]*?<\/footer>/, '');
}

function wrap(title: string, body: Html, embed: boolean): string {
  const document = page(title, html`<style>${new Html(CSS)}</style>${body}`, { current: 'services' });
  return embed ? embedded(document) : document;
}

function searchForm(query: DirectoryPageQuery): Html {
  return html`<form class="search" role="search" method="get" action="${DIRECTORY_PATH}">
    <div>
      <label for="q">Commune ou code postal</label>
      <input type="search" id="q" name="q" value="${query.q}" autocomplete="postal-code" placeholder="ex. Cambrai ou 59400" />
    </div>
    <div>
      <label for="service">Service</label>
      <select id="service" name="service">
        <option value="">Tous les services</option>
        ${SERVICE_CODES.map((code) => html`<option value="${code}" ${code === query.service ? html` selected` : ''}>${SERVICE_LABEL_FR[code]}</option>`)}
      </select>
    </div>
    <div>
      <label class="check"><input type="checkbox" name="ouvert" value="1" ${query.open ? html` checked` : ''} /> Ouvert maintenant</label>
    </div>
    ${query.embed ? html`<input type="hidden" name="embed" value="1" />` : ''}
    <div><button type="submit">Rechercher</button></div>
  </form>`;
}

function entryItem(e: DirectoryEntry, index: number, query: DirectoryPageQuery): Html {
  const id = `lieu-${index}`;
  return html`<li>
    <span class="dir-num ${e.openNow ? 'open' : ''}" aria-hidden="true">${index}</span>
    <h3 id="${id}"><a href="${link(`${DIRECTORY_PATH}/${encodeURIComponent(e.id)}`, query)}">${e.name}</a></h3>
    <p class="dir-where">${where(e)} · ${status(e.openNow)}</p>
    <ul class="dir-services" aria-label="Services de ${e.name}">
      ${e.services.map((s) => html`<li><strong>${s.label}</strong> — ${s.hoursText} (${s.accessLabel.toLowerCase()})</li>`)}
    </ul>
  </li>`;
}

function downloads(): Html {
  const base = '/api/public/solidarity/directory/export?format=';
  return html`<h2>Données ouvertes</h2>
    <p>
      L'annuaire est téléchargeable au format national des lieux de médiation numérique (licence Etalab 2.0)
      et au format data·inclusion.
    </p>
    <ul class="downloads">
      <li><a href="${base}mednum-csv" download>Lieux de médiation numérique (CSV)</a></li>
      <li><a href="${base}mednum-json" download>Lieux de médiation numérique (JSON)</a></li>
      <li><a href="${base}data-inclusion" download>data·inclusion (JSON)</a></li>
    </ul>`;
}

function embedSnippet(origin: string): Html {
  const snippet = `<iframe src="${origin}${DIRECTORY_PATH}?embed=1" title="Services numériques des centres sociaux" width="100%" height="900" style="border:0" loading="lazy"></iframe>`;
  return html`<h2 id="integrer">Intégrer l'annuaire à votre site</h2>
    <p>Copiez ce code dans une page de votre site : l'annuaire s'y affiche sans l'en-tête de Panorama.</p>
    <pre class="snippet"><code>${snippet}</code></pre>`;
}

export function servicesDirectoryPage(options: {
  entries: DirectoryEntry[];
  query: DirectoryPageQuery;
  now: Date;
  origin: string;
}): string {
  const { entries, query } = options;
  const count = entries.length;
  const filtered = query.q || query.service || query.open;
  const heading = count === 0 ? 'Aucun lieu' : count === 1 ? '1 lieu' : `${count} lieux`;
  const body = html`<h1>Services numériques des centres sociaux</h1>
    <p class="dir-intro">
      Démarches en ligne, accès à internet, prêt de matériel, accompagnement scolaire… Trouvez un centre social
      qui vous accueille près de chez vous, et ses horaires.
    </p>
    ${searchForm(query)}
    <p class="muted">Horaires d'ouverture calculés pour le ${parisMoment(options.now)} (heure de Paris).</p>
    <div class="dir-layout">
      <section class="dir-side" aria-labelledby="carte">
        <h2 id="carte">Carte</h2>
        ${mapFigure(entries, 'carte-lieux', 'Carte des lieux trouvés')}
      </section>
      <section aria-labelledby="resultats">
        <h2 id="resultats">${heading}${filtered ? ' correspondant à votre recherche' : ''}</h2>
        ${
          count === 0
            ? html`<p>Essayez une autre commune, un autre service, ou décochez « Ouvert maintenant ». <a href="${link(DIRECTORY_PATH, query)}">Voir tous les lieux</a></p>`
            : html`<ol class="dir-list">${entries.map((e, i) => entryItem(e, i + 1, query))}</ol>`
        }
      </section>
    </div>
    ${query.embed ? '' : html`${downloads()}${embedSnippet(options.origin)}`}
    ${query.embed ? html`<p class="muted">Annuaire publié avec Panorama. <a href="${DIRECTORY_PATH}" target="_blank" rel="noopener">Ouvrir dans un nouvel onglet</a></p>` : ''}`;
  return wrap('Services numériques des centres sociaux', body, query.embed);
}

export function serviceDirectoryEntryPage(
  entry: DirectoryEntry,
  query: DirectoryPageQuery,
  now: Date,
): string {
  const contact: Html[] = [];
  if (entry.phone)
    contact.push(
      html`<dt>Téléphone</dt><dd><a href="tel:${entry.phone.replace(/\s+/g, '')}">${entry.phone}</a></dd>`,
    );
  if (entry.email)
    contact.push(html`<dt>Courriel</dt><dd><a href="mailto:${entry.email}">${entry.email}</a></dd>`);
  if (entry.website)
    contact.push(html`<dt>Site</dt><dd><a href="${entry.website}" rel="noopener">${entry.website}</a></dd>`);
  const body = html`<p><a href="${link(DIRECTORY_PATH, query)}">← Retour à l'annuaire</a></p>
    <article class="dir-page card" aria-labelledby="titre">
      <h1 id="titre">${entry.name}</h1>
      <p>${status(entry.openNow)} <span class="muted">(${parisMoment(now)}, heure de Paris)</span></p>
      <dl>
        <dt>Adresse</dt><dd>${where(entry) || 'non renseignée'}</dd>
        ${contact}
        ${entry.hoursText ? html`<dt>Horaires</dt><dd>${entry.hoursText}</dd>` : ''}
      </dl>
      <h2>Services</h2>
      ${entry.services.map(
        (s) => html`<section class="service" aria-labelledby="svc-${s.service}">
          <h3 id="svc-${s.service}">${s.label} ${status(s.openNow)}</h3>
          <dl>
            <dt>Horaires</dt><dd>${s.hoursText}</dd>
            <dt>Accès</dt><dd>${s.accessLabel}</dd>
            ${s.public ? html`<dt>Public</dt><dd>${s.public}</dd>` : ''}
            ${s.description ? html`<dt>Précisions</dt><dd>${s.description}</dd>` : ''}
          </dl>
        </section>`,
      )}
      <h2>Plan</h2>
      ${mapFigure([entry], 'carte-lieu', `Emplacement de ${entry.name}`)}
    </article>`;
  return wrap(entry.name, body, query.embed);
}
