import type { Campaign, Store } from '../../store/index.js';
import type { SurveyModel } from '../../survey/model.js';
import { PanoramaError, parseFields } from '../../contract/errors/index.js';
import { exportQuery } from '../../contract/exports.js';
import { cooperative } from '../../runtime/cooperative.js';
import { reportRegistry } from '../../runtime/report-build.js';
import {
  exportTableFor,
  writeExport,
  type Cell,
  type ExportFormat,
  type ExportOptions,
} from '../../export/index.js';
import { validatedStructureIds } from '../review/index.js';
import { downloadName, type Download } from '../download.js';

export interface CampaignExportInput {
  campaign: Campaign;
  /** The campaign's frozen survey. */
  survey: SurveyModel;
  /** The structures the caller may see (undefined: all). */
  visible: readonly string[] | undefined;
  /** The export options (src/contract/exports.ts `exportQuery`). */
  options: unknown;
}

export interface ExportRequest {
  format: ExportFormat;
  options: ExportOptions;
  validatedOnly: boolean;
}

/** Reads the options of an export the same way for every caller; a 400 naming the fields otherwise. */
export function exportRequest(input: unknown): ExportRequest {
  const parsed = parseFields(exportQuery, input);
  if (!parsed.ok)
    throw new PanoramaError('bad_request', { issues: parsed.issues }).with(
      parsed.issues.map((issue) => ({ path: issue.field, issue })),
    );
  const { format, values, choices, registry, lang, validatedOnly } = parsed.data;
  return {
    format,
    validatedOnly: validatedOnly ?? false,
    options: { values, choices, registry: registry ?? true, lang: lang ?? 'fr' },
  };
}

/**
 * A campaign's raw answers for analysts (CSV, XLSX, R or SPSS bundle), over the invited structures
 * the caller may see, as the report route scopes them. The responses are read and turned into rows
 * cooperatively (the event loop keeps serving other requests every 8 ms), like the report's CSV.
 */
export async function campaignExport(store: Store, input: CampaignExportInput): Promise<Download> {
  const { campaign, survey, visible } = input;
  const { format, options, validatedOnly } = exportRequest(input.options);
  let read: readonly string[] | undefined = visible;
  if (validatedOnly) read = (await validatedStructureIds(store, campaign.id, visible)).structureIds;
  const registry = await reportRegistry(store, campaign.id, visible);
  const table = exportTableFor(format, survey, registry, options);
  const rows: Cell[][] = [];
  if (read === undefined || read.length > 0) {
    const pause = cooperative();
    for await (const response of store.responses.listSubmitted(campaign.id, {
      ...(read ? { structureIds: read } : {}),
      pageSize: 100,
    })) {
      rows.push(table.row(response));
      await pause();
    }
  }
  const base = `${downloadName('reponses', campaign.name)}-reponses`;
  const document = await writeExport(format, table.variables, rows, options, {
    base,
    title: campaign.name,
  });
  const suffix = format === 'r' ? '-r' : format === 'spss' ? '-spss' : '';
  return {
    body: document.body,
    contentType: document.contentType,
    fileName: `${base}${suffix}.${document.extension}`,
    inline: false,
  };
}
