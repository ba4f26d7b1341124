import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { issueReason, issueText } from '../../src/interop/issue-text.js';
import type { ConversionResult } from '../../src/interop/issues.js';
import { buildSurveyModel } from '../../src/survey/index.js';
import type { ElementJson } from '../../src/survey/definition-schema.js';
import { interopFiles, skipWithoutInterop, surveyModel } from './support.js';

export interface ImporterAdapter {
  /** Shown in the test names: "LimeSurvey .lss/.lsa", "XLSForm". */
  label: string;
  /** Folder of ../shared/interop holding the real files. */
  folder: string;
  extensions: readonly string[];
  convert(bytes: Buffer, file: string): Promise<ConversionResult> | ConversionResult;
  /** Hostile inputs: each must be refused with a French message naming the file. */
  hostile: { name: string; file: string; bytes: () => Buffer | Promise<Buffer>; code: string }[];
}

/** Every element of a converted questionnaire, pages included, depth first. */
export function elementsOf(result: ConversionResult): ElementJson[] {
  const out: ElementJson[] = [];
  const walk = (elements: ElementJson[]) => {
    for (const element of elements) {
      out.push(element);
      if (element.elements) walk(element.elements);
    }
  };
  for (const page of result.survey.pages ?? []) walk([page as ElementJson]);
  return out;
}

const converted = new Map<string, ConversionResult>();

/** The conversion of one real file (memoised: several tests look at the same result). */
export async function convertFile(adapter: ImporterAdapter, path: string): Promise<ConversionResult> {
  let result = converted.get(path);
  if (!result) {
    const { readFile } = await import('node:fs/promises');
    result = await adapter.convert(await readFile(path), basename(path));
    converted.set(path, result);
  }
  return result;
}

/** What every importer must do on every real file, and on hostile ones. */
export function importerSuite(adapter: ImporterAdapter): void {
  const skip = skipWithoutInterop(adapter.folder, adapter.extensions);
  const files = interopFiles(adapter.folder, adapter.extensions);
  describe(`${adapter.label} importer (shared suite)`, { skip }, () => {
    for (const path of files) {
      const file = basename(path);
      test(`${file}: converts, loads in survey-core and in Panorama, reports in French`, async () => {
        const result = await convertFile(adapter, path);
        const questions = elementsOf(result).filter((e) => e.type && e.type !== 'panel');
        assert.ok(questions.length > 0, `${file}: no question converted`);

        // survey-core reads it without a JSON error (unknown property, unknown type…).
        const model = surveyModel(result.survey);
        const jsonErrors = (model.jsonErrors ?? []).map((e) => e.message);
        assert.deepEqual(jsonErrors, [], `${file}: survey-core JSON errors`);
        assert.equal(model.getAllQuestions().length, questions.length);
        // Panorama's own checks (what saving the questionnaire runs) accept it too.
        assert.doesNotThrow(() => buildSurveyModel(result.survey, file));

        // Names are unique, and every condition survey-core can parse names known questions.
        const names = elementsOf(result).map((e) => e.name);
        assert.equal(new Set(names).size, names.length, `${file}: duplicate names`);

        for (const issue of result.report) {
          assert.ok(issue.feature.trim(), `${file}: an issue without feature`);
          const fr = issueText(issue, 'fr');
          assert.ok(fr.includes(issueReason(issue.code, 'fr')), fr);
          if (issue.question) assert.ok(fr.startsWith(`Question « ${issue.question} »`), fr);
          assert.ok(issueText(issue, 'en').includes(issueReason(issue.code, 'en')));
        }
      });
    }

    for (const hostile of adapter.hostile) {
      test(`hostile input refused in French naming the file: ${hostile.name}`, async () => {
        const bytes = await hostile.bytes();
        const err = await Promise.resolve()
          .then(() => adapter.convert(bytes, hostile.file))
          .then(
            () => assert.fail(`${hostile.name}: converted`),
            (e: unknown) => e,
          );
        assert.ok(err instanceof PanoramaError, `expected a PanoramaError, got ${String(err)}`);
        assert.equal(err.code, hostile.code);
        const fr = err.messageIn('fr');
        assert.ok(fr.includes(`« ${hostile.file}`), `the French message names the file: ${fr}`);
        assert.doesNotMatch(fr, /\b(the|error|is|not)\b/, `no English in the French message: ${fr}`);
        assert.ok(err.messageIn('en').includes(`"${hostile.file}`));
      });
    }
  });
}
