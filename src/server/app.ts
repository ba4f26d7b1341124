import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Store } from '../store/index.js';
import type { ServerConfig } from '../app/config.js';
import type { ServerContext } from './context.js';
import { installErrorHandler } from './errors.js';
import { installJsonBodyParser } from './json-body.js';
import { createMailer, type Mailer } from '../app/mail.js';
import { installZodSchemas } from './openapi.js';
import { installAccessHook } from './auth/session.js';
import { installCanonicalPathGuard } from './canonical-path.js';
import { installSecurityHeaders } from './security-headers.js';
import { checkHealth } from '../app/health.js';
import { PanoramaError } from '../contract/errors/index.js';
import { pickLang } from '../contract/lang.js';
import { authRoutes } from './auth/routes.js';
import { userRoutes } from './routes/users.js';
import { territoryRoutes } from './routes/territories.js';
import { structureRoutes } from './routes/structures.js';
import { importRoutes } from './routes/structure-import.js';
import { surveyRoutes } from './routes/surveys.js';
import { surveyTemplateRoutes } from './routes/survey-templates.js';
import { campaignRoutes } from './routes/campaigns.js';
import { participationRoutes } from './routes/participation.js';
import { reportRoutes } from './routes/reports.js';
import { responseRoutes } from './routes/responses.js';
import { respondRoutes } from './routes/respond.js';
import { publicationRoutes } from './routes/publication.js';
import { publicSiteRoutes } from './routes/public-site.js';
import { solidarityRoutes } from './routes/solidarity.js';
import { coherenceRoutes } from './routes/coherence.js';
import { reviewRoutes } from './routes/review.js';
import { mailRoutes } from './routes/mail.js';
import { exportRoutes } from './routes/exports.js';
import { archiveRoutes } from './routes/archive.js';
import { campaignArchiveRoutes } from './routes/campaign-archive.js';
import { privacyRoutes } from './routes/privacy.js';
import { outboxDirOf, startRetentionScheduler } from '../app/privacy/index.js';
import { identityRoutes } from './routes/identity.js';
import { communeRoutes } from './routes/communes.js';
import { startMailScheduler } from '../app/mail/schedule.js';
import { installWebApp } from './web.js';
import { errorResponses } from '../contract/common.js';
import { healthResponse, healthUnavailableResponse } from '../contract/health.js';
import { RenderPool } from '../runtime/render-pool.js';

export interface CreateAppOptions {
  store: Store;
  config: ServerConfig;
  mailer?: Mailer;
  now?: () => Date;
  /** Fastify logger (off by default; the start command turns it on). */
  logger?: boolean;
  /** Folder of the built web app; defaults to dist/web; false = API only. */
  webRoot?: string | false;
  /** How often the mail scheduler looks for due reminders (ms; default one minute; false = off). */
  mailSchedulerMs?: number | false;
  /** How often the personal-data retention job checks whether a daily purge is due (ms; default one hour; false = off). */
  retentionSchedulerMs?: number | false;
  /** Document render pool; by default one per app, sized by the configuration, closed with the app. */
  renders?: RenderPool;
}

/** Builds the whole HTTP application around an opened store; `app.inject` works without listening. */
export async function createApp(options: CreateAppOptions): Promise<FastifyInstance> {
  const { store, config } = options;
  const ctx: ServerContext = {
    store,
    config,
    mailer:
      options.mailer ??
      createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir }),
    now: options.now ?? (() => new Date()),
    renders: options.renders ?? new RenderPool({ threads: config.renderThreads, queue: config.renderQueue }),
  };
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Campaign answers can be large objects but never deep: keep prototype poisoning out.
    onProtoPoisoning: 'remove',
  });
  app.decorate('panorama', ctx);
  installErrorHandler(app);
  installJsonBodyParser(app);
  await installSecurityHeaders(app, config.baseUrl);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.bodyLimit, files: 1 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: {
        code: 'rate_limited',
        message: `Trop de tentatives : réessayez dans ${Math.ceil(context.ttl / 1000)} secondes.`,
      },
    }),
  });
  // Hooks run in this order: the path is canonical, then access is decided on the matched route.
  installCanonicalPathGuard(app);
  installAccessHook(app, ctx);
  await installZodSchemas(app);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the database answers (503 when it does not)',
        response: { 200: healthResponse, 503: healthUnavailableResponse, ...errorResponses },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const health = await checkHealth(ctx);
      if (health.status === 'ok') return health;
      request.log.error(`health: database unavailable (${health.reason})`);
      const error = new PanoramaError('database_unavailable', { database: health.database });
      const lang = pickLang(request.headers['accept-language']);
      return reply.status(503).send({
        status: health.status,
        database: health.database,
        version: health.version,
        error: { code: error.code, message: error.messageIn(lang) },
      });
    },
  );
  await authRoutes(app, ctx);
  await userRoutes(app, ctx);
  await territoryRoutes(app, ctx);
  await structureRoutes(app, ctx);
  await importRoutes(app, ctx);
  await surveyRoutes(app, ctx);
  await surveyTemplateRoutes(app, ctx);
  await campaignRoutes(app, ctx);
  await participationRoutes(app, ctx);
  await reportRoutes(app, ctx);
  await responseRoutes(app, ctx);
  await respondRoutes(app, ctx);
  await publicationRoutes(app, ctx);
  await publicSiteRoutes(app, ctx);
  await solidarityRoutes(app, ctx);
  await coherenceRoutes(app, ctx);
  await reviewRoutes(app, ctx);
  await mailRoutes(app, ctx);
  await exportRoutes(app, ctx);
  await archiveRoutes(app, ctx);
  await campaignArchiveRoutes(app, ctx);
  await privacyRoutes(app, ctx);
  await identityRoutes(app, ctx);
  await communeRoutes(app, ctx);
  if (options.webRoot !== false) await installWebApp(app, options.webRoot);
  // Expired sessions are refused on read anyway; this only keeps the table small.
  const purge = setInterval(() => void store.sessions.purgeExpired().catch(() => undefined), 3600_000);
  purge.unref();
  const mailScheduler =
    options.mailSchedulerMs === false
      ? undefined
      : startMailScheduler(ctx, {
          intervalMs: options.mailSchedulerMs ?? 60_000,
          onError: (err) => app.log.error(`mail scheduler: ${(err as Error).message}`),
        });
  app.decorate('mailScheduler', mailScheduler);
  const retentionScheduler =
    options.retentionSchedulerMs === false
      ? undefined
      : startRetentionScheduler(
          { store, now: ctx.now, outboxDir: outboxDirOf(config) },
          {
            intervalMs: options.retentionSchedulerMs ?? 3600_000,
            onError: (err) => app.log.error(`retention job: ${(err as Error).message}`),
          },
        );
  app.decorate('retentionScheduler', retentionScheduler);
  app.addHook('onClose', async () => {
    clearInterval(purge);
    mailScheduler?.stop();
    retentionScheduler?.stop();
    ctx.mailer.close();
    if (!options.renders) await ctx.renders.close();
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    panorama: ServerContext;
    /** The in-process mail scheduler (tests call tick() after moving the clock). */
    mailScheduler: { tick(): Promise<void>; stop(): void } | undefined;
    /** The in-process retention job (tests call tick() after moving the clock). */
    retentionScheduler: { tick(): Promise<void>; stop(): void } | undefined;
  }
}
