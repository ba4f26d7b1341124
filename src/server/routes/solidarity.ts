/**
 * Digital solidarity over HTTP: thin adapters over src/app/solidarity. Administrators see every
 * structure; correspondents act on the structures of their territories (the scope); viewers read
 * the directory and reports. The public endpoints serve places, services, resources and protected
 * counts only — never a household.
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
import {
  addHouseholds,
  addItems,
  addResource,
  addSupportAction,
  allocate,
  createProgramme,
  extendLoan,
  listHouseholds,
  listItems,
  listPublicResources,
  overdueLoans,
  programmeReport,
  recordReturn,
  transferItem,
} from '../../app/solidarity/programmes.js';
import { errorResponses, fileResponse } from '../../contract/common.js';
import {
  addedItemsResponse,
  allocationBody,
  allocationResponse,
  DIRECTORY_EXPORT_TYPES,
  directoryBody,
  directoryExportQuery,
  directoryProblemsResponse,
  directoryQuery,
  directoryResponse,
  extendBody,
  figuresResponse,
  householdsBody,
  householdsResponse,
  itemResponse,
  itemsBody,
  itemsResponse,
  overdueResponse,
  programmeBody,
  programmeResponse,
  programmesResponse,
  publicResourcesQuery,
  publicResourcesResponse,
  purgeResponse,
  resourceBody,
  resourceResponse,
  returnBody,
  solidarityIdParams as idParams,
  structureDirectoryResponse,
  structureScopeQuery as scopeQuery,
  supportBody,
  supportResponse,
  transferBody,
} from '../../contract/solidarity.js';

/** Public figures: counts from 1 to K-1 are withheld. */
const PUBLIC_K = 5;
const SOURCE = 'panorama';

