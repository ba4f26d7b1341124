import type { ResponseRecord } from '../survey/records.js';
import type { SurveyJson } from '../survey/definition-schema.js';

/**
 * What a conversion could not carry over. Every importer and exporter lists here each thing it
 * left out or changed — never drops it silently — naming the question, the feature and the reason
 * (a stable code worded in French and English by `issueText`).
 */
export type IssueCode =
  | 'question_type_unsupported'
  | 'question_type_approximated'
  | 'condition_not_converted'
  | 'setting_not_converted'
  | 'choice_comments_dropped'
  | 'translation_missing'
  | 'response_incomplete_skipped'
  | 'response_value_unknown'
  | 'response_encrypted'
  | 'tokens_without_structure'
  | 'repeat_flattened'
  | 'calculation_not_converted'
  | 'choice_list_missing'
  | 'question_renamed'
  | 'validator_not_converted';

export interface ConversionIssue {
  code: IssueCode;
  /** The question (its name in the converted survey, or the source code) the issue belongs to. */
  question?: string;
  /** The source feature: a type code, an attribute, a column, an expression kind. */
  feature: string;
  /** The source text that was not converted (an equation, a value…), when there is one. */
  detail?: string;
  /** How many times it happened (responses skipped…), when more than one. */
  count?: number;
}

/** A registry row built from a LimeSurvey participant list (written as structures.csv). */
export interface ImportedStructure {
  id: string;
  name: string;
  email?: string;
}

export interface ConversionResult {
  survey: SurveyJson;
  responses?: ResponseRecord[];
  structures?: ImportedStructure[];
  report: ConversionIssue[];
}

/** Collects issues, merging repeats of the same one into a count. */
export class IssueList {
  readonly issues: ConversionIssue[] = [];
  private readonly byKey = new Map<string, ConversionIssue>();

  add(issue: ConversionIssue): void {
    const key = [issue.code, issue.question ?? '', issue.feature, issue.detail ?? ''].join('\u0000');
    const seen = this.byKey.get(key);
    if (seen) {
      seen.count = (seen.count ?? 1) + (issue.count ?? 1);
      return;
    }
    const copy = { ...issue };
    this.byKey.set(key, copy);
    this.issues.push(copy);
  }
}
