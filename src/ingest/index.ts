import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { JsonSyntaxError } from '../survey/json-position.js';
import { SurveyDefinitionError, loadSurveyDefinition, type SurveyModel } from '../survey/model.js';
import type { Registry, ResponseRecord } from '../survey/records.js';
import type { LoadOptions, LoadResult } from './collect.js';
import { decodeText } from './decode.js';
import { parseJsonResponses, parseJsonlResponses, streamJsonlResponses } from './jsonl.js';
import { codedProblem, InputError, type InputProblem } from './problems.js';
import { loadRegistryFile } from './registry.js';
import { tableToResponses } from './responses-table.js';
import { readTable } from './table-file.js';

export { InputError, formatProblem, formatProblems, type InputProblem } from './problems.js';
export type { LoadOptions, LoadResult } from './collect.js';
export { streamJsonlResponses, type StreamOptions } from './jsonl.js';
export {
  loadRegistryFile,
  readRegistryTable,
  REGISTRY_FIELDS,
  type RegistryField,
  type RegistryRead,
  type RegistryRow,
} from './registry.js';
export { resolveCommune, type CommuneInfo, type CodeName } from './commune.js';
export { writeResponsesCsv, type CsvExportOptions } from './export-csv.js';
export { validateResponseData } from '../survey/validate.js';

const RESPONSE_EXTENSIONS = ['.jsonl', '.ndjson', '.json', '.csv', '.tsv', '.xlsx'];
const REGISTRY_EXTENSIONS = ['.csv', '.xlsx'];

/** Reads and checks a SurveyJS definition file; problems come as an InputError naming the file. */
export async function loadSurveyFile(path: string): Promise<SurveyModel> {
  const file = basename(path);
  const text = decodeText(await readInput(path)).text;
  try {
    return loadSurveyDefinition(text, file);
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      throw new InputError([
        codedProblem(
          { file, line: err.line, column: err.column },
          'json_invalid',
          err.near === undefined ? {} : { near: err.near },
        ),
      ]);
    }
    if (err instanceof SurveyDefinitionError) {
      throw new InputError(
        err.problems.map((p) =>
          codedProblem({ file, column: p.path, question: p.question }, 'ingest_definition_problem', {
            ...(p.question ? { question: p.question } : {}),
            problem: { message: p.message, code: p.code, params: p.params, issue: p.issue },
          }),
        ),
      );
    }
    throw err;
  }
}

/** Loads responses from .jsonl (.ndjson), .json, .csv or .xlsx, checked against the survey. */
export async function loadResponsesFile(
  path: string,
  survey: SurveyModel,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const file = basename(path);
  const ext = extname(file).toLowerCase();
  if (!RESPONSE_EXTENSIONS.includes(ext)) {
    throw new InputError([codedProblem({ file }, 'ingest_responses_format', { ext })]);
  }
  if ((ext === '.jsonl' || ext === '.ndjson') && (await sizeOf(path)) > IN_MEMORY_JSONL_LIMIT) {
    return collectStream(path, survey, options);
  }
  const bytes = await readInput(path);
  if (ext === '.jsonl' || ext === '.ndjson')
    return parseJsonlResponses(decodeText(bytes).text, file, survey, options);
  if (ext === '.json') return parseJsonResponses(decodeText(bytes).text, file, survey, options);
  return tableToResponses(await readTable(bytes, file), survey, options);
}

export interface InputFolder {
  survey: SurveyModel;
  responses: ResponseRecord[];
  registry?: Registry;
  warnings: InputProblem[];
  /** Paths of the files that were read. */
  files: { survey: string; responses: string; registry?: string };
}

/**
 * Finds the files of an input folder: survey.json, one responses.(jsonl|ndjson|json|csv|tsv|xlsx)
 * and an optional structures.(csv|xlsx). The one place that decides which files a folder holds
 * (readInputFolder, openInputFolder).
 */
export async function findInputFiles(dir: string): Promise<InputFolder['files']> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new InputError([codedProblem({ file: dir }, 'ingest_folder_unreadable', { reason })]);
  }
  const pick = (stem: string, extensions: string[], required: boolean): string | undefined => {
    const found = entries.filter((e) => extensions.some((ext) => e.toLowerCase() === stem + ext)).sort();
    if (found.length > 1) {
      throw new InputError([codedProblem({ file: dir }, 'ingest_several_files', { stem, files: found })]);
    }
    if (found.length === 0 && required) {
      throw new InputError([
        codedProblem({ file: dir }, 'ingest_file_missing', {
          expected: extensions.map((e) => stem + e),
          found: entries,
        }),
      ]);
    }
    return found[0] && join(dir, found[0]);
  };
  const survey = pick('survey', ['.json'], true)!;
  const responses = pick('responses', RESPONSE_EXTENSIONS, true)!;
  const registry = pick('structures', REGISTRY_EXTENSIONS, false);
  return { survey, responses, ...(registry ? { registry } : {}) };
}

