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
 * Reads a report input folder: survey.json, one responses.(jsonl|json|csv|xlsx) and an optional
 * structures.(csv|xlsx). Responses naming a structure missing from the registry are a problem.
 */
export async function readInputFolder(dir: string, options: LoadOptions = {}): Promise<InputFolder> {
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
  const surveyPath = pick('survey', ['.json'], true)!;
  const responsesPath = pick('responses', RESPONSE_EXTENSIONS, true)!;
  const registryPath = pick('structures', REGISTRY_EXTENSIONS, false);

  const survey = await loadSurveyFile(surveyPath);
  const registry = registryPath ? await loadRegistryFile(registryPath) : undefined;
  const { responses, warnings } = await loadResponsesFile(responsesPath, survey, {
    ...options,
    ...(registry
      ? { structures: new Set(registry.structures.map((s) => s.id)), registryName: basename(registryPath!) }
      : {}),
  });
  return {
    survey,
    responses,
    ...(registry ? { registry } : {}),
    warnings,
    files: {
      survey: surveyPath,
      responses: responsesPath,
      ...(registryPath ? { registry: registryPath } : {}),
    },
  };
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
