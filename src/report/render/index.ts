import type { ReportModel } from '../model.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export const REPORT_FORMATS = ['json', 'html', 'docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function contentTypeOf(format: ReportFormat): string {
  return CONTENT_TYPES[format];
}

export function fileExtensionOf(format: ReportFormat): string {
  return `.${format}`;
}

/** Options reserved for later (paper size, logo…); the report language comes from the model. */
export type RenderOptions = Record<string, never>;

/** Renders the report model; the model alone decides the content and the language. */
export async function renderReport(model: ReportModel, format: ReportFormat, _options: RenderOptions = {}): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(`${JSON.stringify(model, null, 2)}\n`, 'utf8');
    case 'html':
      return Buffer.from(renderHtml(model), 'utf8');
    case 'docx':
      return renderDocx(model);
    case 'xlsx':
      return renderXlsx(model);
    case 'pdf':
      return renderPdf(model);
  }
}

export { renderDocx, renderHtml, renderPdf, renderXlsx };
