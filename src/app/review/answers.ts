import { formatNumber } from '../../report/format.js';
import type { ChoiceValue, QuestionDef, SurveyModel } from '../../survey/index.js';

/** The answers of a response as readable French text, in survey order (unanswered: null). */
export function answerTexts(
  survey: SurveyModel,
  data: Record<string, unknown>,
): { name: string; title: string; page: string; text: string | null }[] {
  return survey.questions.map((q) => ({
    name: q.name,
    title: q.title,
    page: q.pageTitle || q.page,
    text: textOf(q, data[q.name], data[`${q.name}-Comment`]),
  }));
}

function labelOf(q: QuestionDef, value: unknown): string {
  if (q.hasOther && value === 'other') return q.otherText || 'Autre';
  if (q.hasNone && value === 'none') return q.noneText || 'Aucun';
  const choice = q.choices.find((c) => c.value === (value as ChoiceValue));
  if (choice) return choice.label;
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  return scalar(value);
}

function scalar(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value, 'fr');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function textOf(q: QuestionDef, value: unknown, comment: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const other = typeof comment === 'string' && comment.trim() ? ` (${comment.trim()})` : '';
  if (q.kind === 'multiple' && Array.isArray(value))
    return value.map((v) => labelOf(q, v)).join(', ') + other;
  if (q.kind === 'matrix' && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([row, col]) => `${q.rows.find((r) => r.value === row)?.label ?? row} : ${labelOf(q, col)}`)
      .join(' ; ');
  }
  if (q.kind === 'single' || q.kind === 'rating' || q.kind === 'boolean') return labelOf(q, value) + other;
  return scalar(value);
}
