import type { ReportModel } from '../report/model.js';
import type { BrochureModel, StructureSheet } from '../publish/index.js';
import type { AnswersPdfInput } from '../report/render/answers-pdf.js';
import type { DocumentCover } from '../report/render/cover.js';

/**
 * The documents that cost CPU time of CPU to lay out. Each task is plain data (structured-cloned to
 * a worker thread); `runRenderTask` is the one place that maps a task to its renderer, used by the
 * worker and, for the CLI and tests, directly.
 */
export type RenderTask =
  | { kind: 'report'; format: 'html' | 'docx' | 'pdf' | 'xlsx'; model: ReportModel; cover?: DocumentCover }
  | { kind: 'brochure'; format: 'html' | 'docx' | 'pdf'; model: BrochureModel; cover?: DocumentCover }
  | { kind: 'sheet'; format: 'pdf'; sheet: StructureSheet }
  | { kind: 'answers'; format: 'pdf'; input: AnswersPdfInput };

export async function runRenderTask(task: RenderTask): Promise<Buffer> {
  switch (task.kind) {
    case 'report': {
      const { renderReport } = await import('../report/render/index.js');
      return renderReport(task.model, task.format, task.cover ? { cover: task.cover } : {});
    }
    case 'brochure':
      if (task.format === 'html') {
        const { renderBrochureHtml } = await import('../publish/index.js');
        return Buffer.from(await renderBrochureHtml(task.model, task.cover), 'utf8');
      } else if (task.format === 'pdf') {
        const { renderBrochurePdf } = await import('../publish/index.js');
        return renderBrochurePdf(task.model, task.cover);
      } else {
        const { renderBrochureDocx } = await import('../publish/index.js');
        return renderBrochureDocx(task.model, task.cover);
      }
    case 'sheet': {
      const { renderSheetPdf } = await import('../publish/index.js');
      return renderSheetPdf(task.sheet);
    }
    case 'answers': {
      const { answersPdf } = await import('../report/render/answers-pdf.js');
      return answersPdf(task.input);
    }
  }
}
