import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser, requestScope } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses, idParams } from '../../contract/common.js';
import {
  campaignMailResponse,
  mailPreviewBody,
  mailPreviewResponse,
  mailScheduleBody,
  mailScheduleResponse,
  mailSendBody,
  mailSendResponse,
  mailSettings,
} from '../../contract/mail.js';
import {
  campaignMail,
  previewMail,
  saveMailSettings,
  scheduleReminders,
  sendInvitations,
} from '../../app/mail/index.js';

/** Campaign mail: texts, preview, first invitations, scheduled reminders, send log. */
export async function mailRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['mail'];
  app.get(
    '/api/campaigns/:id/mail',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: "A campaign's mail: texts, schedule, structures without address, send log (scoped)",
        params: idParams,
        response: { 200: campaignMailResponse, ...errorResponses },
      },
    },
    async (request) =>
      campaignMail(ctx, {
        campaign: await getCampaign(ctx, request.params.id),
        scope: await requestScope(ctx.store, request),
      }),
  );
  app.put(
    '/api/campaigns/:id/mail/templates',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Replace the invitation and reminder texts (unknown fields refused)',
        params: idParams,
        body: mailSettings,
        response: { 200: mailSettings, ...errorResponses },
      },
    },
    async (request) =>
      saveMailSettings(ctx, {
        campaign: await getCampaign(ctx, request.params.id),
        settings: request.body,
        actor: currentUser(request).id,
      }),
  );
  app.post(
    '/api/campaigns/:id/mail/preview',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'A text rendered for one real structure of the campaign (scoped)',
        params: idParams,
        body: mailPreviewBody,
        response: { 200: mailPreviewResponse, ...errorResponses },
      },
    },
    async (request) =>
      previewMail(ctx, {
        campaign: await getCampaign(ctx, request.params.id),
        scope: await requestScope(ctx.store, request),
        ...request.body,
      }),
  );
  app.post(
    '/api/campaigns/:id/mail/invitations',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Send the first invitation to the structures that have not received it',
        params: idParams,
        body: mailSendBody,
        response: { 200: mailSendResponse, ...errorResponses },
      },
    },
    async (request) => {
      const campaign = await getCampaign(ctx, request.params.id);
      const result = await sendInvitations(ctx, {
        campaign,
        scope: await requestScope(ctx.store, request),
        ...(request.body?.structureIds ? { structureIds: request.body.structureIds } : {}),
      });
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'campaign.invitations',
        target: campaign.id,
        details: {
          sent: result.sent.length,
          withoutEmail: result.withoutEmail.length,
          failed: result.failed.length,
        },
      });
      return result;
    },
  );
  app.put(
    '/api/campaigns/:id/mail/schedule',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Schedule reminders N days before closing (replaces the pending ones)',
        params: idParams,
        body: mailScheduleBody,
        response: { 200: mailScheduleResponse, ...errorResponses },
      },
    },
    async (request) => ({
      schedule: (
        await scheduleReminders(ctx, {
          campaign: await getCampaign(ctx, request.params.id),
          daysBefore: request.body.daysBefore,
          actor: currentUser(request).id,
        })
      ).map((s) => ({ id: s.id, daysBefore: s.daysBefore, sendAt: s.sendAt, doneAt: s.doneAt })),
    }),
  );
}
