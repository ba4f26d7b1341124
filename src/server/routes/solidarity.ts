/**
 * Digital solidarity over HTTP: thin adapters over src/app/solidarity. Administrators see every
 * structure; correspondents act on the structures of their territories (the scope); viewers read
 * the directory and reports. The public endpoints and the directory record (solidarity-directory.ts)
 * serve places, services, resources and protected counts only — never a household.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser, requestScope } from '../access.js';
import type { ZodTypeProvider } from '../openapi.js';
import { solidarityDirectoryRoutes } from './solidarity-directory.js';
import { solidarityStaffRoutes } from './solidarity-staff.js';
import { solidarityPublicPages } from './solidarity-public.js';
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
  overdueLoans,
  programmeReport,
  recordReturn,
  transferItem,
} from '../../app/solidarity/programmes.js';
import { errorResponses } from '../../contract/common.js';
import {
  addedItemsResponse,
  allocationBody,
  allocationResponse,
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
  purgeResponse,
  resourceBody,
  resourceResponse,
  returnBody,
  solidarityIdParams as idParams,
  structureScopeQuery as scopeQuery,
  supportBody,
  supportResponse,
  transferBody,
} from '../../contract/solidarity.js';

export async function solidarityRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  await solidarityDirectoryRoutes(server, ctx);
  await solidarityStaffRoutes(server, ctx);
  await solidarityPublicPages(server, ctx);
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['solidarity'];
  const today = () => ctx.now().toISOString().slice(0, 10);
  const audit = (
    request: Parameters<typeof currentUser>[0],
    action: string,
    target: string,
    details?: unknown,
  ) => ctx.store.audit.record({ actor: currentUser(request).id, action, target, details: details ?? null });

  // ---- Programmes ---------------------------------------------------------------------------

  app.get(
    '/api/solidarity/programmes',
    {
      config: { access: 'read', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'write', structureStaff: true },
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
      config: { access: 'read', structureStaff: true },
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
