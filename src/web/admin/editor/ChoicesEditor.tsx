import { useI18n } from '../../i18n.js';
import { textOf, withText, type Json } from './definition.js';

/**
 * A list of choices (or matrix rows / columns): a code stored in the answers and a French label
 * shown to the respondent, reordered with buttons, added and removed one by one.
 */
type Choice = string | number | Json;

export function choiceValue(choice: Choice): string {
  if (choice && typeof choice === 'object') return String(choice.value ?? '');
  return String(choice);
}

export function choiceLabel(choice: Choice): string {
  if (choice && typeof choice === 'object') return textOf(choice.text) || '';
  return '';
}

function withValue(choice: Choice, text: string): Choice {
  const original = choice && typeof choice === 'object' ? choice.value : choice;
  const value = typeof original === 'number' && /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
  if (choice && typeof choice === 'object') return { ...choice, value };
  return { value };
}

function withLabel(choice: Choice, label: string): Choice {
  if (choice && typeof choice === 'object') return { ...choice, text: withText(choice.text, label) };
  return { value: choice, text: label };
}

function nextValue(choices: Choice[]): string {
  const used = new Set(choices.map(choiceValue));
  let n = choices.length + 1;
  while (used.has(String(n))) n++;
  return String(n);
}

export function ChoicesEditor({
  id,
  legend,
  choices,
  onChange,
}: {
  /** Prefix of the inputs' ids (unique on the page). */
  id: string;
  legend: string;
  choices: Choice[];
  onChange: (choices: Choice[]) => void;
}) {
  const { t } = useI18n();
  const set = (index: number, choice: Choice) => onChange(choices.map((c, i) => (i === index ? choice : c)));
  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= choices.length) return;
    const next = [...choices];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
    // The button that was pressed moves with its row: keep the focus on it.
    requestAnimationFrame(() =>
      document.getElementById(`${id}-${target}-${delta < 0 ? 'up' : 'down'}`)?.focus(),
    );
  };
  const remove = (index: number) => {
    onChange(choices.filter((_, i) => i !== index));
    requestAnimationFrame(() =>
      document
        .getElementById(choices.length > 1 ? `${id}-${Math.max(0, index - 1)}-label` : `${id}-add`)
        ?.focus(),
    );
  };
  const add = () => {
    onChange([...choices, { value: nextValue(choices), text: '' }]);
    requestAnimationFrame(() => document.getElementById(`${id}-${choices.length}-label`)?.focus());
  };
  return (
    <fieldset className="choices-editor">
      <legend>{legend}</legend>
      {choices.length > 0 && (
        <ol className="choice-list">
          {choices.map((choice, index) => {
            const label = choiceLabel(choice) || choiceValue(choice);
            return (
              <li key={index} className="choice-row">
                <span className="choice-fields">
                  <label htmlFor={`${id}-${index}-label`}>{t('editor.choice.label', { n: index + 1 })}</label>
                  <input
                    id={`${id}-${index}-label`}
                    value={choiceLabel(choice)}
                    onChange={(e) => set(index, withLabel(choice, e.target.value))}
                  />
                </span>
                <span className="choice-fields choice-code">
                  <label htmlFor={`${id}-${index}-value`}>{t('editor.choice.value')}</label>
                  <input
                    id={`${id}-${index}-value`}
                    value={choiceValue(choice)}
                    onChange={(e) => set(index, withValue(choice, e.target.value))}
                  />
                </span>
                <span className="choice-buttons">
                  <button
                    type="button"
                    id={`${id}-${index}-up`}
                    disabled={index === 0}
                    aria-label={t('editor.choice.up', { label })}
                    title={t('editor.choice.up', { label })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`${id}-${index}-down`}
                    disabled={index === choices.length - 1}
                    aria-label={t('editor.choice.down', { label })}
                    title={t('editor.choice.down', { label })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={t('editor.choice.remove', { label })}
                    title={t('editor.choice.remove', { label })}
                    onClick={() => remove(index)}
                  >
                    ×
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" id={`${id}-add`} onClick={add}>
        {t('editor.choice.add')}
      </button>
    </fieldset>
  );
}
