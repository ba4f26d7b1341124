import { MAX_JSON_DEPTH, assertJsonDepth, jsonDepthExcess } from '../survey/json-depth.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { SurveyModel } from '../survey/model.js';
import type { ResponseRecord } from '../survey/records.js';
import { validateResponseData } from '../survey/validate.js';
import { jsonNear, lineColumnAt } from '../survey/json-position.js';
import { jsonErrorOffset } from '../survey/json-error.js';
import {
  DuplicateIds,
  ProblemCollector,
  progressReporter,
  unknownStructureProblem,
  type LoadOptions,
  type LoadResult,
} from './collect.js';
import { codedProblem, InputError, type InputProblem } from './problems.js';
import { isoInstant } from './values.js';

const RECORD_FIELDS = new Set(['id', 'structure', 'submittedAt', 'data']);

type Where = Omit<InputProblem, 'message' | 'code' | 'params'>;

/** An invalid-JSON problem at `offset` of `text` (worded in the user's language at the edge). */
function invalidJson(where: Where, text: string, offset: number): InputProblem {
  const near = jsonNear(text, offset);
  return codedProblem(where, 'json_invalid', near === undefined ? {} : { near });
}

/** Checks one record object (from a JSONL line or a JSON array element) and its answers. */
export class RecordChecker {
  private readonly ids = new DuplicateIds();

  constructor(
    private readonly survey: SurveyModel,
    private readonly file: string,
    readonly collector: ProblemCollector,
    private readonly registry: Pick<LoadOptions, 'structures' | 'registryName'> = {},
  ) {}

  /** Parses and checks one JSONL line; returns the record when it can be kept. */
  parseLine(text: string, line: number): ResponseRecord | undefined {
    let value: unknown;
    const excess = jsonDepthExcess(text);
    if (excess) {
      this.collector.error(
        codedProblem({ file: this.file, line, column: excess.offset + 1 }, 'json_too_deep', {
          depth: excess.depth,
          limit: MAX_JSON_DEPTH,
        }),
      );
      return undefined;
    }
    try {
      value = JSON.parse(text);
    } catch {
      const offset = jsonErrorOffset(text);
      this.collector.error(invalidJson({ file: this.file, line, column: offset + 1 }, text, offset));
      return undefined;
    }
    return this.check(value, { file: this.file, line });
  }

  check(value: unknown, where: Where): ResponseRecord | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.collector.error(codedProblem(where, 'ingest_response_not_object', { got: value }));
      return undefined;
    }
    const record = value as Record<string, unknown>;
    const id = record.id;
    if (typeof id !== 'string' || id === '') {
      this.collector.error(codedProblem(where, 'ingest_response_id', { got: id }));
      return undefined;
    }
    let usable = true;
    const first = this.ids.check(id, where.line ?? 0);
    if (first !== undefined) {
      this.collector.error(
        codedProblem({ ...where, responseId: id }, 'ingest_duplicate_response_id', {
          id,
          ...(first ? { first } : {}),
        }),
      );
      usable = false;
    }
    for (const key in record) {
      if (!RECORD_FIELDS.has(key)) {
        this.collector.value(
          codedProblem({ ...where, responseId: id, value: record[key] }, 'ingest_unknown_record_field', {
            field: key,
          }),
        );
      }
    }
    let structure = record.structure ?? null;
    if (structure !== null && (typeof structure !== 'string' || structure === '')) {
      this.collector.error(
        codedProblem({ ...where, responseId: id }, 'ingest_structure_type', { got: structure }),
      );
      usable = false;
    } else if (structure !== null && this.registry.structures && !this.registry.structures.has(structure)) {
      this.collector.value(
        unknownStructureProblem({ ...where, responseId: id }, structure, this.registry.registryName),
      );
      structure = null;
    }
    const submittedAt = record.submittedAt;
    if (
      submittedAt !== undefined &&
      (typeof submittedAt !== 'string' || isoInstant(submittedAt) === undefined)
    ) {
      this.collector.error(
        codedProblem({ ...where, responseId: id }, 'ingest_submitted_at', { got: submittedAt }),
      );
      usable = false;
    }
    if (record.data === null || typeof record.data !== 'object' || Array.isArray(record.data)) {
      this.collector.error(
        codedProblem({ ...where, responseId: id }, 'ingest_data_not_object', { got: record.data }),
      );
      return undefined;
    }
    const result = validateResponseData(this.survey, record.data);
    for (const p of result.problems) {
      this.collector.value({
        ...where,
        responseId: id,
        question: p.question || undefined,
        value: p.value,
        message: p.message,
        code: p.code,
        params: p.params,
      });
    }
    if (!usable) return undefined;
    const out: ResponseRecord = { id, structure: structure as string | null, data: result.data };
    if (submittedAt !== undefined) out.submittedAt = submittedAt as string;
    return out;
  }
}

