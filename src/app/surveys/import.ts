import { basename, extname } from 'node:path';
import { z } from 'zod';
import { PanoramaError } from '../../contract/errors/index.js';
import type { Lang } from '../../contract/lang.js';
import { issueReason, issueWords } from '../../interop/issue-text.js';
import type { ConversionIssue, ConversionResult, IssueCode } from '../../interop/issues.js';
import type { Store, Survey } from '../../store/index.js';
import {
  buildSurveyModel,
  JsonSyntaxError,
  parseJsonText,
  SurveyDefinitionError,
  type SurveyModel,
} from '../../survey/index.js';
import type { SurveyJson } from '../../survey/definition-schema.js';

/**
 * Import of a questionnaire written by another tool (LimeSurvey .lss/.lsa, XLSForm .xlsx) or by
 * SurveyJS (.json): convert, word the conversion report (what was converted approximately or left
 * out, per question), check the result as any uploaded questionnaire, then create it. The web
 * upload and `panorama survey import` are adapters over these functions.
 */

/** Largest file accepted, before anything is read (archives are then bounded by their own limits). */
export const MAX_SURVEY_FILE_BYTES = 16 * 1024 * 1024;

export const surveyFileInput = z.object({
  filename: z.string().min(1).max(300),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "the file's bytes"),
});
export type SurveyFileInput = z.infer<typeof surveyFileInput>;

export const surveyImportInput = surveyFileInput.extend({
  /** Who imports (audit); 'cli' from the command line. */
  actor: z.string().min(1),
  /** Replaces the title read from the file. */
  title: z.string().trim().min(1).max(300).optional(),
});
export type SurveyImportInput = z.infer<typeof surveyImportInput>;

export type SurveyFileFormat = 'limesurvey-lss' | 'limesurvey-lsa' | 'xlsform' | 'surveyjs';

/** One line of the report, worded in the requested language. */
export interface ImportIssueView {
  /** 'dropped': not carried over; 'approximated': carried over in a close form. */
  kind: 'dropped' | 'approximated';
  code: IssueCode;
  question?: string;
  feature: string;
  reason: string;
  detail?: string;
  count?: number;
}

export interface SurveyImportReport {
  file: string;
  format: SurveyFileFormat;
  title: string;
  pages: number;
  questions: number;
  /** Finished responses found in a LimeSurvey archive (not stored by this import: see notes). */
  responses?: number;
  /** Structures named by the archive's participants. */
  structures?: number;
  issues: ImportIssueView[];
  /** Things to know that are not about one question (e.g. what to do with an archive's responses). */
  notes: string[];
}

export interface SurveyConversion {
  report: SurveyImportReport;
  definition: SurveyJson;
  /** The converter's full result (responses and structures of a .lsa), for the command line. */
  result: ConversionResult;
}

const APPROXIMATED = new Set<IssueCode>([
  'question_type_approximated',
  'repeat_flattened',
  'translation_missing',
  'question_renamed',
]);

const MB = 1024 * 1024;

/** The format of a file, from its extension. */
export function surveyFileFormat(filename: string): SurveyFileFormat {
  const ext = extname(filename).toLowerCase();
  if (ext === '.lss') return 'limesurvey-lss';
  if (ext === '.lsa') return 'limesurvey-lsa';
  if (ext === '.xlsx') return 'xlsform';
  if (ext === '.json') return 'surveyjs';
  throw new PanoramaError('import_format_unknown', { file: basename(filename) });
}

async function convert(format: SurveyFileFormat, bytes: Uint8Array, file: string): Promise<ConversionResult> {
  // Converters are loaded on demand: the XML and workbook libraries stay out of other paths.
  switch (format) {
    case 'limesurvey-lss':
      return (await import('../../interop/limesurvey/index.js')).importLss(utf8(bytes, file), file);
    case 'limesurvey-lsa':
      return (await import('../../interop/limesurvey/index.js')).importLsa(bytes, file);
    case 'xlsform':
      return (await import('../../interop/xlsform/import.js')).importXlsform(bytes, file);
    case 'surveyjs':
      try {
        return { survey: parseJsonText(utf8(bytes, file), file) as SurveyJson, report: [] };
      } catch (err) {
        if (err instanceof JsonSyntaxError)
          throw new PanoramaError('import_json_invalid', { file, line: err.line, column: err.column });
        throw err;
      }
  }
}

