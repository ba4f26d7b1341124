import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import type { ZodTypeProvider } from '../openapi.js';
import { currentUser } from '../access.js';
import { errorResponses, fileResponse } from '../../contract/common.js';
import { identityInput, identityResponse, LOGO_TYPES, logoUploadBody } from '../../contract/identity.js';
import { getIdentity, logoFile, removeLogo, saveIdentity, saveLogo } from '../../app/identity/index.js';
import { withIdentity } from '../public/layout.js';
import { accessibilityStatementPage } from '../public/accessibility.js';

/**
 * The federation's identity: anyone reads it (the public site shows all of it), administrators
 * change it. The rules (contrast, logo checks) live in src/app/identity.
 */
export async function identityRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  app.get(
    '/api/public/identity',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The federation's name, colours, contact and accessibility facts (public)",
        response: { 200: identityResponse, ...errorResponses },
      },
    },
    async () => ({ identity: await getIdentity(ctx.store) }),
  );

  app.get(
    '/api/public/identity/logo',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The federation's logo (404 when none was set)",
        response: {
          200: fileResponse('The logo as uploaded (SVG only once checked)', LOGO_TYPES),
          ...errorResponses,
        },
      },
    },
    async (_request, reply) => {
      const logo = await logoFile(ctx.store);
      if (!logo) return reply.status(404).send({ error: { code: 'not_found', message: 'Aucun logo.' } });
      // An SVG opened on its own (not through <img>) must not run anything nor load anything.
      return reply
        .type(logo.type)
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
        )
        .header('cache-control', 'no-cache')
        .header('last-modified', new Date(logo.updatedAt).toUTCString())
        .send(logo.bytes);
    },
  );

  app.put(
    '/api/identity',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set the name, colours (WCAG AA against white), contact and accessibility facts',
        body: identityInput,
        response: { 200: identityResponse, ...errorResponses },
      },
    },
    async (request) => ({
      identity: await saveIdentity(ctx.store, request.body, currentUser(request).id, ctx.now()),
    }),
  );

  app.put(
    '/api/identity/logo',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set the logo: PNG, JPEG or SVG (scripts and outside links refused), at most 512 KB',
        body: logoUploadBody,
        response: { 200: identityResponse, ...errorResponses },
      },
    },
    async (request) => ({
      identity: await saveLogo(
        ctx.store,
        { filename: request.body.filename, content: Buffer.from(request.body.content, 'base64') },
        currentUser(request).id,
        ctx.now(),
      ),
    }),
  );

  app.post(
    '/api/identity/logo/remove',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Remove the logo', response: { 200: identityResponse, ...errorResponses } },
    },
    async (request) => ({ identity: await removeLogo(ctx.store, currentUser(request).id, ctx.now()) }),
  );

  app.get(
    '/public/accessibilite',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const identity = await getIdentity(ctx.store);
      const origin = `${request.protocol}://${request.host}`;
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(accessibilityStatementPage(identity, origin));
    },
  );
}

/**
 * Public pages show the federation's identity: it is read once per request and set for the
 * synchronous page rendering (src/server/public/layout.ts). Added to the public site's routes.
 */
export function publicIdentityHook(ctx: ServerContext) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void => {
    if (!request.url.startsWith('/public')) return done();
    getIdentity(ctx.store).then(
      (identity) => withIdentity(identity, () => done()),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
    );
  };
}
