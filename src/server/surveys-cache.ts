import { buildSurveyModel, type SurveyModel } from '../survey/index.js';
import type { ServerContext } from './context.js';
import type { SurveyVersion } from '../store/index.js';
import { found } from './errors.js';

// Versions are immutable, so their parsed models can be kept for the life of the process.
const models = new Map<string, SurveyModel>();

export function modelOfVersion(version: SurveyVersion): SurveyModel {
  let model = models.get(version.id);
  if (!model) {
    model = buildSurveyModel(version.definition, `version ${version.version}`);
    if (models.size > 500) models.clear();
    models.set(version.id, model);
  }
  return model;
}

export async function loadVersion(
  ctx: ServerContext,
  versionId: string,
): Promise<{ version: SurveyVersion; model: SurveyModel }> {
  const version = found(await ctx.store.surveys.getVersion(versionId), 'survey_version');
  return { version, model: modelOfVersion(version) };
}
