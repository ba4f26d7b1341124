import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { Campaign, Invitation } from '../../store/index.js';
import type { SurveyModel } from '../../survey/index.js';
import { found } from '../errors.js';
import { campaignState } from '../campaign-view.js';
import { formatParis } from '../../app/dates.js';
import { loadVersion } from '../surveys-cache.js';
import { checkDraft, checkSubmission } from '../answers.js';
import { PanoramaError } from '../../contract/errors/index.js';
import type { ValueProblem } from '../../survey/validate.js';
import type { ZodTypeProvider } from '../openapi.js';
import { checkBeforeSubmit } from '../../app/coherence/index.js';
import { correctionForRespondent } from '../../app/review/index.js';
import { errorResponses, fileResponse, tokenParams } from '../../contract/common.js';
import {
  draftBody,
  draftSavedResponse,
  publicStartResponse,
  publicTokenParams as publicParams,
  respondPayload,
  submitBody,
  submittedResponse,
} from '../../contract/respond.js';

interface Opened {
  invitation: Invitation;
  campaign: Campaign;
  survey: SurveyModel;
  /** The frozen definition exactly as uploaded, for the form library. */
  definition: unknown;
}

async function open(ctx: ServerContext, token: string): Promise<Opened> {
  const invitation = found(await ctx.store.invitations.findByToken(token), 'survey_link');
  const campaign = found(await ctx.store.campaigns.get(invitation.campaignId), 'campaign');
  const { model, version } = await loadVersion(ctx, campaign.surveyVersionId);
  return { invitation, campaign, survey: model, definition: version.definition };
}

function assertOpen(ctx: ServerContext, campaign: Campaign): void {
  const state = campaignState(campaign, ctx.now());
  if (state === 'not_yet_open') {
    throw new PanoramaError('campaign_not_open', {
      campaign: campaign.name,
      opensAt: formatParis(campaign.opensAt),
    });
  }
  if (state === 'closed') {
    throw new PanoramaError('campaign_closed', {
      campaign: campaign.name,
      ...(campaign.closesAt ? { closedAt: formatParis(campaign.closesAt) } : {}),
    });
  }
}

/** The titles of the questions a list of problems is about (names for keys that are no question). */
function titlesOf(survey: SurveyModel, problems: ValueProblem[]): string[] {
  const names = [...new Set(problems.map((p) => p.question.replace(/-Comment$/, '')))];
  return names.map((n) => survey.byName.get(n)?.title ?? n);
}

