import { PanoramaError } from '../../contract/errors/index.js';
import type { ChoiceJson, ElementJson, PageJson, SurveyJson } from '../../survey/definition-schema.js';
import { isReservedKey } from '../../survey/reserved.js';
import { IssueList, type ConversionResult } from '../issues.js';
import { dropDanglingReferences } from '../references.js';
import { UnconvertibleExpression, xlsformToSurveyJs, type ExpressionContext } from './expressions.js';
import { readFormWorkbook, type FormSheet } from './workbook.js';
import { SURVEYJS_COLUMN, TextColumns } from './texts.js';

type Cells = Record<string, string>;
type Container = { elements: ElementJson[] };

/** Metadata types: recorded by the phone, never asked. */
const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'imei',
  'username',
  'simserial',
  'subscriberid',
  'phonenumber',
  'email',
  'audit',
  'start-geopoint',
  'background-audio',
]);
const YES = new Set(['yes', 'true', 'true()', '1', 'y', 'oui']);

/** An XLSForm workbook (survey / choices / settings sheets) as a SurveyJS questionnaire. */
export async function importXlsform(bytes: Uint8Array, file: string): Promise<ConversionResult> {
  const sheets = await readFormWorkbook(bytes, file);
  const survey = sheets.get('survey');
  if (!survey) throw new PanoramaError('xlsform_sheet_missing', { file, sheet: 'survey' });
  for (const column of ['type', 'name']) {
    if (!survey.header.includes(column))
      throw new PanoramaError('xlsform_column_missing', { file, sheet: survey.name, column });
  }
  const settings = sheets.get('settings')?.rows[0]?.cells ?? {};
  const texts = new TextColumns([survey, sheets.get('choices')], settings.default_language);
  const issues = new IssueList();
  const out = new FormBuilder(survey, sheets.get('choices'), texts, issues, settings).build();
  dropDanglingReferences(out, issues);
  return { survey: out, report: issues.issues };
}

class FormBuilder {
  private readonly lists = new Map<string, ChoiceJson[]>();
  private readonly multiple = new Set<string>();
  private readonly names = new Set<string>();
  private readonly pages: PageJson[] = [];
  private readonly stack: { container: Container; kind: 'group' | 'repeat' }[] = [];
  private loose: PageJson | undefined;

  constructor(
    private readonly survey: FormSheet,
    choices: FormSheet | undefined,
    private readonly texts: TextColumns,
    private readonly issues: IssueList,
    private readonly settings: Cells,
  ) {
    for (const { line, cells } of choices?.rows ?? []) {
      const list = cells.list_name;
      const name = cells.name;
      if (!list || !name) {
        issues.add({
          code: 'setting_not_converted',
          feature: `choices, row ${line}`,
          detail: 'row without list_name or name',
        });
        continue;
      }
      const label = texts.text(cells, 'label');
      const choice: ChoiceJson = label !== undefined ? { value: name, text: label } : name;
      this.lists.set(list, [...(this.lists.get(list) ?? []), choice]);
    }
    for (const { cells } of survey.rows) {
      if (/^select[_ ]multiple/.test(typeType(cells.type))) this.multiple.add(cells.name ?? '');
    }
  }

  build(): SurveyJson {
    for (const { line, cells } of this.survey.rows) this.row(line, cells);
    const out: SurveyJson = { pages: this.pages };
    const title = this.settings.form_title ?? this.settings.title;
    if (title) out.title = title;
    if (this.texts.main && this.texts.main !== 'default') out.locale = this.texts.main;
    return out;
  }

  private row(line: number, cells: Cells): void {
    const type = typeType(cells.type);
    const name = cells.name ?? '';
    if (!type) return;
    if (type === 'end group' || type === 'end_group' || type === 'end repeat' || type === 'end_repeat') {
      this.stack.pop();
      return;
    }
    if (
      type === 'begin group' ||
      type === 'begin_group' ||
      type === 'begin repeat' ||
      type === 'begin_repeat'
    ) {
      const repeat = type.includes('repeat');
      if (repeat) this.issues.add({ code: 'repeat_flattened', question: name, feature: 'begin repeat' });
      this.openGroup(name || `group${line}`, cells, repeat ? 'repeat' : 'group');
      return;
    }
    if (METADATA.has(type)) {
      this.issues.add({ code: 'setting_not_converted', question: name, feature: `type ${type} (metadata)` });
      return;
    }
    if (type === 'calculate') {
      this.issues.add({
        code: 'calculation_not_converted',
        question: name,
        feature: 'calculate',
        detail: cells.calculation,
      });
      return;
    }
    const element = this.question(type, name, cells);
    if (element) this.place(element);
  }

