import { readInputFolder, type InputProblem } from '../ingest/index.js';
import type { SurveyModel } from '../survey/model.js';
import type { Registry, ResponseRecord } from '../survey/records.js';

/** A campaign's input folder as the publication needs it. */
export interface Campaign {
  survey: SurveyModel;
  responses: ResponseRecord[];
  registry?: Registry;
}

/** Reads survey.json, responses.(jsonl|json|csv|xlsx) and structures.(csv|xlsx) through the ingest module. */
export async function readCampaignFolder(
  dir: string,
  options: { lenient?: boolean } = {},
): Promise<Campaign & { warnings: InputProblem[] }> {
  const folder = await readInputFolder(dir, options);
  return {
    survey: folder.survey,
    responses: folder.responses,
    ...(folder.registry ? { registry: folder.registry } : {}),
    warnings: folder.warnings,
  };
}
