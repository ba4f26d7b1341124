import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadCliConfig, parseCommandArgs, type CliCommand } from './run.js';
import { inputFolder } from './options.js';
import type { Repositories, Store } from '../store/index.js';
import { PanoramaError, type ErrorParamsOf } from '../contract/errors/index.js';
import type { Lang } from '../contract/lang.js';
import { cliLang } from './lang.js';
import type { ResponseRecord } from '../survey/records.js';
import { warnLeftOutCount } from './warnings.js';

const HELP = `Usage: panorama import <dir> --name NAME [options]

Imports a finished campaign from an input folder into the Panorama database: the survey
(survey.json; a questionnaire already stored with the same definition is reused), the registry
(structures.csv|xlsx: structures, and territories created from the "departement" and
"territoire" columns) and a CLOSED campaign holding every submitted answer
(responses.jsonl|json|csv|xlsx; answers without structure are kept as anonymous).
The registry never erases: a column absent from structures.csv, or an empty cell, leaves what
is stored unchanged (e-mails set in the application stay); --clear-empty makes empty cells clear.
Everything is written in one transaction: on any error nothing is stored.

Options:
  --name NAME        campaign name (required), e.g. "Observatoire Nord 2021"
  --replace          replace an existing campaign of the same name (and its answers)
  --clear-empty      empty cells of structures.csv clear the stored values
  --data-dir DIR     SQLite data folder (default: DATA_DIR or ./data; DATABASE_URL selects PostgreSQL)
  --lenient          leave out invalid answers with a warning instead of refusing the import
  --help             show this help

Example:
  panorama import ../shared/fixtures/observatoire-nord-2021 --name "Observatoire Nord 2021"
`;

const NAME_EXAMPLE = '--name "Observatoire Nord 2021"';

export interface ImportOptions {
  name: string;
  replace?: boolean;
  lenient?: boolean;
  /** Empty cells of structures.csv clear the stored values (default: they leave them unchanged). */
  clearEmpty?: boolean;
  /** @deprecated Errors are PanoramaErrors, worded in the user's language at the edge. */
  lang?: Lang;
  now?: Date;
}

export interface ImportSummary {
  campaignId: string;
  surveyId: string;
  /** True when a stored questionnaire with the same definition was used instead of a new one. */
  surveyReused: boolean;
  structures: { created: number; updated: number; unchanged: number };
  territoriesCreated: number;
  responses: number;
  anonymous: number;
  replaced: boolean;
  warnings: number;
}

/** The codes of a refused import (catalogue: src/contract/errors/commands.ts and files.ts). */
type ImportRefusal =
  'import_campaign_exists' | 'import_answered_twice' | 'import_unknown_structures' | 'input_problems';

/**
 * A refusal the user can act on (duplicate name, duplicate answers, unknown structure …): a
 * PanoramaError, worded in the user's language by the command line (French by default).
 */
export class ImportError<C extends ImportRefusal = ImportRefusal> extends PanoramaError<C> {
  constructor(code: C, params: ErrorParamsOf<C>) {
    // PanoramaError's optional-params signature cannot be resolved for a generic code.
    super(code, ...([params] as never));
    this.name = 'ImportError';
  }
}

async function registryPlan(store: Store, path: string, options: ImportOptions) {
  const { planRegistryFile } = await import('../app/registry/import.js');
  const { plan } = await planRegistryFile(
    store,
    { filename: basename(path), bytes: await readFile(path), clearEmpty: options.clearEmpty ?? false },
    cliLang(process.argv.slice(2)),
  );
  // Each problem is coded (registry_*): the command line words the list in the user's language.
  if (plan.problems.length) throw new ImportError('input_problems', { problems: plan.problems, limit: 20 });
  return plan;
}

/** A stored version whose definition is the folder's (compared once both are read the same way). */
async function sameDefinition(repos: Repositories, definition: unknown) {
  const { buildSurveyModel } = await import('../survey/model.js');
  const wanted = canonicalJson(definition);
  for (const survey of await repos.surveys.list()) {
    for (const version of await repos.surveys.listVersions(survey.id)) {
      let json: unknown;
      try {
        json = buildSurveyModel(version.definition, `version ${version.version}`).json;
      } catch {
        continue; // an older definition Panorama no longer reads cannot be the same
      }
      if (canonicalJson(json) === wanted) return { surveyId: survey.id, versionId: version.id };
    }
  }
  return undefined;
}