/** Reads JSONL text: one response per line, blank lines ignored, every problem listed. */
export function parseJsonlResponses(
  text: string,
  file: string,
  survey: SurveyModel,
  options: LoadOptions = {},
): LoadResult {
  const collector = new ProblemCollector(options.lenient ?? false);
  const checker = new RecordChecker(survey, file, collector, options);
  const responses: ResponseRecord[] = [];
  const total = options.onProgress ? countLines(text) : 0;
  const progress = progressReporter(options, total);
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    const content = text.slice(start, end).trim();
    if (content !== '') {
      const record = checker.parseLine(content, line);
      if (record) responses.push(record);
    }
    progress(line);
    start = end + 1;
  }
  return { responses, warnings: collector.finish() };
}

/** Reads a JSON file holding an array of responses (or `{ "responses": [...] }`). */
export function parseJsonResponses(
  text: string,
  file: string,
  survey: SurveyModel,
  options: LoadOptions = {},
): LoadResult {
  let parsed: unknown;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  assertJsonDepth(body, file);
  try {
    parsed = JSON.parse(body);
  } catch {
    const offset = jsonErrorOffset(body);
    const { line, column } = lineColumnAt(body, offset);
    throw new InputError([invalidJson({ file, line, column }, body, offset)]);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(list)) {
    throw new InputError([codedProblem({ file }, 'ingest_json_not_array')]);
  }
  const collector = new ProblemCollector(options.lenient ?? false);
  const checker = new RecordChecker(survey, file, collector, options);
  const responses: ResponseRecord[] = [];
  const progress = progressReporter(options, list.length);
  list.forEach((value, index) => {
    const record = checker.check(value, { file, column: `responses[${index}]` });
    if (record) responses.push(record);
    progress(index + 1);
  });
  return { responses, warnings: collector.finish() };
}

/** What the parser met at the failing offset, for a message a person can act on. */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export interface StreamOptions {
  lenient?: boolean;
  /** Progress in bytes read (done, total file size). */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Receives each tolerated problem as soon as it is found (lenient mode). */
  onWarning?: (problem: InputProblem) => void;
  /** As in LoadOptions: registry ids that responses may name. */
  structures?: ReadonlySet<string>;
  registryName?: string;
}

/**
 * Streams a very large JSONL file without holding it in memory. Valid responses are yielded as they
 * are read; problems are gathered and, in strict mode, an InputError listing all of them is thrown
 * once the whole file has been read — so a consumer must not publish anything before the iteration
 * ends. Lenient mode hands warnings to `onWarning` and never throws for value problems.
 */
export async function* streamJsonlResponses(
  path: string,
  survey: SurveyModel,
  options: StreamOptions = {},
): AsyncGenerator<ResponseRecord, { warnings: InputProblem[] }, undefined> {
  const file = basename(path);
  const totalBytes = (await stat(path)).size;
  const collector = new ProblemCollector(options.lenient ?? false);
  const checker = new RecordChecker(survey, file, collector, options);
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let bytes = 0;
  let reported = 0;
  try {
    for await (const raw of lines) {
      line++;
      bytes += Buffer.byteLength(raw) + 1;
      const content = (line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).trim();
      if (content === '') continue;
      const record = checker.parseLine(content, line);
      if (options.onWarning && collector.lenient) {
        while (reported < collector.valueProblems.length)
          options.onWarning(collector.valueProblems[reported++]!);
      }
      if (line % 1000 === 0) options.onProgress?.(Math.min(bytes, totalBytes), totalBytes);
      if (record) yield record;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  options.onProgress?.(totalBytes, totalBytes);
  return { warnings: collector.finish() };
}
