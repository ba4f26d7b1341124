import type { StoredStructure, Territory } from '../../store/index.js';
import { html, page, type Html } from './layout.js';

/**
 * Registry attributes shown in the public directory (documented in docs/api.md):
 * `services` = services offered, `horaires` = opening slots; several values separated by ";"
 * (or "|"). `commune` is shown beside the address. Nothing else from the registry is public.
 */
export const DIRECTORY_ATTRIBUTES = { services: 'services', hours: 'horaires', commune: 'commune' } as const;

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Every word of the query must appear in the name, address, commune, territory or services. */
export function matchesQuery(s: StoredStructure, territory: string, query: string): boolean {
  const words = norm(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const a = s.attributes;
  const text = norm(
    [
      s.name,
      s.address ?? '',
      a[DIRECTORY_ATTRIBUTES.commune] ?? '',
      territory,
      a[DIRECTORY_ATTRIBUTES.services] ?? '',
    ].join(' '),
  );
  return words.every((w) => text.includes(w));
}

export function territoryLabel(territories: Map<string, Territory>, id: string | null): string {
  const chain: string[] = [];
  let t = id ? territories.get(id) : undefined;
  while (t && chain.length < 10) {
    chain.push(t.name);
    t = t.parentId ? territories.get(t.parentId) : undefined;
  }
  // "Flandre (Nord)": the structure's territory and its département, not the whole chain.
  return chain.length > 1 ? `${chain[0]} (${chain[1]})` : (chain[0] ?? '');
}

function structureDetails(s: StoredStructure, territory: string): Html {
  const services = splitList(s.attributes[DIRECTORY_ATTRIBUTES.services]);
  const hours = splitList(s.attributes[DIRECTORY_ATTRIBUTES.hours]);
  const commune = s.attributes[DIRECTORY_ATTRIBUTES.commune];
  return html`<dl>
    <dt>Adresse</dt>
    <dd>${s.address ?? (commune || 'non renseignée')}</dd>
    ${
      territory
        ? html`<dt>Territoire</dt>
            <dd>${territory}</dd>`
        : ''
    }
    ${
      s.type
        ? html`<dt>Type</dt>
            <dd>${s.type === 'CS' ? 'Centre social' : 'Espace de vie sociale'}</dd>`
        : ''
    }
    <dt>Services</dt>
    <dd>
      ${
        services.length
          ? html`<ul class="tags">
              ${services.map((v) => html`<li>${v}</li>`)}
            </ul>`
          : 'non renseignés'
      }
    </dd>
    <dt>Horaires</dt>
    <dd>
      ${
        hours.length
          ? html`<ul class="tags">
              ${hours.map((v) => html`<li>${v}</li>`)}
            </ul>`
          : 'non renseignés'
      }
    </dd>
  </dl>`;
}

export function directoryPage(options: {
  structures: StoredStructure[];
  territories: Territory[];
  query: string;
  territoryId: string;
}): string {
  const byId = new Map(options.territories.map((t) => [t.id, t]));
  const depth = (t: Territory) => {
    let d = 0;
    for (
      let p = t.parentId ? byId.get(t.parentId) : undefined;
      p && d < 10;
      p = p.parentId ? byId.get(p.parentId) : undefined
    )
      d++;
    return d;
  };
  const ordered = orderTree(options.territories);
  const count = options.structures.length;
  const filtered = options.query || options.territoryId;
  return page(
    'Annuaire des structures',
    html`<h1>Annuaire des structures</h1>
      <p>
        Trouvez un centre social ou un espace de vie sociale près de chez vous : ses services et ses horaires.
      </p>
      <form class="search" role="search" method="get" action="/public/structures">
        <div>
          <label for="q">Rechercher (nom, commune, service)</label>
          <input type="search" id="q" name="q" value="${options.query}" autocomplete="off" />
        </div>
        <div>
          <label for="territoire">Territoire</label>
          <select id="territoire" name="territoire">
            <option value="">Tous les territoires</option>
            ${ordered.map((t) => html`<option value="${t.id}" ${t.id === options.territoryId ? html` selected` : ''}>${'\u00a0\u00a0'.repeat(depth(t))}${t.name}</option>`)}
          </select>
        </div>
        <div><button type="submit">Rechercher</button></div>
      </form>
      <section aria-labelledby="resultats">
        <h2 id="resultats">
          ${count === 0 ? 'Aucune structure' : count === 1 ? '1 structure' : `${count} structures`}${filtered ? ' correspondant à votre recherche' : ''}
        </h2>
        ${
          count === 0
            ? html`<p>
                Essayez un autre mot ou un autre territoire.
                <a href="/public/structures">Voir toutes les structures</a>
              </p>`
            : html`<ul class="cards">
                ${options.structures.map(
                  (s) =>
                    html`<li class="card">
                      <article aria-labelledby="s-${s.id}">
                        <h3 id="s-${s.id}">
                          <a href="/public/structures/${encodeURIComponent(s.id)}">${s.name}</a>
                        </h3>
                        ${structureDetails(s, territoryLabel(byId, s.territoryId))}
                      </article>
                    </li>`,
                )}
              </ul>`
        }
      </section>`,
    { current: 'structures' },
  );
}

export function structurePage(s: StoredStructure, territories: Territory[]): string {
  const byId = new Map(territories.map((t) => [t.id, t]));
  return page(
    s.name,
    html`<p><a href="/public/structures">← Retour à l'annuaire</a></p>
      <article class="card" aria-labelledby="titre">
        <h1 id="titre">${s.name}</h1>
        ${structureDetails(s, territoryLabel(byId, s.territoryId))}
      </article>`,
    { current: 'structures' },
  );
}

/** Parents before children, siblings by name: the order of the territory select. */
function orderTree(territories: Territory[]): Territory[] {
  const children = new Map<string | null, Territory[]>();
  const ids = new Set(territories.map((t) => t.id));
  for (const t of territories) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const out: Territory[] = [];
  const walk = (parent: string | null) => {
    for (const t of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'fr'))) {
      out.push(t);
      walk(t.id);
    }
  };
  walk(null);
  return out;
}
