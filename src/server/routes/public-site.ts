import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerContext } from '../context.js';
import type { Campaign } from '../../store/index.js';
import { formatParis } from '../../app/dates.js';
import { publishedSnapshot, type PublishedSnapshot } from '../../app/publication/snapshot.js';
import type { SnapshotContent } from '../../publish/index.js';
import { errorPage, html, page } from '../public/layout.js';
import { directoryPage, matchesQuery, structurePage, territoryLabel } from '../public/directory.js';
import { brochureBytes, brochureDownload } from '../../app/publication/brochure.js';
import { documentCover, type DocumentCover } from '../../app/identity/index.js';
import { publicIdentityHook } from './identity.js';

const idParams = z.object({ id: z.string().min(1).max(200) });
const brochureQuery = z.object({
  territoire: z.string().trim().max(200).optional(),
  format: z.enum(['html', 'pdf', 'docx', 'json']).default('html'),
});
const directoryQuery = z.object({
  q: z.string().max(200).default(''),
  territoire: z.string().max(200).default(''),
});

/** "25/07/2026": the public site shows days, not times. */
const day = (at: string) => formatParis(at).split(' ')[0]!;

/**
 * The brochure document is the publication engine's; on the public site it gets a skip link and
 * a navigation bar back to the campaign and to its downloads (contrast 9.9:1 on the bar).
 */
function withSiteBar(document: string, campaignId: string, territory: string | undefined): string {
  const base = `/public/campagnes/${encodeURIComponent(campaignId)}`;
  const q = territory ? `territoire=${encodeURIComponent(territory)}&` : '';
  const style =
    'background:#0b2f5e;color:#fff;padding:.6rem 1.5rem;font-family:system-ui,sans-serif;display:flex;gap:1.5rem;flex-wrap:wrap';
  const bar = html`<style>
      .pn-skip {
        position: absolute;
        left: -999px;
      }
      .pn-skip:focus {
        left: 1rem;
        top: 0.5rem;
        background: #fff;
        color: #1d4f91;
        padding: 0.4rem 0.8rem;
        z-index: 10;
      }
    </style>
    <a class="pn-skip" href="#brochure">Aller à la plaquette</a>
    <nav aria-label="Publication" style="${style}">
      <a style="color:#fff" href="${base}">← Retour à la publication</a>
      <a style="color:#fff" href="${base}/plaquette?${q}format=pdf" download>Télécharger en PDF</a>
      <a style="color:#fff" href="${base}/plaquette?${q}format=docx" download>Télécharger en Word (DOCX)</a>
    </nav>`;
  const at = document.indexOf('<body>');
  if (at < 0) return document;
  const rest = document.slice(at + '<body>'.length).replace('<main', '<main id="brochure"');
  return `${document.slice(0, at)}<body>${bar.value}${rest}`;
}

const CACHE_MS = 10 * 60_000;
const CACHE_ENTRIES = 50;

function sendBrochure(
  reply: FastifyReply,
  body: Buffer,
  format: 'html' | 'pdf' | 'docx' | 'json',
  name: string,
  territory: string | undefined,
) {
  const brochure = brochureDownload(name, territory, format, body);
  reply.type(brochure.contentType);
  if (!brochure.inline) reply.header('content-disposition', `attachment; filename="${brochure.fileName}"`);
  return reply.send(brochure.body);
}

function sendPage(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
}

