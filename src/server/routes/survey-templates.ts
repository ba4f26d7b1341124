import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses } from '../../contract/common.js';
import {
  surveyTemplateResponse,
  surveyTemplatesResponse,
  templateParams,
} from '../../contract/survey-templates.js';
import { listSurveyTemplates, surveyTemplate } from '../../app/surveys/templates.js';

/** The questionnaire template library (admin: templates start a new questionnaire in the editor). */
export async function surveyTemplateRoutes(server: FastifyInstance, _ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  app.get(
    '/api/survey-templates',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'List the questionnaire templates',
        response: { 200: surveyTemplatesResponse, ...errorResponses },
      },
    },
    async () => ({ templates: listSurveyTemplates() }),
  );
  app.get(
    '/api/survey-templates/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'One questionnaire template, with its SurveyJS definition',
        params: templateParams,
        response: { 200: surveyTemplateResponse, ...errorResponses },
      },
    },
    async (request) => ({ template: surveyTemplate(request.params.id) }),
  );
}
