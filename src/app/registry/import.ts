import { basename, extname } from 'node:path';
import { errorMessage, PanoramaError, type ErrorCode } from '../../contract/errors/index.js';
import type { CodedText } from '../../contract/errors/files.js';
import { asPanoramaError } from '../errors.js';
import type { Lang } from '../../contract/lang.js';
import { InputError, type InputProblem } from '../../ingest/problems.js';
import { readRegistryTable } from '../../ingest/registry.js';
import { readTable } from '../../ingest/table-file.js';
import { cellText, type Table } from '../../ingest/table.js';
import { StoreError, StoreValidationError, type Repositories, type Store } from '../../store/index.js';
import { planRegistryImport, type RegistryPlan } from './plan.js';

/** A registry file as received (web upload or a file of an input folder). */
export interface RegistryFileInput {
  filename: string;
  bytes: Uint8Array;
  /** Empty cells of the file's columns clear the stored values (otherwise they leave them unchanged). */
  clearEmpty?: boolean;
}

/** One problem of the file, worded for the person who must fix it. */
export interface RegistryProblemView {
  line: number;
  /** The column's header name ('' when the problem is the whole line). */
  column: string;
  value: string;
  reason: string;
  code?: string;
}

/** How many rows the preview shows as read. */
export const PREVIEW_ROWS = 50;

const SUPPORTED = new Set(['.csv', '.txt', '.tsv', '.xlsx']);

/** Reads the uploaded table; an unsupported or unreadable file is a PanoramaError naming it. */
export async function readRegistryUpload(filename: string, bytes: Uint8Array, lang: Lang): Promise<Table> {
  const file = basename(filename);
  if (!SUPPORTED.has(extname(file).toLowerCase()))
    throw new PanoramaError('registry_unsupported_format', { file });
  try {
    return await readTable(bytes, file);
  } catch (err) {
    if (err instanceof InputError) {
      const first = err.problems[0];
      const cause = first ? codedText(first) : { message: err.message, code: err.code, params: err.params };
      throw new PanoramaError('registry_unreadable', { file, cause }).with(
        wordProblems(err.problems, lang).map((p) => ({ ...p, value: '' })),
      );
    }
    throw err;
  }
}

/** Reads the file and plans it against the registry as stored now; nothing is written. */
export async function planRegistryFile(
  store: Pick<Store, 'structures' | 'territories'>,
  input: RegistryFileInput,
  lang: Lang,
): Promise<{ table: Table; plan: RegistryPlan }> {
  const table = await readRegistryUpload(input.filename, input.bytes, lang);
  const read = readRegistryTable(table);
  const plan = planRegistryImport(
    read,
    { structures: await store.structures.list(), territories: await store.territories.list() },
    { clearEmpty: input.clearEmpty ?? false },
  );
  return { table, plan };
}

/** The wording data of a problem, without its location (the message places it). */
function codedText(p: CodedText): CodedText {
  return {
    message: p.message,
    ...(p.code ? { code: p.code, params: p.params ?? {} } : {}),
    ...(p.issue ? { issue: p.issue } : {}),
  };
}

export function wordProblems(problems: readonly InputProblem[], lang: Lang): RegistryProblemView[] {
  return problems.map((p) => ({
    line: p.line ?? 0,
    column: p.header ?? '',
    value: p.value === undefined || p.value === null ? '' : String(p.value as string),
    reason: p.code ? errorMessage(p.code as ErrorCode, (p.params ?? {}) as never, lang) : p.message,
    ...(p.code ? { code: p.code } : {}),
  }));
}

/** The import preview: what would be created, each field that would change, every problem. */
export async function previewRegistryImport(deps: { store: Store }, input: RegistryFileInput, lang: Lang) {
  const { table, plan } = await planRegistryFile(deps.store, input, lang);
  return {
    columns: table.header,
    rows: table.rows
      .slice(0, PREVIEW_ROWS)
      .map((r) => Object.fromEntries(table.header.map((h, i) => [h, cellText(r.cells[i])]))),
    total: table.rows.length,
    errors: wordProblems(plan.problems, lang),
    toCreate: plan.toCreate,
    toUpdate: plan.toUpdate,
    unchanged: plan.unchanged,
    changes: plan.changes,
    absent: plan.absent,
    clearEmpty: plan.clearEmpty,
    territoriesToCreate: plan.territories.map((t) => ({ name: t.name, level: t.level })),
  };
}

export type RegistryImportPreview = Awaited<ReturnType<typeof previewRegistryImport>>;

/** Writes a plan's territories and structure patches with the given repositories (one transaction). */
export async function applyRegistryPlan(repos: Repositories, plan: RegistryPlan, now: string) {
  for (const t of plan.territories) await repos.territories.create(t);
  const counts = await repos.structures.patchMany(plan.patches, now);
  // Rows the plan found identical were not sent at all.
  return { ...counts, unchanged: counts.unchanged + plan.unchanged };
}

/**
 * Imports a registry file, all or nothing: any problem refuses the whole file (422 naming the
 * first one, every problem in the details). The plan is made again here, against the registry as
 * it is now, and each patch is applied to the row as stored inside the transaction.
 */
export async function importRegistry(
  deps: { store: Store; now(): Date },
  input: RegistryFileInput & { actor: string },
  lang: Lang,
) {
  const file = basename(input.filename);
  const { table, plan } = await planRegistryFile(deps.store, input, lang);
  if (plan.problems.length) {
    const details = wordProblems(plan.problems, lang);
    const first = details[0]!;
    throw new PanoramaError('registry_invalid', {
      file,
      count: details.length,
      line: first.line,
      column: first.column,
      reason: first.reason,
    }).with(details);
  }
  if (table.rows.length === 0) throw new PanoramaError('registry_empty', { file }).with([]);
  const now = deps.now().toISOString();
  try {
    const counts = await deps.store.transaction(async (repos) => {
      const result = await applyRegistryPlan(repos, plan, now);
      await repos.audit.record(
        {
          actor: input.actor,
          action: 'structures.import',
          target: null,
          details: {
            ...result,
            territoriesCreated: plan.territories.length,
            rows: table.rows.length,
            clearEmpty: plan.clearEmpty,
          },
        },
        now,
      );
      return result;
    });
    return { ...counts, territoriesCreated: plan.territories.length };
  } catch (err) {
    // The plan was checked before the write: a refusal here means the registry changed meanwhile.
    if (err instanceof StoreValidationError) {
      const first = err.problems[0];
      throw new PanoramaError('registry_refused', {
        cause: first ? codedText(first) : { message: err.message },
      }).with(err.problems);
    }
    const known = asPanoramaError(err);
    if (known && err instanceof StoreError)
      throw new PanoramaError('registry_refused', {
        cause: { message: err.message, code: known.code, params: known.params },
      });
    throw err;
  }
}