export async function publicSiteRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const config = { access: 'public' as const };
  const schema = { hide: true };
  app.addHook('preHandler', publicIdentityHook(ctx));

  /**
   * A published campaign's snapshot, or undefined: unpublished campaigns do not exist on the
   * public site. Every public page reads the snapshot, never the answers.
   */
  const published = (id: string): Promise<PublishedSnapshot | undefined> => publishedSnapshot(ctx.store, id);
  const notPublished = (reply: FastifyReply) =>
    sendPage(
      reply,
      errorPage('Publication introuvable', "Cette publication n'existe pas ou n'est pas (ou plus) publiée."),
      404,
    );

  app.get('/public', { config, schema }, async (_request, reply) => {
    const campaigns: Campaign[] = [];
    for (const p of await ctx.store.publications.listPublished()) {
      if (!p.snapshotId) continue; // published before snapshots existed: publish again to freeze it
      const c = await ctx.store.campaigns.get(p.campaignId);
      if (c) campaigns.push(c);
    }
    campaigns.sort((a, b) => b.opensAt.localeCompare(a.opensAt));
    return sendPage(
      reply,
      page(
        'Publications',
        html`<h1>Publications de l'observatoire</h1>
          <p>
            Les chiffres clés des enquêtes menées auprès des centres sociaux et espaces de vie sociale du
            réseau, par territoire.
          </p>
          ${
            campaigns.length === 0
              ? html`<p>Aucune publication pour le moment.</p>`
              : html`<ul class="cards">
                  ${campaigns.map(
                    (c) =>
                      html`<li class="card">
                        <h2 style="margin-top:0;font-size:1.2rem">
                          <a href="/public/campagnes/${encodeURIComponent(c.id)}">${c.name}</a>
                        </h2>
                        <p class="muted">
                          Enquête ouverte le
                          ${day(c.opensAt)}${c.closesAt ? html`, close le ${day(c.closesAt)}` : ''}.
                        </p>
                      </li>`,
                  )}
                </ul>`
          }
          <p><a href="/public/structures">Consulter l'annuaire des structures</a></p>`,
        { current: 'campaigns' },
      ),
    );
  });

  app.get('/public/campagnes/:id', { config, schema }, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const snapshot = await published(id);
    if (!snapshot) return notPublished(reply);
    const { campaign, content } = snapshot;
    const { territoryDisplayName, levelLabel } = await import('../../publish/index.js');
    const base = `/public/campagnes/${encodeURIComponent(campaign.id)}/plaquette`;
    const links = (label: string, territory?: string) => {
      const q = territory ? `territoire=${encodeURIComponent(territory)}&` : '';
      return html`<div class="downloads">
        <a href="${base}?${q}format=html">Consulter<span class="sr-only"> la plaquette ${label}</span></a>
        <a href="${base}?${q}format=pdf" download
          >PDF<span class="sr-only"> de la plaquette ${label}</span></a
        >
        <a href="${base}?${q}format=docx" download
          >Word (DOCX)<span class="sr-only"> de la plaquette ${label}</span></a
        >
      </div>`;
    };
    const levels = [...new Set(content.cells.map((c) => c.level).filter((l): l is string => l !== null))];
    return sendPage(
      reply,
      page(
        campaign.name,
        html`<p><a href="/public">← Toutes les publications</a></p>
          <h1>${content.title || campaign.name}</h1>
          <p class="muted">
            ${campaign.name} — ${content.responses} réponses. Résultats arrêtés le ${day(content.generatedAt)}.
          </p>
          <section aria-labelledby="reseau">
            <h2 id="reseau">Ensemble du réseau</h2>
            <div class="card">
              <h3>Plaquette de l'ensemble du réseau</h3>
              ${links("de l'ensemble du réseau")}
            </div>
          </section>
          ${levels.map(
            (level) =>
              html`<section aria-labelledby="niveau-${level}">
                <h2 id="niveau-${level}">Par ${levelLabel(level, 'fr').toLowerCase()}</h2>
                <ul class="cards">
                  ${content.cells
                    .filter((c) => c.level === level)
                    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
                    .map(
                      (c) =>
                        html`<li class="card">
                          <h3>${territoryDisplayName(level, c.name)}</h3>
                          ${links(territoryDisplayName(level, c.name), c.key)}
                        </li>`,
                    )}
                </ul>
              </section>`,
          )}`,
        { current: 'campaigns' },
      ),
    );
  });

  // The public API: the snapshot's date, threshold and cells (territories by id, with their parent).
  app.get('/public/campagnes/:id/publication.json', { config, schema }, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const snapshot = await published(id);
    if (!snapshot)
      return reply.status(404).send({ error: { code: 'not_found', message: 'Publication introuvable.' } });
    const { content } = snapshot;
    return reply.header('cache-control', 'no-cache').send({
      campaignId: snapshot.campaign.id,
      title: content.title,
      k: content.k,
      responses: content.responses,
      publishedAt: snapshot.info.createdAt,
      cells: content.cells,
    });
  });

  // Anyone may ask for a PDF: rendered documents are kept a while, and a limit per IP keeps a
  // script from keeping the CPU busy.
  const brochureCache = new Map<string, { at: number; body: Buffer }>();
  app.get(
    '/public/campagnes/:id/plaquette',
    { config: { ...config, rateLimit: { max: 60, timeWindow: '1 minute' } }, schema },
    async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const query = brochureQuery.safeParse(request.query);
      if (!query.success)
        return sendPage(
          reply,
          errorPage('Adresse invalide', 'Format inconnu : choisissez html, pdf ou docx.'),
          400,
        );
      const snapshot = await published(id);
      if (!snapshot) return notPublished(reply);
      const { campaign, content } = snapshot;
      const format = query.data.format;
      const key = cellKey(content, query.data.territoire);
      if (!key) {
        return sendPage(
          reply,
          errorPage(
            'Territoire introuvable',
            `Territoire « ${query.data.territoire ?? ''} » inconnu pour cette publication : choisissez-le dans la liste de la publication.`,
          ),
          404,
        );
      }
      const model = content.brochures[key]!;
      const name = model.territory?.name;
      // The snapshot never changes: its renders are kept a while (rendering a PDF costs CPU).
      const cover = await documentCover(ctx.store);
      const cacheKey = [snapshot.info.id, key, format, coverKey(cover)].join('\u0000');
      const cached = brochureCache.get(cacheKey);
      if (cached && cached.at > Date.now() - CACHE_MS)
        return sendBrochure(reply, cached.body, format, campaign.name, name);
      let body = await brochureBytes(model, format, (task) => ctx.renders.render(task), cover);
      if (format === 'html')
        body = Buffer.from(withSiteBar(body.toString('utf8'), campaign.id, query.data.territoire), 'utf8');
      if (brochureCache.size >= CACHE_ENTRIES) brochureCache.delete(brochureCache.keys().next().value!);
      brochureCache.set(cacheKey, { at: Date.now(), body });
      return sendBrochure(reply, body, format, campaign.name, name);
    },
  );

  app.get('/public/structures', { config, schema }, async (request, reply) => {
    const query = directoryQuery.parse(request.query);
    const territories = await ctx.store.territories.list();
    const byId = new Map(territories.map((t) => [t.id, t]));
    const territoryId = byId.has(query.territoire) ? query.territoire : '';
    const structures = await ctx.store.structures.list({
      activeOnly: true,
      ...(territoryId ? { territoryIds: [territoryId] } : {}),
    });
    const found = structures.filter((s) => matchesQuery(s, territoryLabel(byId, s.territoryId), query.q));
    return sendPage(
      reply,
      directoryPage({ structures: found, territories, query: query.q.trim(), territoryId }),
    );
  });

  app.get('/public/structures/:id', { config, schema }, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const structure = await ctx.store.structures.get(id);
    if (!structure || structure.archivedAt)
      return sendPage(
        reply,
        errorPage('Structure introuvable', "Cette structure n'est pas dans l'annuaire."),
        404,
      );
    return sendPage(reply, structurePage(structure, await ctx.store.territories.list()));
  });
}

/** The snapshot cell a `territoire` parameter names: a territory id, or a name unique at the listing level. */
function cellKey(content: SnapshotContent, territory: string | undefined): string | undefined {
  if (!territory) return 'network';
  if (content.brochures[territory] && territory !== 'network') return territory;
  const named = content.cells.filter((c) => c.name === territory && c.level === content.level);
  return named.length === 1 ? named[0]!.key : undefined;
}

/** The cover's part of a cached brochure's key: another name, colour or logo makes another document. */
function coverKey(cover: DocumentCover): string {
  return createHash('sha256').update(JSON.stringify(cover)).digest('base64url');
}
