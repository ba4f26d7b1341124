/**
 * The public directory's pages (/public/solidarite): thin adapters over the directory search of
 * src/app/solidarity/directory.ts, rendered by src/server/public/directory-services.ts. With
 * `?embed=1` a page may be framed by any site (the federation's own): only those answers relax
 * the frame-ancestors policy; every other page stays same-origin.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerContext } from '../context.js';
import { CONTENT_SECURITY_POLICY } from '../security-headers.js';
import { searchDirectory } from '../../app/solidarity/directory.js';
import { directoryPageQuery, solidarityIdParams } from '../../contract/solidarity.js';
import { errorPage } from '../public/layout.js';
import {
  DIRECTORY_PATH,
  serviceDirectoryEntryPage,
  servicesDirectoryPage,
  type DirectoryPageQuery,
} from '../public/directory-services.js';

const EMBEDDABLE_CSP = Object.entries({ ...CONTENT_SECURITY_POLICY, 'frame-ancestors': ['*'] })
  .map(([directive, values]) => `${directive} ${values.join(' ')}`)
  .join('; ');

function send(reply: FastifyReply, body: string, embed: boolean, status = 200) {
  if (embed) {
    reply.header('content-security-policy', EMBEDDABLE_CSP);
    reply.removeHeader('x-frame-options');
  }
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
}

/** Unknown or malformed parameters fall back to "no filter": a shared link never breaks. */
function pageQuery(raw: unknown): DirectoryPageQuery {
  const parsed = directoryPageQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : {};
  return {
    q: (q.q ?? '').trim(),
    service: q.service ?? '',
    open: q.ouvert === '1',
    embed: q.embed === '1',
  };
}

export async function solidarityPublicPages(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const config = { access: 'public' as const };
  const schema = { hide: true };

  app.get(DIRECTORY_PATH, { config, schema }, async (request, reply) => {
    const query = pageQuery(request.query);
    const now = ctx.now();
    const { entries } = await searchDirectory(
      ctx.store,
      {
        ...(query.q ? { q: query.q } : {}),
        ...(query.service ? { service: query.service } : {}),
        ...(query.open ? { open: '1' as const } : {}),
      },
      now,
    );
    const origin = ctx.config.baseUrl.replace(/\/$/, '');
    return send(reply, servicesDirectoryPage({ entries, query, now, origin }), query.embed);
  });

  app.get(`${DIRECTORY_PATH}/:id`, { config, schema }, async (request, reply) => {
    const query = pageQuery(request.query);
    const params = solidarityIdParams.safeParse(request.params);
    const now = ctx.now();
    const { entries } = await searchDirectory(ctx.store, {}, now);
    const entry = params.success ? entries.find((e) => e.id === params.data.id) : undefined;
    if (!entry) {
      const body = errorPage(
        'Lieu introuvable',
        "Ce lieu n'est pas (ou plus) dans l'annuaire des services numériques.",
      );
      return send(reply, body, query.embed, 404);
    }
    return send(reply, serviceDirectoryEntryPage(entry, query, now), query.embed);
  });
}
