import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser } from '../access.js';
import { parseOr400 } from '../openapi.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { pickLang } from '../../contract/lang.js';
import { importRegistry, previewRegistryImport, type RegistryFileInput } from '../../app/registry/import.js';
import { errorResponses } from '../../contract/common.js';
import { importBody, importPreviewResponse, importResultResponse } from '../../contract/structures.js';

const TRUE = new Set(['true', '1', 'on', 'oui']);

/** The file from a JSON body (base64) or a multipart upload (field "file", optional field "clearEmpty"). */
async function readUpload(request: FastifyRequest): Promise<RegistryFileInput> {
  if (request.isMultipart()) {
    let file: { filename: string; bytes: Buffer } | undefined;
    let clearEmpty = false;
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { filename: part.filename, bytes: await part.toBuffer() };
      else if (part.fieldname === 'clearEmpty') clearEmpty = TRUE.has(String(part.value).toLowerCase());
    }
    if (!file) throw new PanoramaError('registry_no_file');
    return { ...file, clearEmpty };
  }
  const body = parseOr400(importBody, request.body, 'body');
  return {
    filename: body.filename,
    bytes: Buffer.from(body.content, 'base64'),
    clearEmpty: body.clearEmpty ?? false,
  };
}

export async function importRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const tags = ['registry'];
  const schema = { tags, consumes: ['application/json', 'multipart/form-data'] };
  app.post(
    '/api/structures/import/preview',
    {
      schema: {
        ...schema,
        summary: 'Check a registry file (CSV/XLSX) and list, per structure, each field it would change',
        response: { 200: importPreviewResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request) =>
      previewRegistryImport(ctx, await readUpload(request), pickLang(request.headers['accept-language'])),
  );

  app.post(
    '/api/structures/import',
    {
      schema: {
        ...schema,
        summary: 'Import a registry file: all rows or nothing; absent columns and empty cells change nothing',
        response: { 200: importResultResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request) =>
      importRegistry(
        ctx,
        { ...(await readUpload(request)), actor: currentUser(request).id },
        pickLang(request.headers['accept-language']),
      ),
  );
}