function utf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PanoramaError('import_unreadable', { file, problem: 'encoding' });
  }
}

/** Panorama's own checks, as for any uploaded questionnaire; a PanoramaError naming the question. */
function checked(definition: unknown, file: string): SurveyModel {
  try {
    return buildSurveyModel(definition, file);
  } catch (err) {
    if (err instanceof SurveyDefinitionError) {
      const first = err.problems[0];
      throw new PanoramaError('import_definition_invalid', {
        file,
        count: err.problems.length,
        question: first?.question ?? '',
        message: first?.message ?? '',
      }).with(err.problems);
    }
    throw err;
  }
}

export function wordIssue(issue: ConversionIssue, lang: Lang): ImportIssueView {
  return {
    kind: APPROXIMATED.has(issue.code) ? 'approximated' : 'dropped',
    code: issue.code,
    ...(issue.question ? { question: issue.question } : {}),
    feature: issueWords(issue.feature, lang),
    reason: issueReason(issue.code, lang),
    ...(issue.detail
      ? {
          detail:
            issue.code === 'question_type_approximated' || issue.code === 'setting_not_converted'
              ? issueWords(issue.detail, lang)
              : issue.detail,
        }
      : {}),
    ...(issue.count && issue.count > 1 ? { count: issue.count } : {}),
  };
}

function archiveNote(responses: number, lang: Lang): string {
  return lang === 'fr'
    ? `L'archive contient ${responses} réponse(s) terminée(s). Elles ne sont pas enregistrées par cet import, ` +
        'qui crée seulement le questionnaire. Pour ouvrir une campagne close avec ces réponses : ' +
        '« panorama survey import archive.lsa --out dossier » puis « panorama import dossier --name "…" ».'
    : `The archive holds ${responses} finished response(s). This import does not store them: it only creates ` +
        'the survey. To create a closed campaign with them: "panorama survey import archive.lsa --out folder" ' +
        'then "panorama import folder --name "…"".';
}

/** Converts and checks a file; nothing is written. Refusals are PanoramaErrors naming the file. */
export async function convertSurveyFile(
  input: SurveyFileInput,
  lang: Lang = 'fr',
): Promise<SurveyConversion> {
  const { filename, bytes } = surveyFileInput.parse(input);
  const file = basename(filename);
  const format = surveyFileFormat(file);
  if (bytes.byteLength > MAX_SURVEY_FILE_BYTES) {
    throw new PanoramaError('import_file_too_large', {
      file,
      megabytes: Math.round((bytes.byteLength / MB) * 10) / 10,
      limitMegabytes: MAX_SURVEY_FILE_BYTES / MB,
    });
  }
  const result = await convert(format, bytes, file);
  const model = checked(result.survey, file);
  const notes: string[] = [];
  const responses = result.responses?.length;
  if (format === 'limesurvey-lsa' && responses) notes.push(archiveNote(responses, lang));
  const title = model.title.trim() || file.replace(/\.[^.]+$/, '');
  return {
    definition: result.survey,
    result,
    report: {
      file,
      format,
      title,
      pages: result.survey.pages?.length ?? 0,
      questions: model.questions.length,
      ...(responses !== undefined ? { responses } : {}),
      ...(result.structures ? { structures: result.structures.length } : {}),
      issues: result.report.map((issue) => wordIssue(issue, lang)),
      notes,
    },
  };
}

/** Converts, checks and creates the questionnaire (version 1), recorded in the audit log. */
export async function importSurveyFile(
  deps: { store: Pick<Store, 'surveys' | 'audit'> },
  input: SurveyImportInput,
  lang: Lang = 'fr',
): Promise<{ survey: Survey; report: SurveyImportReport }> {
  const parsed = surveyImportInput.parse(input);
  const { definition, report } = await convertSurveyFile(parsed, lang);
  const title = parsed.title ?? report.title;
  const { survey } = await deps.store.surveys.create({ title, definition });
  await deps.store.audit.record({
    actor: parsed.actor,
    action: 'survey.import',
    target: survey.id,
    details: { title, file: report.file, format: report.format, issues: report.issues.length },
  });
  return { survey, report: { ...report, title } };
}
