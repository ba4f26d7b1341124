import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { choiceLabel, choiceValue } from './ChoicesEditor.js';
import {
  inspectExpression,
  OPERATORS,
  parseCondition,
  takesValue,
  writeCondition,
  type ConditionValue,
  type Operator,
  type SimpleCondition,
} from './conditions.js';
import { kindOf, textOf, type EditorDoc, type Json } from './definition.js';

/**
 * "Show this question only if…": a question, an operator and a value chosen from lists, written as
 * a SurveyJS expression; or, for experts, the expression itself, checked as it is typed.
 */
type Mode = 'always' | 'simple' | 'raw';

interface Option {
  value: ConditionValue;
  label: string;
}

function otherQuestions(doc: EditorDoc, self: string): Json[] {
  const out: Json[] = [];
  const walk = (elements: Json[]) => {
    for (const element of elements) {
      if (element.type === 'panel' && Array.isArray(element.elements)) walk(element.elements as Json[]);
      else if (typeof element.name === 'string' && element.name && element.name !== self) out.push(element);
    }
  };
  for (const page of doc.pages) walk(page.elements.map((e) => e.json));
  return out;
}

/** The values a condition on this question can compare with, when they form a list. */
function optionsOf(question: Json | undefined, yes: string, no: string): Option[] | undefined {
  if (!question) return undefined;
  const kind = kindOf(question);
  if (kind === 'boolean')
    return [
      { value: true, label: yes },
      { value: false, label: no },
    ];
  if (kind === 'rating') {
    const options: Option[] = [];
    for (let v = Number(question.rateMin ?? 1); v <= Number(question.rateMax ?? 5); v++)
      options.push({ value: v, label: String(v) });
    return options;
  }
  if (Array.isArray(question.choices)) {
    const options = (question.choices as Json[]).map((c) => {
      const raw = c && typeof c === 'object' ? c.value : (c as unknown);
      const value = typeof raw === 'number' ? raw : choiceValue(c);
      return { value, label: choiceLabel(c) || choiceValue(c) };
    });
    if (question.showOtherItem || question.hasOther) options.push({ value: 'other', label: 'Autre' });
    return options;
  }
  return undefined;
}

export function ConditionEditor({
  id,
  doc,
  element,
  onChange,
}: {
  id: string;
  doc: EditorDoc;
  element: Json & { name: string };
  onChange: (visibleIf: string | undefined) => void;
}) {
  const { t } = useI18n();
  const expression = typeof element.visibleIf === 'string' ? element.visibleIf : '';
  const parsed = expression ? parseCondition(expression) : undefined;
  const [mode, setMode] = useState<Mode>(!expression ? 'always' : parsed ? 'simple' : 'raw');
  const questions = otherQuestions(doc, element.name);
  const condition: SimpleCondition | undefined = parsed;
  const target = questions.find((q) => q.name === condition?.question);
  const options = optionsOf(target, t('editor.yes'), t('editor.no'));

  function update(next: SimpleCondition): void {
    onChange(writeCondition(next));
  }

  function start(question: Json | undefined): SimpleCondition | undefined {
    if (!question) return undefined;
    const first = optionsOf(question, '', '')?.[0]?.value;
    return { question: String(question.name), operator: '=', value: first ?? '' };
  }

  function chooseMode(next: Mode): void {
    setMode(next);
    if (next === 'always') onChange(undefined);
    if (next === 'simple' && !parsed) {
      const initial = start(questions[0]);
      onChange(initial ? writeCondition(initial) : undefined);
    }
  }

  const check = mode === 'raw' && expression ? inspectExpression(expression) : undefined;
  const unknown = check?.variables.filter((v) => !questions.some((q) => q.name === v)) ?? [];

  return (
    <fieldset className="condition-editor">
      <legend>{t('editor.condition.legend')}</legend>
      <div className="form-row">
        <label htmlFor={`${id}-mode`}>{t('editor.condition.mode')}</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => chooseMode(e.target.value as Mode)}>
          <option value="always">{t('editor.condition.always')}</option>
          <option value="simple" disabled={questions.length === 0}>
            {t('editor.condition.simple')}
          </option>
          <option value="raw">{t('editor.condition.raw')}</option>
        </select>
      </div>
      {mode === 'simple' && condition && (
        <div className="condition-row">
          <span className="form-row">
            <label htmlFor={`${id}-question`}>{t('editor.condition.question')}</label>
            <select
              id={`${id}-question`}
              value={condition.question}
              onChange={(e) => {
                const next = start(questions.find((q) => q.name === e.target.value));
                if (next) update(next);
              }}
            >
              {!target && <option value={condition.question}>{condition.question}</option>}
              {questions.map((q) => (
                <option key={String(q.name)} value={String(q.name)}>
                  {textOf(q.title) || String(q.name)} ({String(q.name)})
                </option>
              ))}
            </select>
          </span>
          <span className="form-row">
            <label htmlFor={`${id}-operator`}>{t('editor.condition.operator')}</label>
            <select
              id={`${id}-operator`}
              value={condition.operator}
              onChange={(e) => update({ ...condition, operator: e.target.value as Operator })}
            >
              {OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {t(`editor.operator.${op}`)}
                </option>
              ))}
            </select>
          </span>
          {takesValue(condition.operator) && (
            <span className="form-row">
              <label htmlFor={`${id}-value`}>{t('editor.condition.value')}</label>
              {options ? (
                <select
                  id={`${id}-value`}
                  value={String(condition.value ?? '')}
                  onChange={(e) => {
                    const option = options.find((o) => String(o.value) === e.target.value);
                    update({ ...condition, value: option ? option.value : e.target.value });
                  }}
                >
                  {!options.some((o) => String(o.value) === String(condition.value)) && (
                    <option value={String(condition.value ?? '')}>{String(condition.value ?? '')}</option>
                  )}
                  {options.map((o) => (
                    <option key={String(o.value)} value={String(o.value)}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${id}-value`}
                  value={String(condition.value ?? '')}
                  onChange={(e) => {
                    const text = e.target.value;
                    const numeric =
                      kindOf(target ?? {})?.match(/number|year/) && /^-?\d+(\.\d+)?$/.test(text);
                    update({ ...condition, value: numeric ? Number(text) : text });
                  }}
                />
              )}
            </span>
          )}
        </div>
      )}
      {mode === 'raw' && (
        <div className="form-row">
          <label htmlFor={`${id}-raw`}>{t('editor.condition.expression')}</label>
          <input
            id={`${id}-raw`}
            className="mono"
            value={expression}
            aria-describedby={`${id}-raw-check`}
            placeholder="{q1} = 'oui'"
            onChange={(e) => onChange(e.target.value.trim() ? e.target.value : undefined)}
          />
          <p id={`${id}-raw-check`} className="small" aria-live="polite">
            {!expression
              ? t('editor.condition.rawHelp')
              : !check?.valid
                ? t('editor.condition.invalid')
                : unknown.length
                  ? t('editor.condition.unknown', { names: unknown.join(', ') })
                  : t('editor.condition.valid')}
          </p>
        </div>
      )}
    </fieldset>
  );
}
