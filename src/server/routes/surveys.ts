import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import type { Survey } from '../../store/index.js';
import {
  buildSurveyModel,
  JsonSyntaxError,
  parseJsonText,
  SurveyDefinitionError,
  type SurveyModel,
} from '../../survey/index.js';
import { found } from '../errors.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { currentUser } from '../access.js';
import { modelOfVersion } from '../../app/surveys/versions.js';
import { parseOr400, type ZodTypeProvider } from '../openapi.js';
import { pickLang } from '../../contract/lang.js';
import { convertSurveyFile, importSurveyFile, type SurveyFileInput } from '../../app/surveys/import.js';
import { errorResponses, idParams } from '../../contract/common.js';
import { definitionBody, surveyResponse, surveysResponse } from '../../contract/surveys.js';
import {
  surveyFileBody,
  surveyFileMultipart,
  surveyImportPreviewResponse,
  surveyImportResponse,
} from '../../contract/survey-import.js';

/** The file from a JSON body (base64) or a multipart upload (field "file", optional field "title"). */
async function readSurveyFile(request: FastifyRequest): Promise<SurveyFileInput & { title?: string }> {
  if (request.isMultipart()) {
    let file: SurveyFileInput | undefined;
    let title: string | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { filename: part.filename, bytes: await part.toBuffer() };
      else if (part.fieldname === 'title' && String(part.value).trim()) title = String(part.value).trim();
    }
    if (!file) throw new PanoramaError('import_no_file');
    return { ...file, ...(title ? { title } : {}) };
  }
  const body = parseOr400(surveyFileBody, request.body, 'body');
  return {
    filename: body.filename,
    bytes: Buffer.from(body.content, 'base64'),
    ...(body.title ? { title: body.title } : {}),
  };
}

/** Parses and checks an uploaded definition; 422 naming the question, or the JSON line/column. */
export function checkDefinition(definition: string | Record<string, unknown>): {
  json: unknown;
  model: SurveyModel;
} {
  try {
    const json = typeof definition === 'string' ? parseJsonText(definition, 'questionnaire') : definition;
    return { json, model: buildSurveyModel(json, 'questionnaire') };
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      const { line, column } = err;
      throw new PanoramaError('invalid_definition', { line, column }).with([
        { path: '', line, column, code: err.code, params: err.params, message: err.message },
      ]);
    }
    if (err instanceof SurveyDefinitionError) {
      const reserved = err.problems.find((p) => p.code === 'reserved_question_name');
      if (reserved) {
        throw new PanoramaError('reserved_question_name', {
          name: reserved.question ?? '',
          path: reserved.path,
        }).with(err.problems);
      }
      const [first] = err.problems;
      if (first)
        throw new PanoramaError('invalid_definition', { count: err.problems.length, first }).with(
          err.problems,
        );
    }
    throw err;
  }
}

async function surveyDetail(ctx: ServerContext, survey: Survey) {
  const versions = await ctx.store.surveys.listVersions(survey.id);
  const latest = versions.find((v) => v.id === survey.latestVersionId) ?? versions[versions.length - 1]!;
  return {
    ...surveySummary(survey, modelOfVersion(latest)),
    definition: latest.definition,
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt })),
  };
}

function surveySummary(survey: Survey, model: SurveyModel) {
  return {
    id: survey.id,
    title: survey.title,
    version: survey.latestVersion,
    versionId: survey.latestVersionId,
    createdAt: survey.createdAt,
    questionCount: model.questions.length,
  };
}

export async function surveyRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  app.get(
    '/api/surveys',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'List questionnaires',
        response: { 200: surveysResponse, ...errorResponses },
      },
    },
    async () => {
      const surveys = await ctx.store.surveys.list();
      const out = [];
      for (const survey of surveys) {
        const version = await ctx.store.surveys.getVersion(survey.latestVersionId);
        if (version) out.push(surveySummary(survey, modelOfVersion(version)));
      }
      return { surveys: out };
    },
  );

  app.post(
    '/api/surveys',
    {
      schema: {
        tags,
        summary: 'Upload a SurveyJS definition',
        body: definitionBody,
        response: { 201: surveyResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const { definition } = request.body;
      const { json, model } = checkDefinition(definition);
      const title = model.title.trim() || 'Questionnaire sans titre';
      const { survey } = await ctx.store.surveys.create({ title, definition: json });
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'survey.create',
        target: survey.id,
        details: { title },
      });
      reply.status(201);
      return { survey: await surveyDetail(ctx, survey) };
    },
  );

  app.get(
    '/api/surveys/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'One questionnaire',
        params: idParams,
        response: { 200: surveyResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const survey = found(await ctx.store.surveys.get(id), 'Questionnaire');
      return { survey: await surveyDetail(ctx, survey) };
    },
  );

  app.post(
    '/api/surveys/:id/versions',
    {
      schema: {
        tags,
        summary: 'Add a version (campaigns keep theirs)',
        params: idParams,
        body: definitionBody,
        response: { 201: surveyResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { definition } = request.body;
      const existing = found(await ctx.store.surveys.get(id), 'Questionnaire');
      const { json, model } = checkDefinition(definition);
      const version = await ctx.store.surveys.addVersion(id, json);
      if (model.title.trim() && model.title.trim() !== existing.title)
        await ctx.store.surveys.rename(id, model.title.trim());
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'survey.version',
        target: id,
        details: { version: version.version },
      });
      reply.status(201);
      return { survey: await surveyDetail(ctx, (await ctx.store.surveys.get(id))!) };
    },
  );

  // The file comes as JSON (base64, validated by the contract) or as a multipart upload, read by
  // readSurveyFile; both are described in the OpenAPI document.
  const importSchema = {
    tags,
    body: {
      content: {
        'application/json': { schema: surveyFileBody },
        'multipart/form-data': { schema: surveyFileMultipart },
      },
    },
  };
  app.post(
    '/api/surveys/import/preview',
    {
      schema: {
        ...importSchema,
        summary:
          'Convert a questionnaire file (SurveyJS .json, LimeSurvey .lss/.lsa, XLSForm .xlsx) and report what could not be converted; nothing is stored',
        response: { 200: surveyImportPreviewResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { report, definition } = await convertSurveyFile(
        await readSurveyFile(request),
        pickLang(request.headers['accept-language']),
      );
      return { report, definition };
    },
  );

  app.post(
    '/api/surveys/import',
    {
      schema: {
        ...importSchema,
        summary: 'Import a questionnaire file as a new questionnaire, with its conversion report',
        response: { 201: surveyImportResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const file = await readSurveyFile(request);
      const { survey, report } = await importSurveyFile(
        ctx,
        { ...file, actor: currentUser(request).id },
        pickLang(request.headers['accept-language']),
      );
      reply.status(201);
      return { survey: await surveyDetail(ctx, survey), report };
    },
  );
}
