import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  InputError,
  loadRegistryFile,
  loadSurveyFile,
  readInputFolder,
  streamJsonlResponses,
  type InputProblem,
} from '../ingest/index.js';
import type { ReportBuilder } from '../stats/index.js';
import type { SurveyModel } from '../survey/model.js';
import type { Registry, ResponseRecord } from '../survey/records.js';

/** Calls back with (done, total) and the unit of both ("responses" or "bytes"). */
export type Progress = (done: number, total: number, unit: 'responses' | 'bytes') => void;

export interface LoadedInput {
  survey: SurveyModel;
  registry?: Registry;
  warnings: InputProblem[];
  /** Feeds every response to the consumer (streamed for JSONL, from memory otherwise). */
  feed(consume: (response: ResponseRecord) => void): Promise<void>;
  /** Every response in memory (CSV export); streamed inputs are read again. */
  all(): Promise<ResponseRecord[]>;
}

const STREAMED = /^responses\.(jsonl|ndjson)$/i;

/**
 * Opens a report folder. A JSONL responses file is streamed line by line so that a million
 * responses never sit in memory at once; other formats go through readInputFolder.
 */
export async function openReportInput(
  dir: string,
  lenient: boolean,
  progress?: Progress,
): Promise<LoadedInput> {
  const entries = await readdir(dir);
  const responseFiles = entries.filter((e) => /^responses\.[a-z]+$/i.test(e));
  const registryFiles = entries.filter((e) => /^structures\.(csv|xlsx)$/i.test(e));
  const streamed =
    responseFiles.length === 1 && STREAMED.test(responseFiles[0]!) && registryFiles.length <= 1;
  if (!streamed || !entries.includes('survey.json')) {
    const folder = await readInputFolder(dir, {
      lenient,
      onProgress: progress && ((done, total) => progress(done, total, 'responses')),
    });
    return {
      survey: folder.survey,
      registry: folder.registry,
      warnings: folder.warnings,
      feed: async (consume) => folder.responses.forEach(consume),
      all: async () => folder.responses,
    };
  }
  const survey = await loadSurveyFile(join(dir, 'survey.json'));
  const registry = registryFiles[0] ? await loadRegistryFile(join(dir, registryFiles[0])) : undefined;
  const responsesPath = join(dir, responseFiles[0]!);
  const warnings: InputProblem[] = [];
  const known = registry ? new Set(registry.structures.map((s) => s.id)) : undefined;
  const input: LoadedInput = {
    survey,
    registry,
    warnings,
    async feed(consume) {
      const total = (await stat(responsesPath)).size;
      const unknown: InputProblem[] = [];
      const stream = streamJsonlResponses(responsesPath, survey, {
        lenient,
        onWarning: (w) => warnings.push(w),
        onProgress: progress && ((done) => progress(done, total, 'bytes')),
      });
      for (;;) {
        const next = await stream.next();
        if (next.done) {
          if (next.value) for (const w of next.value.warnings) if (!warnings.includes(w)) warnings.push(w);
          break;
        }
        const response = next.value;
        if (known && response.structure !== null && !known.has(response.structure)) {
          unknown.push({
            file: responseFiles[0]!,
            responseId: response.id,
            value: response.structure,
            message: `the structure ${JSON.stringify(response.structure)} is not in ${registryFiles[0]}`,
          });
          response.structure = null;
        }
        consume(response);
      }
      progress?.(total, total, 'bytes');
      if (unknown.length > 0 && !lenient) throw new InputError(unknown);
      warnings.push(...unknown);
    },
    async all() {
      const responses: ResponseRecord[] = [];
      await input.feed((r) => responses.push(r));
      return responses;
    },
  };
  return input;
}

/** Streams every response of the input into a report builder. */
export async function feedBuilder(input: LoadedInput, builder: ReportBuilder): Promise<void> {
  await input.feed((response) => builder.add(response));
}
