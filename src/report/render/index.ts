import type { ReportLang, ReportModel } from '../model.js';
import type { DocumentCover } from './cover.js';

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

export interface RenderOptions {
  /**
   * The model's labels are already translated, so the language is chosen when the model is built
   * (buildReport's `lang`); this is only a check that caller and model agree.
   */
  lang?: ReportLang;
  /** The federation on the title page (HTML, DOCX, PDF); the Panorama identity when absent. */
  cover?: DocumentCover;
}

/**
 * Renders the report model; the model alone decides the content and the language. Each format's
 * libraries (ECharts, docx, exceljs, pdfmake) are loaded on first use only: together they take
 * seconds to import, and a JSON or HTML export should not pay for Word and PDF.
 */
export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<Buffer> {
  if (options.lang && options.lang !== model.lang) {
    throw new Error(
      `the report model is in "${model.lang}", not "${options.lang}": build it with lang "${options.lang}"`,
    );
  }
  switch (format) {
    case 'json':
      return Buffer.from(`${JSON.stringify(model, null, 2)}\n`, 'utf8');
    case 'html':
      return Buffer.from((await import('./html.js')).renderHtml(model, options.cover), 'utf8');
    case 'docx':
      return (await import('./docx.js')).renderDocx(model, options.cover);
    case 'xlsx':
      return (await import('./xlsx.js')).renderXlsx(model);
    case 'pdf':
      return (await import('./pdf.js')).renderPdf(model, options.cover);
    default:
      throw new Error(
        `unknown report format "${String(format)}" (expected one of ${REPORT_FORMATS.join(', ')})`,
      );
  }
}