export async function solidarityRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['solidarity'];
  const today = () => ctx.now().toISOString().slice(0, 10);
  const audit = (
    request: Parameters<typeof currentUser>[0],
    action: string,
    target: string,
    details?: unknown,
  ) => ctx.store.audit.record({ actor: currentUser(request).id, action, target, details: details ?? null });

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
      config: { access: 'read' },
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
      config: { access: 'write' },
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
      await audit(request, 'solidarity.directory.save', request.params.id, {
        services: request.body.services.length,
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

  // ---- Programmes ---------------------------------------------------------------------------

  app.get(
    '/api/solidarity/programmes',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Equipment programmes',
        response: { 200: programmesResponse, ...errorResponses },
      },
    },
    async () => ({ programmes: await ctx.store.solidarity.listProgrammes() }),
  );

  app.post(
    '/api/solidarity/programmes',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create a programme',
        body: programmeBody,
        response: { 201: programmeResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const programme = await createProgramme(ctx.store, request.body, ctx.now());
      await audit(request, 'solidarity.programme.create', programme.id);
      reply.status(201);
      return { programme };
    },
  );

  app.get(
    '/api/solidarity/programmes/:id/households',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Households (pseudonymous; contacts for one structure only)',
        params: idParams,
        querystring: scopeQuery,
        response: { 200: householdsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      households: await listHouseholds(ctx.store, await requestScope(ctx.store, request), {
        programmeId: request.params.id,
        ...(request.query.structureId ? { structureId: request.query.structureId } : {}),
      }),
    }),
  );

  app.post(
    '/api/solidarity/programmes/:id/households',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Record households',
        params: idParams,
        body: householdsBody,
        response: { 201: householdsResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = await requestScope(ctx.store, request);
      const households = await addHouseholds(
        ctx.store,
        scope,
        request.params.id,
        request.body.households,
        ctx.now(),
      );
      await audit(request, 'solidarity.households.add', request.params.id, { count: households.length });
      reply.status(201);
      return { households };
    },
  );

  app.get(
    '/api/solidarity/programmes/:id/items',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Items and their gifts/loans',
        params: idParams,
        querystring: scopeQuery,
        response: { 200: itemsResponse, ...errorResponses },
      },
    },
    async (request) =>
      listItems(ctx.store, await requestScope(ctx.store, request), {
        programmeId: request.params.id,
        ...(request.query.structureId ? { structureId: request.query.structureId } : {}),
      }),
  );

  app.post(
    '/api/solidarity/programmes/:id/items',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Record received equipment',
        params: idParams,
        body: itemsBody,
        response: { 201: addedItemsResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = await requestScope(ctx.store, request);
      const items = await addItems(ctx.store, scope, request.params.id, request.body.items, ctx.now());
      await audit(request, 'solidarity.items.add', request.params.id, { count: items.length });
      reply.status(201);
      return { items };
    },
  );

  app.post(
    '/api/solidarity/items/:id/transfer',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Move an item to another structure',
        params: idParams,
        body: transferBody,
        response: { 200: itemResponse, ...errorResponses },
      },
    },
    async (request) => {
      const item = await transferItem(
        ctx.store,
        await requestScope(ctx.store, request),
        request.params.id,
        request.body.structureId,
      );
      await audit(request, 'solidarity.item.transfer', item.id, { to: item.structureId });
      return { item };
    },
  );

  app.post(
    '/api/solidarity/allocations',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Give or lend an item to a household',
        body: allocationBody,
        response: { 201: allocationResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const allocation = await allocate(
        ctx.store,
        await requestScope(ctx.store, request),
        request.body,
        ctx.now(),
      );
      await audit(request, 'solidarity.allocation.create', allocation.id);
      reply.status(201);
      return { allocation };
    },
  );

  app.post(
    '/api/solidarity/allocations/:id/return',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Record a loan’s return',
        params: idParams,
        body: returnBody,
        response: { 200: allocationResponse, ...errorResponses },
      },
    },
    async (request) => {
      const allocation = await recordReturn(
        ctx.store,
        await requestScope(ctx.store, request),
        request.params.id,
        request.body.returnedOn,
        request.body.condition,
      );
      await audit(request, 'solidarity.allocation.return', allocation.id);
      return { allocation };
    },
  );

  app.post(
    '/api/solidarity/allocations/:id/extend',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Extend a loan',
        params: idParams,
        body: extendBody,
        response: { 200: allocationResponse, ...errorResponses },
      },
    },
    async (request) => {
      const allocation = await extendLoan(
        ctx.store,
        await requestScope(ctx.store, request),
        request.params.id,
        request.body.dueOn,
      );
      await audit(request, 'solidarity.allocation.extend', allocation.id, { dueOn: allocation.dueOn });
      return { allocation };
    },
  );

  app.get(
    '/api/solidarity/loans/overdue',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Loans past their due date (your structures)',
        response: { 200: overdueResponse, ...errorResponses },
      },
    },
    async (request) => ({
      overdue: await overdueLoans(ctx.store, await requestScope(ctx.store, request), today()),
    }),
  );

  app.post(
    '/api/solidarity/support',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Record a home visit, call or workshop',
        body: supportBody,
        response: { 201: supportResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const action = await addSupportAction(
        ctx.store,
        await requestScope(ctx.store, request),
        request.body,
        ctx.now(),
      );
      reply.status(201);
      return { action };
    },
  );

  app.post(
    '/api/solidarity/resources',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Publish an online resource',
        body: resourceBody,
        response: { 201: resourceResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const resource = await addResource(
        ctx.store,
        await requestScope(ctx.store, request),
        request.body,
        ctx.now(),
      );
      await audit(request, 'solidarity.resource.add', resource.id);
      reply.status(201);
      return { resource };
    },
  );

  app.get(
    '/api/solidarity/report',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Programme report of your scope',
        querystring: scopeQuery,
        response: { 200: figuresResponse, ...errorResponses },
      },
    },
    async (request) =>
      programmeReport(ctx.store, await requestScope(ctx.store, request), {
        today: today(),
        ...(request.query.structureId ? { structureId: request.query.structureId } : {}),
      }),
  );

  app.post(
    '/api/solidarity/purge',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Erase household contacts past their retention period',
        response: { 200: purgeResponse, ...errorResponses },
      },
    },
    async (request) => {
      const purged = await ctx.store.solidarity.purgeContacts(ctx.now().toISOString());
      await audit(request, 'solidarity.contacts.purge', 'households', { purged });
      return { purged };
    },
  );
}
