/**
 * Digital solidarity over HTTP, the public side and the directory: what anyone may read (the
 * directory of the centres' services, its open-data export, online resources, protected network
 * figures) and a structure's own directory record. Thin adapters over src/app/solidarity.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser, requestScope } from '../access.js';
import type { ZodTypeProvider } from '../openapi.js';
import {
  configuredSchemas,
  exportDirectory,
  getStructureDirectory,
  saveStructureDirectory,
  searchDirectory,
} from '../../app/solidarity/directory.js';
import { listPublicResources, programmeReport } from '../../app/solidarity/programmes.js';
import { errorResponses, fileResponse } from '../../contract/common.js';
import {
  DIRECTORY_EXPORT_TYPES,
  directoryBody,
  directoryExportQuery,
  directoryProblemsResponse,
  directoryQuery,
  directoryResponse,
  figuresResponse,
  publicResourcesQuery,
  publicResourcesResponse,
  solidarityIdParams as idParams,
  structureDirectoryResponse,
} from '../../contract/solidarity.js';

/** Public figures: counts from 1 to K-1 are withheld. */
const PUBLIC_K = 5;
/** The source named in open-data exports. */
const SOURCE = 'panorama';

export async function solidarityDirectoryRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['solidarity'];
  const today = () => ctx.now().toISOString().slice(0, 10);

  // ---- Public, read-only --------------------------------------------------------------------

  app.get(
    '/api/public/solidarity/directory',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public directory of the centres’ services (search, open now)',
        querystring: directoryQuery,
        response: { 200: directoryResponse, ...errorResponses },
      },
    },
    async (request) => searchDirectory(ctx.store, request.query, ctx.now()),
  );

  app.get(
    '/api/public/solidarity/directory/export',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Open-data export of the directory (lieux de médiation numérique CSV/JSON, data·inclusion)',
        querystring: directoryExportQuery,
        response: {
          200: fileResponse('The directory in the chosen open-data format', DIRECTORY_EXPORT_TYPES),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const schemas = configuredSchemas();
      const result = await exportDirectory(ctx.store, request.query.format, {
        source: SOURCE,
        now: ctx.now(),
        ...(schemas ? { schemas } : {}),
      });
      return reply
        .type(result.contentType)
        .header('content-disposition', `attachment; filename="${result.fileName}"`)
        .header('x-panorama-omitted', String(new Set(result.problems.map((p) => p.placeId)).size))
        .send(result.body);
    },
  );

  app.get(
    '/api/public/solidarity/resources',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Online resources published by the centres',
        querystring: publicResourcesQuery,
        response: { 200: publicResourcesResponse, ...errorResponses },
      },
    },
    async (request) => ({ resources: await listPublicResources(ctx.store, request.query) }),
  );

  app.get(
    '/api/public/solidarity/report',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Network figures, statistical confidentiality applied',
        response: { 200: figuresResponse, ...errorResponses },
      },
    },
    async () => programmeReport(ctx.store, { all: true }, { today: today(), publicThreshold: PUBLIC_K }),
  );

  // ---- A structure's directory record --------------------------------------------------------

  app.get(
    '/api/solidarity/structures/:id/directory',
    {
      config: { access: 'read', structureStaff: true },
      schema: {
        tags,
        summary: 'A structure’s directory record',
        params: idParams,
        response: { 200: structureDirectoryResponse, ...errorResponses },
      },
    },
    async (request) =>
      getStructureDirectory(ctx.store, await requestScope(ctx.store, request), request.params.id, ctx.now()),
  );

  app.put(
    '/api/solidarity/structures/:id/directory',
    {
      config: { access: 'write', structureStaff: true },
      schema: {
        tags,
        summary: 'Save a structure’s profile, services and hours',
        params: idParams,
        body: directoryBody,
        response: { 200: structureDirectoryResponse, ...errorResponses },
      },
    },
    async (request) => {
      const scope = await requestScope(ctx.store, request);
      const saved = await saveStructureDirectory(
        ctx.store,
        scope,
        request.params.id,
        request.body,
        ctx.now(),
      );
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'solidarity.directory.save',
        target: request.params.id,
        details: { services: request.body.services.length },
      });
      return saved;
    },
  );

  app.get(
    '/api/solidarity/directory/problems',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Structures lacking a field the national standard requires',
        response: { 200: directoryProblemsResponse, ...errorResponses },
      },
    },
    async () => {
      const result = await exportDirectory(ctx.store, 'mednum-json', { source: SOURCE, now: ctx.now() });
      return { problems: result.problems };
    },
  );
}
