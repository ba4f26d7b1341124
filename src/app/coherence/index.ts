import { z } from 'zod';
import {
  checkResponses,
  parseRuleSet,
  SEVERITIES,
  type Anomaly,
  type Rule,
  type RuleSet,
} from '../../coherence/index.js';
import type { BlockedQuestion } from '../../contract/errors/coherence.js';
import { PanoramaError } from '../../contract/errors/index.js';
import type { Campaign, Store } from '../../store/index.js';
import { buildSurveyModel, type SurveyModel } from '../../survey/index.js';
import type { Registry, ResponseRecord } from '../../survey/records.js';
import { scopeIncludes, type Scope } from '../scope.js';

/**
 * Coherence rules of a campaign in the application: stored per campaign, checked at submission
 * (blocking rules refuse it, warning rules ask the respondent to confirm) and listed as anomalies
 * for administrators and correspondents (within their territories). Pure over the Store.
 *
 * In the application an `outlier` rule `within: "territory"` groups structures by their territory
 * id in the registry of the database, whatever its `attribute`.
 */

/** Registry attribute holding the structure's territory id (outliers within a territory). */
export const TERRITORY_ID_ATTRIBUTE = '__territory_id';

export const campaignRulesOutput = z.object({
  campaignId: z.string(),
  rules: z.unknown().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type CampaignRulesOutput = z.infer<typeof campaignRulesOutput>;

export const anomalyOutput = z.object({
  response: z.string(),
  structure: z.string().nullable(),
  structureName: z.string().nullable(),
  territoryId: z.string().nullable(),
  rule: z.string(),
  kind: z.string(),
  severity: z.enum(SEVERITIES),
  questions: z.array(z.string()),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  message: z.string(),
  messageEn: z.string(),
});
export type AnomalyOutput = z.infer<typeof anomalyOutput>;

async function campaignOf(store: Store, campaignId: string): Promise<Campaign> {
  const campaign = await store.campaigns.get(campaignId);
  if (!campaign) throw new PanoramaError('not_found');
  return campaign;
}

async function surveyOf(store: Store, campaign: Campaign): Promise<SurveyModel> {
  const version = await store.surveys.getVersion(campaign.surveyVersionId);
  if (!version) throw new PanoramaError('not_found');
  return buildSurveyModel(version.definition, `version ${version.version}`);
}

/** The campaign's rule set, or null when it has none. */
export async function getCampaignRules(store: Store, campaignId: string): Promise<CampaignRulesOutput> {
  await campaignOf(store, campaignId);
  const stored = await store.coherenceRules.get(campaignId);
  return {
    campaignId,
    rules: stored?.rules ?? null,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

/**
 * Replaces a campaign's rules after validating them against its survey: a mistake is a
 * PanoramaError `coherence_rules_invalid` naming each rule number, field and value.
 */
export async function putCampaignRules(
  store: Store,
  input: { campaignId: string; rules: unknown; actor: string; now?: string },
): Promise<CampaignRulesOutput> {
  const campaign = await campaignOf(store, input.campaignId);
  const ruleSet = parseRuleSet(input.rules, '', await surveyOf(store, campaign));
  const stored = await store.transaction(async (repos) => {
    const saved = await repos.coherenceRules.set(campaign.id, input.rules, input.actor, input.now);
    await repos.audit.record({
      actor: input.actor,
      action: 'coherence.rules.update',
      target: campaign.id,
      details: { rules: ruleSet.rules.map((r) => r.id) },
    });
    return saved;
  });
  return {
    campaignId: campaign.id,
    rules: stored.rules,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

async function storedRules(store: Store, campaign: Campaign, survey: SurveyModel): Promise<Rule[]> {
  const stored = await store.coherenceRules.get(campaign.id);
  if (!stored) return [];
  const ruleSet: RuleSet = parseRuleSet(stored.rules, '', survey);
  return ruleSet.rules.map((r) =>
    r.kind === 'outlier' && r.within === 'territory' ? { ...r, attribute: TERRITORY_ID_ATTRIBUTE } : r,
  );
}

async function registryOf(
  store: Store,
): Promise<{ registry: Registry; territoryOf: Map<string, string | null> }> {
  const structures = await store.structures.list();
  const territoryOf = new Map(structures.map((s) => [s.id, s.territoryId]));
  return {
    territoryOf,
    registry: {
      attributes: [TERRITORY_ID_ATTRIBUTE],
      structures: structures.map((s) => ({
        id: s.id,
        name: s.name,
        attributes: { ...s.attributes, [TERRITORY_ID_ATTRIBUTE]: s.territoryId ?? '' },
      })),
    },
  };
}

/**
 * The anomalies of a campaign's submitted answers, most severe first, restricted to the
 * structures of the caller's scope (an anonymous answer is seen only with the full scope). The
 * quartiles of outlier rules are computed over every answer of the campaign.
 */
export async function listAnomalies(
  store: Store,
  input: { campaignId: string; scope: Scope },
): Promise<AnomalyOutput[]> {
  const campaign = await campaignOf(store, input.campaignId);
  const survey = await surveyOf(store, campaign);
  const rules = await storedRules(store, campaign, survey);
  if (rules.length === 0) return [];
  const { registry, territoryOf } = await registryOf(store);
  const all: ResponseRecord[] = [];
  for await (const r of store.responses.listSubmitted(campaign.id)) all.push(r);
  const visible = all.filter((r) =>
    r.structure === null ? input.scope.all : scopeIncludes(input.scope, territoryOf.get(r.structure) ?? null),
  );
  return checkResponses(survey, visible, rules, { registry, population: all }).map((a) => ({
    ...a,
    territoryId: a.structure === null ? null : (territoryOf.get(a.structure) ?? null),
  }));
}

function perQuestion(survey: SurveyModel, anomalies: Anomaly[]): BlockedQuestion[] {
  return anomalies.map((a) => {
    const question = a.questions[0]!;
    return {
      question,
      title: survey.byName.get(question)?.title ?? question,
      message: a.message,
      messageEn: a.messageEn,
      rule: a.rule,
      questions: a.questions,
    };
  });
}

/**
 * Checks an answer about to be submitted. Blocking rules refuse it (PanoramaError
 * `coherence_blocked`, 422, details per question); warning rules refuse it until the respondent
 * confirms (`coherence_warnings`, 409) — with `confirmWarnings` the submission goes through and
 * the warnings confirmed are returned. Flags are for correspondents only and not checked here.
 */
export async function checkBeforeSubmit(
  store: Store,
  input: {
    campaign: Campaign;
    survey: SurveyModel;
    responseId?: string;
    structureId: string | null;
    data: Record<string, unknown>;
    confirmWarnings?: boolean;
  },
): Promise<{ confirmed: Anomaly[] }> {
  const rules = (await storedRules(store, input.campaign, input.survey)).filter((r) => r.severity !== 'flag');
  if (rules.length === 0) return { confirmed: [] };
  const candidate: ResponseRecord = {
    id: input.responseId ?? 'nouvelle-reponse',
    structure: input.structureId,
    data: input.data,
  };
  let population: ResponseRecord[] | undefined;
  let registry: Registry | undefined;
  if (rules.some((r) => r.kind === 'outlier')) {
    population = [];
    for await (const r of store.responses.listSubmitted(input.campaign.id))
      if (r.structure === null || r.structure !== input.structureId) population.push(r);
    population.push(candidate);
  }
  if (input.structureId !== null) registry = (await registryOf(store)).registry;
  const anomalies = checkResponses(input.survey, [candidate], rules, { registry, population });
  const blocking = anomalies.filter((a) => a.severity === 'blocking');
  if (blocking.length > 0) {
    const questions = perQuestion(input.survey, blocking);
    throw new PanoramaError('coherence_blocked', { questions }).with({ anomalies: questions });
  }
  const warnings = anomalies.filter((a) => a.severity === 'warning');
  if (warnings.length > 0 && !input.confirmWarnings) {
    const questions = perQuestion(input.survey, warnings);
    throw new PanoramaError('coherence_warnings', { questions }).with({ anomalies: questions });
  }
  return { confirmed: warnings };
}