export async function respondRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['respondent'];
  const config = { access: 'respondent' as const };

  app.get(
    '/api/respond/:token',
    {
      schema: {
        tags,
        summary: 'The form, the saved answers and the campaign state',
        params: tokenParams,
        response: { 200: respondPayload, ...errorResponses },
      },
      config,
    },
    async (request) => {
      const { token } = request.params;
      const { invitation, campaign, definition, survey } = await open(ctx, token);
      const structure = invitation.structureId
        ? await ctx.store.structures.get(invitation.structureId)
        : undefined;
      const response = await ctx.store.responses.getByInvitation(invitation.id);
      const publication = structure ? await ctx.store.publications.get(campaign.id) : undefined;
      return {
        campaign: {
          name: campaign.name,
          opensAt: campaign.opensAt,
          closesAt: campaign.closesAt,
          state: campaignState(campaign, ctx.now()),
        },
        structure: structure ? { id: structure.id, name: structure.name } : null,
        // The structure's sheet is read from the published snapshot: offered only once there is one.
        sheetPublished: Boolean(publication?.published && publication.snapshotId),
        survey: definition,
        data: response?.data ?? {},
        status: invitation.status,
        submittedAt: response?.submittedAt ?? null,
        revision: response?.revision ?? 0,
        savedAt: response?.draftUpdatedAt ?? null,
        correction: await correctionForRespondent(ctx.store, {
          responseId: response?.id,
          revision: response?.revision ?? 0,
          survey,
        }),
      };
    },
  );

  app.put(
    '/api/respond/:token/draft',
    {
      schema: {
        tags,
        summary: 'Autosave the draft (checked like a submission, required answers aside)',
        params: tokenParams,
        body: draftBody,
        response: { 200: draftSavedResponse, ...errorResponses },
      },
      config,
    },
    async (request) => {
      const { token } = request.params;
      const { data } = request.body;
      const { invitation, campaign, survey } = await open(ctx, token);
      assertOpen(ctx, campaign);
      const checked = checkDraft(survey, data);
      if (checked.problems.length)
        throw new PanoramaError('invalid_draft', { questions: titlesOf(survey, checked.problems) }).with(
          checked.problems,
        );
      const now = ctx.now().toISOString();
      const saved = await ctx.store.responses.saveDraft(invitation.id, checked.data, now);
      return { savedAt: saved.draftUpdatedAt ?? now };
    },
  );

  app.post(
    '/api/respond/:token/submit',
    {
      schema: {
        tags,
        summary: 'Submit the answers (strict validation, idempotent)',
        params: tokenParams,
        body: submitBody,
        response: { 200: submittedResponse, ...errorResponses },
      },
      config,
    },
    async (request) => {
      const { token } = request.params;
      const { data, submissionId } = request.body;
      const { invitation, campaign, survey } = await open(ctx, token);
      // A retried submission (lost answer, double click) gets its original answer, even after closing.
      const existing = await ctx.store.responses.getByInvitation(invitation.id);
      if (existing) {
        const previous = (await ctx.store.responses.listRevisions(existing.id)).find(
          (r) => r.submissionId === submissionId,
        );
        if (previous) return { submittedAt: previous.submittedAt, revision: previous.revision };
      }
      assertOpen(ctx, campaign);
      const checked = checkSubmission(survey, data);
      if (checked.problems.length)
        throw new PanoramaError('invalid_answers', { questions: titlesOf(survey, checked.problems) }).with(
          checked.problems,
        );
      await checkBeforeSubmit(ctx.store, {
        campaign,
        survey,
        structureId: invitation.structureId,
        data: checked.data,
        confirmWarnings: request.body.confirmWarnings,
      });
      // The answer and its audit entry are written in one transaction: one commit (one fsync) per
      // submission, and never an answer without its audit line.
      const result = await ctx.store.transaction(async (repos) => {
        const submitted = await repos.responses.submit(
          invitation.id,
          checked.data,
          submissionId,
          ctx.now().toISOString(),
        );
        if (!submitted.duplicate) {
          await repos.audit.record({
            actor: `invitation:${invitation.id}`,
            action: 'response.submit',
            target: submitted.response.id,
            details: {
              campaignId: campaign.id,
              structureId: invitation.structureId,
              revision: submitted.revision,
            },
          });
        }
        return submitted;
      });
      return { submittedAt: result.response.submittedAt, revision: result.revision };
    },
  );

  app.get(
    '/api/respond/:token/copy.pdf',
    {
      schema: {
        tags,
        summary: 'Printable PDF copy of the answers',
        params: tokenParams,
        response: { 200: fileResponse('The answers as PDF', ['application/pdf']), ...errorResponses },
      },
      config,
    },
    async (request, reply) => {
      const { token } = request.params;
      const { invitation, campaign, survey } = await open(ctx, token);
      const structure = invitation.structureId
        ? await ctx.store.structures.get(invitation.structureId)
        : undefined;
      const response = await ctx.store.responses.getByInvitation(invitation.id);
      const pdf = await ctx.renders.render({
        kind: 'answers',
        format: 'pdf',
        input: {
          survey,
          campaignName: campaign.name,
          structureName: structure?.name ?? null,
          data: response?.data ?? {},
          submittedAt: response?.submittedAt ?? null,
          revision: response?.revision ?? 0,
        },
      });
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="reponses-${campaign.id}.pdf"`);
      return pdf;
    },
  );

  app.post(
    '/api/public/:publicToken/start',
    {
      schema: {
        tags,
        summary: 'Start an anonymous answer from the public link',
        params: publicParams,
        response: { 201: publicStartResponse, ...errorResponses },
      },
      // Each call creates a row: a limit per IP keeps a script from filling the database.
      config: { ...config, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { publicToken } = request.params;
      const campaign = found(await ctx.store.campaigns.findByPublicToken(publicToken), 'public_link');
      assertOpen(ctx, campaign);
      const invitation = await ctx.store.invitations.createAnonymous(campaign.id, ctx.now().toISOString());
      reply.status(201);
      return { token: invitation.token };
    },
  );
}
