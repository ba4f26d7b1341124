import { buildSurveyModel, type SurveyModel } from '../../survey/index.js';
import type { Store, SurveyVersion } from '../../store/index.js';
import { PanoramaError } from '../../contract/errors/index.js';

/**
 * Survey versions are immutable: once read, a version and its parsed model serve every later
 * request (each respondent's autosave reads its campaign's version) without reading the row and
 * parsing its JSON again. Bounded, least recently used first out; one cache per store, so two
 * databases in one process (tests) never share an entry.
 */
export const CACHED_VERSIONS = 64;

interface Loaded {
  version: SurveyVersion;
  model: SurveyModel;
}

class RecentlyUsed<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly max: number) {}
  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }
  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
}

const models = new RecentlyUsed<SurveyModel>(CACHED_VERSIONS);
const versionsByStore = new WeakMap<object, RecentlyUsed<Promise<Loaded>>>();

export function modelOfVersion(version: SurveyVersion): SurveyModel {
  let model = models.get(version.id);
  if (!model) {
    model = buildSurveyModel(version.definition, `version ${version.version}`);
    models.set(version.id, model);
  }
  return model;
}

/** A survey version and its model, read once per store (404 for an unknown id). */
export async function loadVersion(deps: { store: Store }, versionId: string): Promise<Loaded> {
  let cache = versionsByStore.get(deps.store);
  if (!cache) versionsByStore.set(deps.store, (cache = new RecentlyUsed(CACHED_VERSIONS)));
  const cached = cache.get(versionId);
  if (cached) return cached;
  // Requests arriving together share one read; a failure (or an unknown id) is not kept.
  const loading = deps.store.surveys.getVersion(versionId).then((row) => {
    if (!row) throw new PanoramaError('not_found', { what: 'survey_version' });
    const version = row;
    return { version, model: buildSurveyModel(version.definition, `version ${version.version}`) };
  });
  cache.set(versionId, loading);
  loading.catch(() => cache.delete(versionId));
  return loading;
}
