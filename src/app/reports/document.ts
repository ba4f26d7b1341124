import type { ReportModel } from '../../report/model.js';
import type { SurveyModel } from '../../survey/model.js';
import type { ResponseRecord } from '../../survey/records.js';
import type { ReportFormat } from '../../contract/reports.js';
import type { RenderTask } from '../../runtime/render-tasks.js';
import { contentTypeOf, renderReport } from '../../report/render/index.js';
import { writeResponsesCsv } from '../../ingest/export-csv.js';
import { downloadName, type Download } from '../download.js';

/** Lays out a document: the render pool's worker threads (server) or the calling thread (CLI). */
export type Renderer = (task: RenderTask) => Promise<Buffer>;

const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** The report model's document in one format: JSON here (cheap), the others through `render`. */
export async function reportBytes(
  model: ReportModel,
  format: Exclude<ReportFormat, 'csv'>,
  render: Renderer,
): Promise<Buffer> {
  if (format === 'json') return renderReport(model, 'json');
  return render({ kind: 'report', format, model });
}

/** The raw answers, one line per response: `;`-separated with a BOM, as French Excel reads them. */
export function responsesCsv(survey: SurveyModel, responses: ResponseRecord[]): Buffer {
  return Buffer.from(writeResponsesCsv(survey, responses, { separator: ';', bom: true }), 'utf8');
}

/** A report's bytes as a download: "<title>.pdf", or "<title>-reponses.csv" for the raw answers. */
export function reportDownload(title: string, format: ReportFormat, body: Buffer): Download {
  const name = downloadName('rapport', title);
  return {
    body,
    contentType: format === 'csv' ? CSV_CONTENT_TYPE : contentTypeOf(format),
    fileName: format === 'csv' ? `${name}-reponses.csv` : `${name}.${format}`,
    inline: format === 'json' || format === 'html',
  };
}
