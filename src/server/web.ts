import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { declareAccessOfPluginRoutes } from './auth/session.js';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Serves the built React app; any GET outside /api that is not a file gets index.html so that
 * client-side routes (/campagnes/…, /r/<token>) survive a reload.
 */
export async function installWebApp(app: FastifyInstance, root = DEFAULT_WEB_ROOT): Promise<void> {
  await app.register(async (web) => {
    // Files and pages of the web app are public: what they show comes from the API.
    declareAccessOfPluginRoutes(web, 'public');
    await serveWebApp(web, root);
  });
}

async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  const hasBuild = existsSync(join(root, 'index.html'));
  if (hasBuild) {
    // preCompressed: the build writes .br/.gz beside each asset (SurveyJS goes from 1.6 MB to ~270 kB).
    await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], preCompressed: true });
  }
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.status(404).send({
        error: { code: 'not_found', message: `Route inconnue : ${request.method} ${request.url}` },
      });
    }
    // A missing asset must not be answered with index.html: an open tab after an upgrade would
    // receive HTML for a script.
    if (request.url.startsWith('/assets/')) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Fichier introuvable.');
    }
    if (!hasBuild) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          "L'interface web n'est pas construite : lancez « npm run build ».\n" +
            'The web interface is not built: run "npm run build".\n',
        );
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