/** JSON with object keys sorted, so two definitions written in another key order compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function checkOnePerStructure(responses: ResponseRecord[]): void {
  const seen = new Map<string, string>();
  const duplicates: { structure: string; first: string; second: string }[] = [];
  for (const r of responses) {
    if (r.structure === null) continue;
    const first = seen.get(r.structure);
    if (first !== undefined) duplicates.push({ structure: r.structure, first, second: r.id });
    else seen.set(r.structure, r.id);
  }
  if (duplicates.length)
    throw new ImportError('import_answered_twice', { duplicates: duplicates.slice(0, 20) });
}

/** Imports an input folder as a closed campaign, all or nothing. */
export async function importCampaignFolder(
  store: Store,
  dir: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { readInputFolder } = await import('../ingest/index.js');
  const { applyRegistryPlan } = await import('../app/registry/import.js');
  const name = options.name.trim();
  if (!name) throw new PanoramaError('cli_option_missing', { option: 'name', example: NAME_EXAMPLE });
  const now = (options.now ?? new Date()).toISOString();
  const folder = await readInputFolder(dir, { lenient: options.lenient ?? false });
  checkOnePerStructure(folder.responses);
  const plan = folder.files.registry ? await registryPlan(store, folder.files.registry, options) : undefined;

  const same = (await store.campaigns.list()).filter(
    (c) => c.name.trim().toLowerCase() === name.toLowerCase(),
  );
  if (same.length && !options.replace) {
    throw new ImportError('import_campaign_exists', { name: same[0]!.name });
  }
  const fileIds = folder.registry?.structures.map((s) => s.id) ?? [];
  const known = new Set(fileIds);
  if (!plan) {
    for (const s of await store.structures.list()) known.add(s.id);
  }
  const unknown = [
    ...new Set(
      folder.responses.map((r) => r.structure).filter((s): s is string => s !== null && !known.has(s)),
    ),
  ];
  if (unknown.length) {
    throw new ImportError('import_unknown_structures', {
      count: unknown.length,
      folder: dir,
      ids: unknown.slice(0, 10),
    });
  }
  const dates = folder.responses
    .map((r) => r.submittedAt)
    .filter((d): d is string => !!d)
    .map((d) => new Date(d).toISOString())
    .sort();
  // The campaign must close after it opens: without submission dates it spans the last second.
  const opensAt = dates[0] && dates[0] < now ? dates[0] : new Date(Date.parse(now) - 1000).toISOString();

  return store.transaction(async (repos) => {
    for (const old of same) {
      const version = await repos.surveys.getVersion(old.surveyVersionId);
      await repos.campaigns.delete(old.id);
      if (version) await repos.surveys.deleteIfUnused(version.surveyId);
    }
    const structures = plan
      ? await applyRegistryPlan(repos, plan, now)
      : { created: 0, updated: 0, unchanged: 0 };
    const reused = await sameDefinition(repos, folder.survey.json);
    let survey: { surveyId: string; versionId: string };
    if (reused) survey = reused;
    else {
      const created = await repos.surveys.create(
        { title: folder.survey.title || name, definition: folder.survey.json },
        now,
      );
      survey = { surveyId: created.survey.id, versionId: created.survey.latestVersionId };
    }
    const campaign = await repos.campaigns.create(
      { name, surveyVersionId: survey.versionId, opensAt, closesAt: now, createdBy: null },
      now,
    );
    const invited = plan
      ? fileIds
      : [...new Set(folder.responses.map((r) => r.structure).filter((s): s is string => s !== null))];
    await repos.invitations.createForPopulation(campaign.id, invited, now);
    let anonymous = 0;
    for (const record of folder.responses) {
      const at = record.submittedAt ? new Date(record.submittedAt).toISOString() : now;
      const invitation =
        record.structure === null
          ? await repos.invitations.createAnonymous(campaign.id, at)
          : await repos.invitations.findForStructure(campaign.id, record.structure);
      if (record.structure === null) anonymous++;
      await repos.responses.submit(invitation!.id, record.data, `import-${record.id}`, at);
    }
    await repos.audit.record(
      {
        actor: 'cli',
        action: 'campaign.import',
        target: campaign.id,
        details: { name, dir, responses: folder.responses.length, replaced: same.length > 0 },
      },
      now,
    );
    return {
      campaignId: campaign.id,
      surveyId: survey.surveyId,
      surveyReused: reused !== undefined,
      structures: {
        created: structures.created,
        updated: structures.updated,
        unchanged: structures.unchanged,
      },
      territoriesCreated: plan?.territories.length ?? 0,
      responses: folder.responses.length,
      anonymous,
      replaced: same.length > 0,
      warnings: folder.warnings.length,
    };
  });
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        replace: { type: 'boolean' },
        'clear-empty': { type: 'boolean' },
        lenient: { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    '.\nRun "panorama import --help" for the options.',
  );
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dir = inputFolder(positionals, 'import');
  if (!values.name?.trim())
    throw new PanoramaError('cli_option_missing', { option: 'name', example: NAME_EXAMPLE });

  const config = await loadCliConfig(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const { openStore } = await import('../store/index.js');
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    const s = await importCampaignFolder(store, dir, {
      name: values.name,
      replace: values.replace ?? false,
      lenient: values.lenient ?? false,
      clearEmpty: values['clear-empty'] ?? false,
    });
    process.stdout.write(
      `${s.replaced ? 'Replaced' : 'Imported'} campaign "${values.name.trim()}" (id ${s.campaignId}, closed): ${s.responses} answers` +
        `${s.anonymous ? ` (${s.anonymous} anonymous)` : ''}, ${s.structures.created} structures created, ${s.structures.updated} updated, ` +
        `${s.structures.unchanged} unchanged, ${s.territoriesCreated} territories created` +
        `${s.surveyReused ? ', questionnaire already stored reused' : ''}.\n`,
    );
    warnLeftOutCount(s.warnings);
    return 0;
  } finally {
    await store.close();
  }
}

export const importCommand: CliCommand = {
  summary: 'import a finished campaign folder into the database',
  async run(args) {
    const { InputError } = await import('../ingest/problems.js');
    const { asPanoramaError } = await import('../app/errors.js');
    try {
      return await run(args);
    } catch (err) {
      // A refused import (bad file, duplicate name, refused by the database) says that nothing was
      // stored, in the user's language; a mistake on the command line is worded alone.
      const known = asPanoramaError(err);
      if (!known || known.status === 400 || known.status >= 500) throw err;
      const params = err instanceof InputError ? { problems: err.problems, limit: 20 } : known.params;
      throw new PanoramaError('import_nothing_stored', { cause: { code: known.code, params } });
    }
  },
};
