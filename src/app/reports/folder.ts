import { basename } from 'node:path';
import { openInputFolder, type FolderProgress, type InputProblem } from '../../ingest/index.js';
import { ReportBuilder, type ReportConfig } from '../../stats/index.js';
import type { Download } from '../download.js';
import { reportBytes, reportDownload, responsesCsv, type Renderer } from './document.js';
import { reportRequest } from './options.js';

export interface FolderReportInput {
  /** A folder of survey.json, responses.* and an optional structures.* (src/ingest). */
  dir: string;
  /** The report options (src/contract/reports.ts `reportOptions`), as for a campaign. */
  options: unknown;
  config?: ReportConfig;
  /** Names the configuration file in error messages. */
  configSource?: string;
  lenient?: boolean;
  progress?: FolderProgress;
  /** Lays out DOCX, PDF, XLSX and HTML (default: on this thread, src/runtime/render-tasks.ts). */
  render?: Renderer;
}

/**
 * The report of an input folder (`panorama report`): the same options, engine and documents as a
 * campaign's report (campaign.ts), the responses streamed from the folder. Warnings are the values
 * left out in lenient mode.
 */
export async function folderReport(
  input: FolderReportInput,
): Promise<Download & { warnings: InputProblem[] }> {
  const { format, engine } = reportRequest(input.options);
  const folder = await openInputFolder(input.dir, {
    lenient: input.lenient ?? false,
    ...(input.progress ? { onProgress: input.progress } : {}),
  });
  const name = folder.survey.title || basename(input.dir);
  if (format === 'csv') {
    const body = responsesCsv(folder.survey, await folder.all());
    return { ...reportDownload(name, format, body), warnings: folder.warnings };
  }
  // Options are checked (unknown --where key, bad configuration) before the long pass over the responses.
  const builder = new ReportBuilder(folder.survey, {
    ...engine,
    ...(folder.registry ? { registry: folder.registry } : {}),
    ...(input.config ? { config: input.config } : {}),
    ...(input.configSource ? { configSource: input.configSource } : {}),
  });
  await folder.feed((response) => builder.add(response));
  const model = builder.finish();
  const render = input.render ?? (await import('../../runtime/render-tasks.js')).runRenderTask;
  const body = await reportBytes(model, format, render);
  return { ...reportDownload(model.title || name, format, body), warnings: folder.warnings };
}
