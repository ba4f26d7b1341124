/**
 * After a copy (migrate-to), every campaign's report is computed on both sides from what each
 * database holds — survey version, invited registry, submitted answers — and compared whole:
 * equal row counts do not prove that the answers' JSON, numbers and dates survived the change
 * of database.
 */
import { isDeepStrictEqual } from 'node:util';
import { PanoramaError } from '../../contract/errors/index.js';
import { ReportBuilder } from '../../stats/index.js';
import { buildSurveyModel } from '../../survey/index.js';
import { reportRegistry } from '../../runtime/report-build.js';
import type { Store } from '../../store/index.js';

const PAGE_SIZE = 500;

/** The report model of one campaign over all its invited structures, as JSON-comparable data. */
async function campaignReport(store: Store, campaignId: string): Promise<unknown> {
  const campaign = await store.campaigns.get(campaignId);
  if (!campaign) return undefined;
  const version = await store.surveys.getVersion(campaign.surveyVersionId);
  if (!version) return undefined;
  const registry = await reportRegistry(store, campaignId, undefined);
  const survey = buildSurveyModel(version.definition, `version ${version.version}`);
  const builder = new ReportBuilder(survey, { registry });
  for await (const record of store.responses.listSubmitted(campaignId, { pageSize: PAGE_SIZE }))
    builder.add(record);
  return JSON.parse(JSON.stringify(builder.finish())) as unknown;
}

/** Compares every campaign's report on both stores; returns how many were compared. */
export async function verifyReportsEqual(source: Store, target: Store): Promise<number> {
  const campaigns = await source.campaigns.list();
  for (const campaign of campaigns) {
    const [left, right] = await Promise.all([
      campaignReport(source, campaign.id),
      campaignReport(target, campaign.id),
    ]);
    if (!isDeepStrictEqual(left, right))
      throw new PanoramaError('migrate_report_mismatch', { campaign: campaign.name });
  }
  return campaigns.length;
}