  private openGroup(name: string, cells: Cells, kind: 'group' | 'repeat'): void {
    const title = this.texts.text(cells, 'label');
    const extra = surveyJsExtra(cells, this.issues, name);
    if (extra?.type === 'matrix') {
      // A matrix exported by Panorama: its rows were written as questions for other tools.
      const matrix = { name, ...(title !== undefined ? { title } : {}), ...extra } as ElementJson;
      this.withCommon(matrix, cells);
      this.place(matrix);
      this.stack.push({ container: { elements: [] }, kind });
      return;
    }
    if (this.stack.length === 0) {
      const page: PageJson = { name: this.unique(name), elements: [] };
      if (title !== undefined) page.title = title;
      const description = this.texts.text(cells, 'hint');
      if (description !== undefined) page.description = description;
      this.condition(page as ElementJson, cells);
      this.pages.push(page);
      this.loose = undefined;
      this.stack.push({ container: page, kind });
      return;
    }
    const panel: ElementJson = { type: 'panel', name: this.unique(name), elements: [] };
    if (title !== undefined) panel.title = title;
    this.condition(panel, cells);
    this.place(panel);
    this.stack.push({ container: panel as Container, kind });
  }

  private place(element: ElementJson): void {
    const top = this.stack[this.stack.length - 1];
    if (top) {
      top.container.elements.push(element);
      return;
    }
    if (!this.loose) {
      this.loose = { name: this.unique(`page${this.pages.length + 1}`), elements: [] };
      this.pages.push(this.loose);
    }
    this.loose.elements.push(element);
  }

  private question(type: string, rawName: string, cells: Cells): ElementJson | undefined {
    const name = this.unique(rawName || 'question');
    const select = /^select[_ ](one|multiple)(?:[_ ]from)?\s+(\S+)(\s+or_other)?$/.exec(type);
    let element: ElementJson;
    if (select) {
      const list = this.lists.get(select[2]!);
      if (!list) {
        this.issues.add({ code: 'choice_list_missing', question: name, feature: type, detail: select[2] });
        return undefined;
      }
      const minimal = /minimal/.test(cells.appearance ?? '');
      element = {
        type: select[1] === 'multiple' ? 'checkbox' : minimal ? 'dropdown' : 'radiogroup',
        name,
        choices: list,
      };
      if (select[3]) element.showOtherItem = true;
      if (cells.choice_filter)
        this.issues.add({
          code: 'setting_not_converted',
          question: name,
          feature: 'choice_filter',
          detail: cells.choice_filter,
        });
    } else {
      const base = type.split(/\s+/)[0]!;
      const made = simpleElement(base, name, cells);
      if (!made) {
        this.issues.add({ code: 'question_type_unsupported', question: name, feature: `type ${type}` });
        return undefined;
      }
      if (made.approximated)
        this.issues.add({
          code: 'question_type_approximated',
          question: name,
          feature: `type ${base}`,
          detail: made.approximated,
        });
      element = made.element;
    }
    if (rawName && name !== rawName)
      this.issues.add({ code: 'question_renamed', question: name, feature: 'name', detail: rawName });
    const label = this.texts.text(cells, 'label');
    if (label !== undefined) element[type === 'note' ? 'html' : 'title'] = label;
    const hint = this.texts.text(cells, 'hint');
    if (hint !== undefined && type !== 'note') element.description = hint;
    this.withCommon(element, cells);
    const extra = surveyJsExtra(cells, this.issues, name);
    if (extra) Object.assign(element, extra);
    return element;
  }

