import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser, requestScope } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import { participationRows, summarise } from '../../app/campaigns/participation.js';
import { sendReminderNow } from '../../app/mail/send.js';
import { writeCsv } from '../../csv/write.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses, fileResponse, idParams } from '../../contract/common.js';
import {
  participationQuery,
  participationResponse,
  remindersBody,
  remindersResponse,
} from '../../contract/participation.js';

const STATUS_FR = { not_started: 'non commencé', in_progress: 'en cours', submitted: 'envoyé' } as const;

export async function participationRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  app.get(
    '/api/campaigns/:id/participation',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Participation by territory level or attribute (scoped)',
        params: idParams,
        querystring: participationQuery,
        response: { 200: participationResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { by } = request.query;
      const campaign = await getCampaign(ctx, id);
      const { rows, structures, territories } = await participationRows(
        ctx,
        await requestScope(ctx.store, request),
        campaign,
      );
      return {
        ...summarise(rows, structures, territories, by),
        structures: rows.map(({ invitationId: _i, territoryId: _t, ...row }) => row),
      };
    },
  );

  app.get(
    '/api/campaigns/:id/non-respondents.csv',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'CSV of the structures that have not submitted (scoped)',
        params: idParams,
        response: {
          200: fileResponse('Semicolon-separated CSV, one line per structure', ['text/csv']),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const campaign = await getCampaign(ctx, id);
      const { rows } = await participationRows(ctx, await requestScope(ctx.store, request), campaign);
      const late = rows.filter((r) => r.status !== 'submitted');
      const csv = writeCsv(
        ['id', 'nom', 'territoire', 'statut', 'email', 'relances', 'lien'],
        late.map((r) => [r.id, r.name, r.territory, STATUS_FR[r.status], r.email, r.reminderCount, r.link]),
        { separator: ';' },
      );
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="non-repondants-${campaign.id}.csv"`);
      return csv;
    },
  );

  app.post(
    '/api/campaigns/:id/reminders',
    {
      schema: {
        tags,
        summary: 'E-mail reminders to structures that have not submitted',
        params: idParams,
        body: remindersBody,
        response: { 200: remindersResponse, ...errorResponses },
      },
      config: { access: 'write' },
    },
    async (request) => {
      const { id } = request.params;
      const { structureIds } = request.body ?? {};
      const campaign = await getCampaign(ctx, id);
      const outcome = await sendReminderNow(ctx, {
        campaign,
        scope: await requestScope(ctx.store, request),
        ...(structureIds ? { structureIds } : {}),
      });
      const result = {
        sent: outcome.sent.length,
        withoutEmail: outcome.withoutEmail,
        failed: outcome.failed.map((f) => ({ id: f.id, name: f.name, reason: f.status })),
      };
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'campaign.reminders',
        target: campaign.id,
        details: {
          sent: result.sent,
          withoutEmail: result.withoutEmail.length,
          failed: result.failed.length,
        },
      });
      return result;
    },
  );
}
