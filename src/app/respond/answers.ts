import {
  COMMENT_SUFFIX,
  ConditionEvaluator,
  type QuestionDef,
  type SurveyModel,
} from '../../survey/index.js';
import { problem, validateResponseData, type ValueProblem } from '../../survey/validate.js';

/** Reserved draft key: the page the respondent was on, so another device resumes there. */
export const PAGE_KEY = '__page';

/**
 * Draft autosave, checked like a submission except for required answers: every value must be one
 * the question accepts (a choice, a number, a date…) and every key a question of the survey, or
 * the draft is refused with the problems and the stored draft stays as it was. Answers to
 * questions hidden by a condition are kept: the respondent may change the branch back.
 */
export function checkDraft(
  survey: SurveyModel,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; problems: ValueProblem[] } {
  const { [PAGE_KEY]: page, ...answers } = data;
  const result = validateResponseData(survey, answers);
  const problems = [...result.problems];
  const out: Record<string, unknown> = { ...result.data };
  if (page !== undefined) {
    if (typeof page === 'number' && Number.isInteger(page) && page >= 0) out[PAGE_KEY] = page;
    else problems.push(problem(PAGE_KEY, page, 'answer_page_index', { got: JSON.stringify(page) }));
  }
  return { data: out, problems };
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * Removes answers to questions that the other answers hide (SurveyJS keeps them when a
 * respondent goes back and changes a branch). Repeated until stable, since hiding one question
 * can hide another.
 */
export function dropHiddenAnswers(
  survey: SurveyModel,
  data: Record<string, unknown>,
  evaluator: ConditionEvaluator,
) {
  const out = { ...data };
  for (let changed = true; changed;) {
    changed = false;
    for (const q of survey.questions) {
      if (q.visibleIf.length === 0) continue;
      if ((q.name in out || commentOf(q) in out) && !evaluator.isDisplayed(q, out)) {
        delete out[q.name];
        delete out[commentOf(q)];
        changed = true;
      }
    }
  }
  return out;
}

const commentOf = (q: QuestionDef) => q.name + COMMENT_SUFFIX;

/** The strict check run on submit: valid values, then required questions that are displayed. */
export function checkSubmission(
  survey: SurveyModel,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; problems: ValueProblem[] } {
  const { [PAGE_KEY]: _page, ...answers } = data;
  const evaluator = new ConditionEvaluator();
  const visible = dropHiddenAnswers(survey, answers, evaluator);
  const result = validateResponseData(survey, visible);
  const problems = [...result.problems];
  for (const q of survey.questions) {
    if (!q.required || !evaluator.isDisplayed(q, result.data)) continue;
    if (isEmpty(result.data[q.name]) && !problems.some((p) => p.question === q.name)) {
      problems.push(problem(q.name, null, 'answer_required', { question: q.name, title: q.title }));
    }
  }
  return { data: result.data, problems };
}