/** The registry check of a responses file: its ids, and its file name for the messages. */
function registryCheck(registry: Registry | undefined, path: string | undefined): LoadOptions {
  return registry && path
    ? { structures: new Set(registry.structures.map((s) => s.id)), registryName: basename(path) }
    : {};
}

/**
 * Reads a report input folder: survey.json, one responses.(jsonl|json|csv|xlsx) and an optional
 * structures.(csv|xlsx). Responses naming a structure missing from the registry are a problem.
 */
export async function readInputFolder(dir: string, options: LoadOptions = {}): Promise<InputFolder> {
  const files = await findInputFiles(dir);
  const survey = await loadSurveyFile(files.survey);
  const registry = files.registry ? await loadRegistryFile(files.registry) : undefined;
  const { responses, warnings } = await loadResponsesFile(files.responses, survey, {
    ...options,
    ...registryCheck(registry, files.registry),
  });
  return { survey, responses, ...(registry ? { registry } : {}), warnings, files };
}

/** Calls back with (done, total) and the unit of both ("responses" or "bytes"). */
export type FolderProgress = (done: number, total: number, unit: 'responses' | 'bytes') => void;

/** An input folder whose responses are read when fed (streamed for JSONL, from memory otherwise). */
export interface OpenedInputFolder {
  survey: SurveyModel;
  registry?: Registry;
  /** Problems tolerated in lenient mode; complete once `feed` (or `all`) has finished. */
  warnings: InputProblem[];
  files: InputFolder['files'];
  /** Feeds every response to the consumer; strict mode throws an InputError at the end. */
  feed(consume: (response: ResponseRecord) => void): Promise<void>;
  /** Every response in memory (CSV export, coherence checks); streamed inputs are read again. */
  all(): Promise<ResponseRecord[]>;
}

const STREAMED_EXTENSIONS = ['.jsonl', '.ndjson'];

/**
 * Opens an input folder (same files as readInputFolder) without reading its responses yet: a
 * JSONL responses file is then streamed line by line, so that a million responses never sit in
 * memory at once (`panorama report`, `panorama check`).
 */
export async function openInputFolder(
  dir: string,
  options: { lenient?: boolean; onProgress?: FolderProgress } = {},
): Promise<OpenedInputFolder> {
  const { lenient = false, onProgress } = options;
  const files = await findInputFiles(dir);
  if (!STREAMED_EXTENSIONS.includes(extname(files.responses).toLowerCase())) {
    const folder = await readInputFolder(dir, {
      lenient,
      ...(onProgress ? { onProgress: (done, total) => onProgress(done, total, 'responses') } : {}),
    });
    return {
      survey: folder.survey,
      ...(folder.registry ? { registry: folder.registry } : {}),
      warnings: folder.warnings,
      files,
      feed: async (consume) => folder.responses.forEach(consume),
      all: async () => folder.responses,
    };
  }
  const survey = await loadSurveyFile(files.survey);
  const registry = files.registry ? await loadRegistryFile(files.registry) : undefined;
  const warnings: InputProblem[] = [];
  const opened: OpenedInputFolder = {
    survey,
    ...(registry ? { registry } : {}),
    warnings,
    files,
    async feed(consume) {
      const stream = streamJsonlResponses(files.responses, survey, {
        lenient,
        ...registryCheck(registry, files.registry),
        onWarning: (w) => warnings.push(w),
        ...(onProgress ? { onProgress: (done, total) => onProgress(done, total, 'bytes') } : {}),
      });
      for (;;) {
        const next = await stream.next();
        if (next.done) {
          for (const w of next.value.warnings) if (!warnings.includes(w)) warnings.push(w);
          return;
        }
        consume(next.value);
      }
    },
    async all() {
      const responses: ResponseRecord[] = [];
      await opened.feed((r) => responses.push(r));
      return responses;
    },
  };
  return opened;
}

/** Above this, a JSONL file is read line by line: V8 strings cannot exceed ~512 MB. */
const IN_MEMORY_JSONL_LIMIT = 256 * 1024 * 1024;

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // readInput reports the missing file
  }
}

async function collectStream(path: string, survey: SurveyModel, options: LoadOptions): Promise<LoadResult> {
  const responses: ResponseRecord[] = [];
  const stream = streamJsonlResponses(path, survey, options);
  for (;;) {
    const next = await stream.next();
    if (next.done) return { responses, warnings: next.value.warnings };
    responses.push(next.value);
  }
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    // The system's own message is English and technical: its code is worded in the user's language.
    const problem =
      code === 'ENOENT'
        ? codedProblem({ file: path }, 'ingest_file_not_found')
        : code === 'EISDIR'
          ? codedProblem({ file: path }, 'ingest_file_is_folder')
          : codedProblem({ file: path }, 'ingest_file_unreadable', { reason: code });
    throw new InputError([problem]);
  }
}
