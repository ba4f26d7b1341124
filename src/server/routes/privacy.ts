import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser } from '../access.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses, fileResponse } from '../../contract/common.js';
import { pickLang } from '../../contract/lang.js';
import {
  auditQuery,
  auditResponse,
  eraseBody,
  eraseResponse,
  personBody,
  personExport,
  privacyRegisterResponse,
  purgeBody,
  purgeResponse,
  registerDownloadQuery,
  retentionBody,
} from '../../contract/privacy.js';
import {
  auditLog,
  erasePerson,
  exportPerson,
  outboxDirOf,
  privacyRegister,
  purgeExpired,
  registerCsv,
  saveRetention,
  type PrivacyDeps,
} from '../../app/privacy/index.js';

/** Personal data, administrators only: register of processing, retention, a person's data, audit log. */
export async function privacyRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  const deps: PrivacyDeps = { store: ctx.store, now: ctx.now, outboxDir: outboxDirOf(ctx.config) };

  app.get(
    '/api/privacy/register',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'What personal data Panorama holds, why, for whom and for how long (register of processing)',
        response: { 200: privacyRegisterResponse, ...errorResponses },
      },
    },
    async (request) => privacyRegister(deps, pickLang(request.headers['accept-language'])),
  );

  app.get(
    '/api/privacy/register/download',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The register of processing as a CSV (default) or JSON file',
        querystring: registerDownloadQuery,
        response: {
          200: fileResponse('The register, one line per category', ['text/csv'], privacyRegisterResponse),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? pickLang(request.headers['accept-language']);
      const register = await privacyRegister(deps, lang);
      const name = lang === 'en' ? 'register-of-processing' : 'registre-des-traitements';
      if (request.query.format === 'json') {
        reply.header('content-disposition', `attachment; filename="${name}.json"`);
        return register;
      }
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`);
      return registerCsv(register, lang);
    },
  );

  app.put(
    '/api/privacy/retention',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set retention periods (days) per category of personal data',
        body: retentionBody,
        response: { 200: privacyRegisterResponse, ...errorResponses },
      },
    },
    async (request) => {
      await saveRetention(deps, { retention: request.body, actor: currentUser(request).id });
      return privacyRegister(deps, pickLang(request.headers['accept-language']));
    },
  );

  app.post(
    '/api/privacy/purge',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Erase the personal data past its retention period now (dryRun: only count it)',
        body: purgeBody,
        response: { 200: purgeResponse, ...errorResponses },
      },
    },
    async (request) => purgeExpired(deps, { dryRun: request.body.dryRun, actor: currentUser(request).id }),
  );

  app.post(
    '/api/privacy/person/export',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Everything Panorama holds about one e-mail address (audited)',
        body: personBody,
        response: { 200: personExport, ...errorResponses },
      },
    },
    async (request) => exportPerson(deps, { email: request.body.email, actor: currentUser(request).id }),
  );

  app.post(
    '/api/privacy/person/erase',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Erase or anonymise one person's data; the address must be typed again in confirm",
        body: eraseBody,
        response: { 200: eraseResponse, ...errorResponses },
      },
    },
    async (request) => erasePerson(deps, { ...request.body, actor: currentUser(request).id }),
  );

  app.get(
    '/api/privacy/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The audit log, newest first, filtered and keyset-paged',
        querystring: auditQuery,
        response: { 200: auditResponse, ...errorResponses },
      },
    },
    async (request) => auditLog(deps, request.query),
  );
}
