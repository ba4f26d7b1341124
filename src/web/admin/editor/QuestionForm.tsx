import { useI18n } from '../../i18n.js';
import { ChoicesEditor } from './ChoicesEditor.js';
import { ConditionEditor } from './ConditionEditor.js';
import {
  changeKind,
  CHOICE_KINDS,
  kindOf,
  QUESTION_KINDS,
  textOf,
  withText,
  type EditorDoc,
  type EditorElement,
  type Json,
  type QuestionKind,
} from './definition.js';

type ElementJson = EditorElement['json'];

/** Sets or removes one property (an empty value removes it, so the JSON stays as lean as SurveyJS writes it). */
function withProperty(json: ElementJson, key: string, value: unknown): ElementJson {
  const next = { ...json };
  if (value === undefined || value === '' || value === false) delete next[key];
  else next[key] = value;
  return next;
}

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

function NumberField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <span className="form-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => onChange(numberOrUndefined(e.target.value))}
      />
    </span>
  );
}

function TextField({
  id,
  label,
  value,
  onChange,
  help,
}: {
  id: string;
  label: string;
  value: unknown;
  onChange: (text: string) => void;
  help?: string;
}) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={textOf(value)}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {help && (
        <p id={`${id}-help`} className="muted small">
          {help}
        </p>
      )}
    </div>
  );
}

/** The settings of one question, shown when its row is opened. */
export function QuestionForm({
  doc,
  element,
  onChange,
}: {
  doc: EditorDoc;
  element: EditorElement;
  onChange: (json: ElementJson) => void;
}) {
  const { t } = useI18n();
  const { json, key } = element;
  const id = `q-${key}`;
  const kind = kindOf(json);
  const set = (property: string, value: unknown) => onChange(withProperty(json, property, value));
  const setText = (property: string, text: string) =>
    set(
      property,
      text === '' && typeof json[property] !== 'object' ? undefined : withText(json[property], text),
    );

  if (!kind) {
    return (
      <div className="question-form">
        <p className="muted">{t('editor.unknownType', { type: String(json.type) })}</p>
      </div>
    );
  }

  return (
    <div className="question-form">
      <div className="form-grid">
        <div className="form-row">
          <label htmlFor={`${id}-kind`}>{t('editor.field.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => onChange(changeKind(json, e.target.value as QuestionKind))}
          >
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`editor.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={`${id}-name`}
          label={t('editor.field.name')}
          value={json.name}
          help={t('editor.field.nameHelp')}
          onChange={(text) => onChange({ ...json, name: text.trim() })}
        />
      </div>
      <TextField
        id={`${id}-title`}
        label={t('editor.field.title')}
        value={json.title}
        onChange={(text) => setText('title', text)}
      />
      <TextField
        id={`${id}-description`}
        label={t('editor.field.description')}
        value={json.description}
        onChange={(text) => setText('description', text)}
      />
      <div className="form-row checkbox-row">
        <input
          id={`${id}-required`}
          type="checkbox"
          checked={json.isRequired === true}
          onChange={(e) => set('isRequired', e.target.checked)}
        />
        <label htmlFor={`${id}-required`}>{t('editor.field.required')}</label>
      </div>

      {CHOICE_KINDS.has(kind) && (
        <>
          <ChoicesEditor
            id={`${id}-choices`}
            legend={t('editor.field.choices')}
            choices={Array.isArray(json.choices) ? (json.choices as Json[]) : []}
            onChange={(choices) => onChange({ ...json, choices })}
          />
          <div className="form-row checkbox-row">
            <input
              id={`${id}-other`}
              type="checkbox"
              checked={json.showOtherItem === true || json.hasOther === true}
              onChange={(e) => {
                const next = withProperty(
                  withProperty(json, 'hasOther', undefined),
                  'showOtherItem',
                  e.target.checked,
                );
                onChange(e.target.checked ? next : withProperty(next, 'otherText', undefined));
              }}
            />
            <label htmlFor={`${id}-other`}>{t('editor.field.other')}</label>
          </div>
          {(json.showOtherItem === true || json.hasOther === true) && (
            <TextField
              id={`${id}-otherText`}
              label={t('editor.field.otherText')}
              value={json.otherText ?? ''}
              onChange={(text) => setText('otherText', text)}
            />
          )}
        </>
      )}

      {(kind === 'number' || kind === 'year') && (
        <div className="form-grid">
          <NumberField
            id={`${id}-min`}
            label={t('editor.field.min')}
            value={json.min}
            onChange={(v) => set('min', v)}
          />
          <NumberField
            id={`${id}-max`}
            label={t('editor.field.max')}
            value={json.max}
            onChange={(v) => set('max', v)}
          />
        </div>
      )}

      {kind === 'rating' && (
        <>
          <div className="form-grid">
            <NumberField
              id={`${id}-rateMin`}
              label={t('editor.field.rateMin')}
              value={json.rateMin ?? 1}
              onChange={(v) => set('rateMin', v)}
            />
            <NumberField
              id={`${id}-rateMax`}
              label={t('editor.field.rateMax')}
              value={json.rateMax ?? 5}
              onChange={(v) => set('rateMax', v)}
            />
          </div>
          <div className="form-grid">
            <TextField
              id={`${id}-minRate`}
              label={t('editor.field.minRateDescription')}
              value={json.minRateDescription ?? ''}
              onChange={(text) => setText('minRateDescription', text)}
            />
            <TextField
              id={`${id}-maxRate`}
              label={t('editor.field.maxRateDescription')}
              value={json.maxRateDescription ?? ''}
              onChange={(text) => setText('maxRateDescription', text)}
            />
          </div>
        </>
      )}

      {kind === 'boolean' && (
        <div className="form-grid">
          <TextField
            id={`${id}-labelTrue`}
            label={t('editor.field.labelTrue')}
            value={json.labelTrue ?? ''}
            onChange={(text) => setText('labelTrue', text)}
          />
          <TextField
            id={`${id}-labelFalse`}
            label={t('editor.field.labelFalse')}
            value={json.labelFalse ?? ''}
            onChange={(text) => setText('labelFalse', text)}
          />
        </div>
      )}

      {kind === 'matrix' && (
        <>
          <ChoicesEditor
            id={`${id}-rows`}
            legend={t('editor.field.rows')}
            choices={Array.isArray(json.rows) ? (json.rows as Json[]) : []}
            onChange={(rows) => onChange({ ...json, rows })}
          />
          <ChoicesEditor
            id={`${id}-columns`}
            legend={t('editor.field.columns')}
            choices={Array.isArray(json.columns) ? (json.columns as Json[]) : []}
            onChange={(columns) => onChange({ ...json, columns })}
          />
        </>
      )}

      <ConditionEditor
        id={`${id}-condition`}
        doc={doc}
        element={json}
        onChange={(visibleIf) => set('visibleIf', visibleIf)}
      />
    </div>
  );
}
