import type { Campaign, Store } from '../../store/index.js';
import type { SurveyModel } from '../../survey/model.js';
import type { ResponseRecord } from '../../survey/records.js';
import { PanoramaError, type ErrorCode } from '../../contract/errors/index.js';
import type { RenderPool } from '../../runtime/render-pool.js';
import { cooperative } from '../../runtime/cooperative.js';
import { reportRegistry, type ValidatedCount } from '../../runtime/report-build.js';
import { validatedStructureIds } from '../review/index.js';
import type { Download } from '../download.js';
import { reportDownload, responsesCsv } from './document.js';
import { reportRequest } from './options.js';
import { documentCover } from '../identity/cover.js';

export interface CampaignReportDeps {
  store: Store;
  renders: RenderPool;
}

export interface CampaignReportInput {
  campaign: Campaign;
  /** The campaign's frozen survey. */
  survey: SurveyModel;
  /** The structures the caller may see (undefined: all). */
  visible: readonly string[] | undefined;
  /** The report options (src/contract/reports.ts `reportOptions`). */
  options: unknown;
}

/**
 * A campaign's report in one format, over the invited structures the caller may see: the model
 * and its document are built in a worker thread of the render pool (one task from the database
 * to the bytes, docs/architecture.md), the raw answers (CSV) here, read cooperatively.
 */
export async function campaignReport(
  deps: CampaignReportDeps,
  input: CampaignReportInput,
): Promise<Download> {
  const { store, renders } = deps;
  const { campaign, survey, visible } = input;
  const { format, engine, validatedOnly } = reportRequest(input.options);
  const scope = visible ? { structureIds: visible } : {};
  // Validated answers only: the population stays the caller's; only the answers read narrow.
  let read: readonly string[] | undefined = visible;
  let validated: ValidatedCount | undefined;
  if (validatedOnly) {
    const { structureIds, submitted } = await validatedStructureIds(store, campaign.id, visible);
    read = structureIds;
    validated = { validated: structureIds.length, submitted };
  }
  const noneRead = read !== undefined && read.length === 0;
  const responses = () =>
    noneRead
      ? emptyStream()
      : store.responses.listSubmitted(campaign.id, {
          ...(read ? { structureIds: read } : {}),
          pageSize: 100,
        });
  if (format === 'csv') {
    const records: ResponseRecord[] = [];
    const pause = cooperative();
    for await (const r of responses()) {
      records.push(r);
      await pause();
    }
    return reportDownload(campaign.name, format, responsesCsv(survey, records));
  }
  // When the store can be opened from another thread, the worker reads the responses itself and
  // this thread only waits for the document's bytes; otherwise they are streamed to it from here.
  const readerOptions = noneRead ? undefined : store.readerOptions?.();
  const cover = await documentCover(store);
  const job = { survey, title: campaign.name, format, cover, ...(validated ? { validated } : {}) };
  const built = readerOptions
    ? await renders.report(
        { ...job, options: engine },
        {
          store: readerOptions,
          campaignId: campaign.id,
          ...scope,
          ...(validated && read ? { responseStructureIds: read } : {}),
        },
      )
    : await renders.report(
        { ...job, options: { ...engine, registry: await reportRegistry(store, campaign.id, visible) } },
        responses(),
      );
  if ('optionsError' in built) {
    // The worker's ReportOptionsError (unknown key, wrong breakdown…), raised again on this side.
    const { code, params } = built.optionsError;
    throw new PanoramaError(code as ErrorCode, params as never);
  }
  return reportDownload(campaign.name, format, built.body);
}

async function* emptyStream(): AsyncIterable<never> {}
