import { PanoramaError } from '../../contract/errors/index.js';
import type { Campaign, Invitation, Store } from '../../store/index.js';
import type { SurveyModel } from '../../survey/index.js';
import type { ValueProblem } from '../../survey/validate.js';
import { checkBeforeSubmit } from '../coherence/index.js';
import { campaignState, closedAt } from '../campaigns/state.js';
import { formatParis } from '../dates.js';
import { correctionForRespondent } from '../review/index.js';
import { loadVersion } from '../surveys/versions.js';
import { checkDraft, checkSubmission } from './answers.js';

/** What the respondent's use cases need: the store and the clock. */
export interface RespondDeps {
  store: Store;
  now(): Date;
}

interface Opened {
  invitation: Invitation;
  campaign: Campaign;
  survey: SurveyModel;
  /** The frozen definition exactly as uploaded, for the form library. */
  definition: unknown;
}

/** The invitation behind a questionnaire link, its campaign and the campaign's frozen survey. */
export async function openLink(deps: RespondDeps, token: string): Promise<Opened> {
  const invitation = await deps.store.invitations.findByToken(token);
  if (!invitation) throw new PanoramaError('not_found', { what: 'survey_link' });
  const campaign = await deps.store.campaigns.get(invitation.campaignId);
  if (!campaign) throw new PanoramaError('not_found', { what: 'campaign' });
  const { model, version } = await loadVersion(deps, campaign.surveyVersionId);
  return { invitation, campaign, survey: model, definition: version.definition };
}

/** Refuses an answer outside the campaign's dates, saying when it opens or when it closed. */
export function assertOpen(deps: Pick<RespondDeps, 'now'>, campaign: Campaign): void {
  const state = campaignState(campaign, deps.now());
  if (state === 'not_yet_open') {
    throw new PanoramaError('campaign_not_open', {
      campaign: campaign.name,
      opensAt: formatParis(campaign.opensAt),
    });
  }
  if (state === 'closed') {
    const at = closedAt(campaign);
    throw new PanoramaError('campaign_closed', {
      campaign: campaign.name,
      ...(at ? { closedAt: formatParis(at) } : {}),
    });
  }
}

/** The titles of the questions a list of problems is about (names for keys that are no question). */
function titlesOf(survey: SurveyModel, problems: ValueProblem[]): string[] {
  const names = [...new Set(problems.map((p) => p.question.replace(/-Comment$/, '')))];
  return names.map((n) => survey.byName.get(n)?.title ?? n);
}

/** The form behind a link: the definition, the saved answers, the campaign's state, a correction asked. */
export async function openForm(deps: RespondDeps, token: string) {
  const { invitation, campaign, definition, survey } = await openLink(deps, token);
  const structure = invitation.structureId
    ? await deps.store.structures.get(invitation.structureId)
    : undefined;
  const response = await deps.store.responses.getByInvitation(invitation.id);
  const publication = structure ? await deps.store.publications.get(campaign.id) : undefined;
  return {
    campaign: {
      name: campaign.name,
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      state: campaignState(campaign, deps.now()),
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
    correction: await correctionForRespondent(deps.store, {
      responseId: response?.id,
      revision: response?.revision ?? 0,
      survey,
    }),
  };
}

/** Autosave: checked like a submission except for required answers; a refused draft changes nothing. */
export async function saveDraft(deps: RespondDeps, input: { token: string; data: Record<string, unknown> }) {
  const { invitation, campaign, survey } = await openLink(deps, input.token);
  assertOpen(deps, campaign);
  const checked = checkDraft(survey, input.data);
  if (checked.problems.length)
    throw new PanoramaError('invalid_draft', { questions: titlesOf(survey, checked.problems) }).with(
      checked.problems,
    );
  const now = deps.now().toISOString();
  const saved = await deps.store.responses.saveDraft(invitation.id, checked.data, now);
  return { savedAt: saved.draftUpdatedAt ?? now };
}

/**
 * The final submission: strict validation, the campaign's coherence rules, then the answer and its
 * audit entry in one transaction. Idempotent: a retried submission (lost answer, double click) gets
 * its original answer, even after closing.
 */
export async function submitAnswers(
  deps: RespondDeps,
  input: { token: string; data: Record<string, unknown>; submissionId: string; confirmWarnings?: boolean },
) {
  const { invitation, campaign, survey } = await openLink(deps, input.token);
  const existing = await deps.store.responses.getByInvitation(invitation.id);
  if (existing) {
    const previous = (await deps.store.responses.listRevisions(existing.id)).find(
      (r) => r.submissionId === input.submissionId,
    );
    if (previous) return { submittedAt: previous.submittedAt, revision: previous.revision };
  }
  assertOpen(deps, campaign);
  const checked = checkSubmission(survey, input.data);
  if (checked.problems.length)
    throw new PanoramaError('invalid_answers', { questions: titlesOf(survey, checked.problems) }).with(
      checked.problems,
    );
  await checkBeforeSubmit(deps.store, {
    campaign,
    survey,
    structureId: invitation.structureId,
    data: checked.data,
    confirmWarnings: input.confirmWarnings,
  });
  // One transaction: one commit (one fsync) per submission, and never an answer without its audit line.
  const result = await deps.store.transaction(async (repos) => {
    const submitted = await repos.responses.submit(
      invitation.id,
      checked.data,
      input.submissionId,
      deps.now().toISOString(),
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
}

/** What the printable copy of a structure's answers shows (rendered by the caller's render pool). */
export async function answersCopy(deps: RespondDeps, token: string) {
  const { invitation, campaign, survey } = await openLink(deps, token);
  const structure = invitation.structureId
    ? await deps.store.structures.get(invitation.structureId)
    : undefined;
  const response = await deps.store.responses.getByInvitation(invitation.id);
  return {
    campaignId: campaign.id,
    input: {
      survey,
      campaignName: campaign.name,
      structureName: structure?.name ?? null,
      data: response?.data ?? {},
      submittedAt: response?.submittedAt ?? null,
      revision: response?.revision ?? 0,
    },
  };
}

/** An anonymous answer started from a campaign's public link: a new invitation of its own. */
export async function startAnonymous(deps: RespondDeps, publicToken: string) {
  const campaign = await deps.store.campaigns.findByPublicToken(publicToken);
  if (!campaign) throw new PanoramaError('not_found', { what: 'public_link' });
  assertOpen(deps, campaign);
  const invitation = await deps.store.invitations.createAnonymous(campaign.id, deps.now().toISOString());
  return { token: invitation.token };
}
