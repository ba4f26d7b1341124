import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  choiceKey,
  commentKey,
  ConditionEvaluator,
  NONE_VALUE,
  OTHER_VALUE,
  type QuestionDef,
  type SurveyModel,
} from '../../survey/index.js';
import { formatParis } from '../format.js';

// Same fonts as the report renderer (pdfmake's font table is process-wide): DejaVu Sans when the
// system has it, pdfmake's bundled Roboto otherwise.
const FONT = 'DejaVu Sans';
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

let configured = false;
function configure(): void {
  if (configured) return;
  const dejavu = {
    normal: join(DEJAVU, 'DejaVuSans.ttf'),
    bold: join(DEJAVU, 'DejaVuSans-Bold.ttf'),
    italics: join(DEJAVU, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(DEJAVU, 'DejaVuSans-BoldOblique.ttf'),
  };
  const roboto = join(
    dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
    'fonts',
    'Roboto',
  );
  const files = Object.values(dejavu).every(existsSync)
    ? dejavu
    : {
        normal: join(roboto, 'Roboto-Regular.ttf'),
        bold: join(roboto, 'Roboto-Medium.ttf'),
        italics: join(roboto, 'Roboto-Italic.ttf'),
        bolditalics: join(roboto, 'Roboto-MediumItalic.ttf'),
      };
  const allowed = new Set(Object.values(files));
  pdfmake.setFonts({ [FONT]: files, 'sans-serif': files, Roboto: files });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => allowed.has(path));
  configured = true;
}

function labelOf(q: QuestionDef, value: unknown, data: Record<string, unknown>): string {
  if (value === OTHER_VALUE && q.hasOther) {
    const text = data[commentKey(q.name)];
    return typeof text === 'string' && text.trim() ? `${q.otherText} : ${text}` : q.otherText;
  }
  if (value === NONE_VALUE && q.hasNone) return q.noneText;
  const choice = q.choices.find((c) => choiceKey(c.value) === choiceKey(value as string | number | boolean));
  return choice?.label ?? String(value);
}

/** The answer as a reader expects it: choice labels, "Oui/Non", matrix rows, plain values. */
export function answerText(q: QuestionDef, data: Record<string, unknown>): string | undefined {
  const value = data[q.name];
  if (value === undefined || value === null || value === '') return undefined;
  switch (q.kind) {
    case 'single':
    case 'rating':
      return labelOf(q, value, data);
    case 'multiple':
      return Array.isArray(value) ? value.map((v) => `• ${labelOf(q, v, data)}`).join('\n') : String(value);
    case 'boolean':
      return value === true ? 'Oui' : value === false ? 'Non' : labelOf(q, value, data);
    case 'matrix': {
      if (typeof value !== 'object') return String(value);
      const cells = value as Record<string, unknown>;
      return q.rows
        .filter((r) => cells[choiceKey(r.value)] !== undefined)
        .map((r) => `${r.label} : ${labelOf(q, cells[choiceKey(r.value)], data)}`)
        .join('\n');
    }
    case 'number':
      // No digit grouping below 10 000, so that years read "1977", not "1 977".
      return typeof value === 'number'
        ? value.toLocaleString('fr-FR', { useGrouping: Math.abs(value) >= 10000, maximumFractionDigits: 6 })
        : String(value);
    default:
      return String(value);
  }
}

/** Everything the printable copy shows: plain data, so it can be sent to a render worker. */
export interface AnswersPdfInput {
  survey: SurveyModel;
  campaignName: string;
  structureName: string | null;
  data: Record<string, unknown>;
  submittedAt: string | null;
  revision: number;
}

/** Renders on the calling thread: the server goes through its render pool (src/runtime). */
export async function answersPdf(input: AnswersPdfInput): Promise<Buffer> {
  configure();
  const { survey, data } = input;
  const evaluator = new ConditionEvaluator();
  const content: Content[] = [
    { text: input.campaignName, style: 'title' },
    { text: survey.title, style: 'subtitle' },
    {
      text: [
        input.structureName ? `Structure : ${input.structureName}\n` : '',
        input.submittedAt
          ? `Réponses envoyées le ${formatParis(input.submittedAt)} (version ${input.revision})`
          : 'Réponses non encore envoyées (brouillon)',
      ].join(''),
      style: 'meta',
    },
  ];
  for (const page of survey.pages) {
    const blocks: Content[] = [];
    for (const name of page.questions) {
      const q = survey.byName.get(name);
      if (!q || !evaluator.isDisplayed(q, data)) continue;
      blocks.push({ text: q.title, style: 'question' });
      blocks.push({
        text: answerText(q, data) ?? 'Sans réponse',
        style: answerText(q, data) ? 'answer' : 'empty',
      });
    }
    if (blocks.length === 0) continue;
    if (page.title) content.push({ text: page.title, style: 'page' });
    content.push(...blocks);
  }
  const doc: TDocumentDefinitions = {
    info: { title: `${input.campaignName} – copie des réponses` },
    pageSize: 'A4',
    pageMargins: [45, 50, 45, 50],
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.2 },
    content,
    footer: (current, total) => ({
      text: `${current} / ${total}`,
      alignment: 'center',
      fontSize: 8,
      color: '#6b7380',
    }),
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 13, margin: [0, 0, 0, 8] },
      meta: { fontSize: 9, color: '#444', margin: [0, 0, 0, 12] },
      page: { fontSize: 13, bold: true, color: '#1f4e79', margin: [0, 12, 0, 4] },
      question: { bold: true, margin: [0, 8, 0, 2] },
      answer: { margin: [10, 0, 0, 0] },
      empty: { italics: true, color: '#6b7380', margin: [10, 0, 0, 0] },
    },
  };
  return pdfmake.createPdf(doc).getBuffer();
}