  private withCommon(element: ElementJson, cells: Cells): void {
    const name = element.name;
    if (cells.required && YES.has(cells.required.toLowerCase())) element.isRequired = true;
    else if (cells.required && !['no', 'false', 'false()', '0'].includes(cells.required.toLowerCase()))
      this.issues.add({
        code: 'setting_not_converted',
        question: name,
        feature: 'required',
        detail: cells.required,
      });
    const requiredText = this.texts.text(cells, 'required_message');
    if (requiredText !== undefined) element.requiredErrorText = requiredText;
    if (cells.read_only && YES.has(cells.read_only.toLowerCase())) element.readOnly = true;
    if (cells.default !== undefined) element.defaultValue = cells.default;
    this.condition(element, cells);
    if (cells.constraint) {
      const message = this.texts.text(cells, 'constraint_message');
      const validator = constraintValidator(cells.constraint, this.context(name));
      if (validator)
        element.validators = [
          ...((element.validators as unknown[]) ?? []),
          { ...validator, ...(message !== undefined ? { text: message } : {}) },
        ];
      else
        this.issues.add({
          code: 'validator_not_converted',
          question: name,
          feature: 'constraint',
          detail: cells.constraint,
        });
    }
    const appearance = cells.appearance?.trim();
    if (appearance && !['minimal', 'multiline', 'field-list'].includes(appearance))
      this.issues.add({
        code: 'setting_not_converted',
        question: name,
        feature: 'appearance',
        detail: appearance,
      });
    for (const column of ['repeat_count', 'trigger']) {
      if (cells[column])
        this.issues.add({
          code: 'setting_not_converted',
          question: name,
          feature: column,
          detail: cells[column],
        });
    }
  }

  private condition(element: ElementJson, cells: Cells): void {
    if (!cells.relevant) return;
    try {
      element.visibleIf = xlsformToSurveyJs(cells.relevant, this.context(element.name));
    } catch (err) {
      if (!(err instanceof UnconvertibleExpression)) throw err;
      this.issues.add({
        code: 'condition_not_converted',
        question: element.name,
        feature: `relevant: ${err.message}`,
        detail: cells.relevant,
      });
    }
  }

  private context(self: string): ExpressionContext {
    return { self, isMultiple: (name) => this.multiple.has(name) };
  }

  private unique(name: string): string {
    let candidate = isReservedKey(name) ? `${name}_q` : name;
    for (let n = 2; this.names.has(candidate); n++) candidate = `${name}_${n}`;
    this.names.add(candidate);
    return candidate;
  }
}

function typeType(raw: string | undefined): string {
  return (raw ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

function simpleElement(
  type: string,
  name: string,
  cells: Cells,
): { element: ElementJson; approximated?: string } | undefined {
  const multiline = /multiline/.test(cells.appearance ?? '');
  switch (type) {
    case 'text':
    case 'string':
      return { element: multiline ? { type: 'comment', name } : { type: 'text', name } };
    case 'integer':
    case 'int':
      return { element: { type: 'text', name, inputType: 'number', step: 1 } };
    case 'decimal':
      return { element: { type: 'text', name, inputType: 'number' } };
    case 'date':
      return { element: { type: 'text', name, inputType: 'date' } };
    case 'datetime':
    case 'dateTime':
      return { element: { type: 'text', name, inputType: 'datetime-local' } };
    case 'time':
      return { element: { type: 'text', name, inputType: 'time' } };
    case 'note':
      return { element: { type: 'html', name } };
    case 'acknowledge':
      return { element: { type: 'boolean', name }, approximated: 'a yes/no question' };
    case 'range': {
      const params = parameters(cells.parameters);
      return {
        element: {
          type: 'rating',
          name,
          rateMin: Number(params.start ?? 1),
          rateMax: Number(params.end ?? 10),
          rateStep: Number(params.step ?? 1),
        },
      };
    }
    default:
      return undefined;
  }
}

function parameters(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(/[\s;,]+/)) {
    const [key, value] = part.split('=');
    if (key && value) out[key.trim()] = value.trim();
  }
  return out;
}

/** `regex(., 'p')` becomes a regex validator; any other constraint an expression validator. */
function constraintValidator(
  constraint: string,
  ctx: ExpressionContext,
): Record<string, unknown> | undefined {
  const regex = /^\s*regex\(\s*\.\s*,\s*(['"])(.*)\1\s*\)\s*$/.exec(constraint);
  if (regex) return { type: 'regex', regex: regex[2] };
  try {
    return { type: 'expression', expression: xlsformToSurveyJs(constraint, ctx) };
  } catch (err) {
    if (err instanceof UnconvertibleExpression) return undefined;
    throw err;
  }
}

/** The `surveyjs` column written by Panorama's export: properties XLSForm cannot say. */
function surveyJsExtra(
  cells: Cells,
  issues: IssueList,
  question: string,
): Record<string, unknown> | undefined {
  const text = cells[SURVEYJS_COLUMN];
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  issues.add({
    code: 'setting_not_converted',
    question,
    feature: SURVEYJS_COLUMN,
    detail: text.slice(0, 80),
  });
  return undefined;
}
