import { useI18n } from '../../i18n.js';
import { kindOf, textOf, type EditorDoc, type EditorElement } from './definition.js';
import { QuestionForm } from './QuestionForm.js';

export type RowAction = 'toggle' | 'up' | 'down' | 'duplicate' | 'delete' | 'confirmDelete' | 'cancelDelete';

/**
 * One question in the outline: its title, code and type, the buttons that move, duplicate and
 * delete it (after a confirmation in place), and its settings when opened.
 */
export function QuestionRow({
  doc,
  element,
  number,
  open,
  confirming,
  first,
  last,
  onAction,
  onChange,
}: {
  doc: EditorDoc;
  element: EditorElement;
  number: number;
  open: boolean;
  confirming: boolean;
  first: boolean;
  last: boolean;
  onAction: (action: RowAction) => void;
  onChange: (json: EditorElement['json']) => void;
}) {
  const { t } = useI18n();
  const { json, key } = element;
  const kind = kindOf(json);
  const title = textOf(json.title) || json.name || t('editor.untitled');
  const id = `q-${key}`;
  return (
    <li className={`question-row${open ? ' open' : ''}`} id={id}>
      <div className="question-head">
        <button
          type="button"
          id={`${id}-toggle`}
          className="question-toggle"
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={() => onAction('toggle')}
        >
          <span className="question-number">{number}.</span> <span className="question-title">{title}</span>
          <span className="question-meta">
            <code>{json.name || '—'}</code> · {kind ? t(`editor.kind.${kind}`) : String(json.type)}
            {json.isRequired === true && <> · {t('editor.badge.required')}</>}
            {typeof json.visibleIf === 'string' && json.visibleIf && <> · {t('editor.badge.condition')}</>}
          </span>
        </button>
        <span className="question-buttons">
          <button
            type="button"
            id={`${id}-up`}
            disabled={first}
            aria-label={t('editor.action.up', { title })}
            title={t('editor.action.up', { title })}
            onClick={() => onAction('up')}
          >
            ↑
          </button>
          <button
            type="button"
            id={`${id}-down`}
            disabled={last}
            aria-label={t('editor.action.down', { title })}
            title={t('editor.action.down', { title })}
            onClick={() => onAction('down')}
          >
            ↓
          </button>
          <button
            type="button"
            id={`${id}-duplicate`}
            aria-label={t('editor.action.duplicate', { title })}
            title={t('editor.action.duplicate', { title })}
            onClick={() => onAction('duplicate')}
          >
            {t('editor.action.duplicateShort')}
          </button>
          <button
            type="button"
            id={`${id}-delete`}
            className="danger"
            aria-label={t('editor.action.delete', { title })}
            title={t('editor.action.delete', { title })}
            onClick={() => onAction('delete')}
          >
            {t('editor.action.deleteShort')}
          </button>
        </span>
      </div>
      {confirming && (
        <div
          className="notice notice-warning confirm-delete"
          role="alertdialog"
          aria-labelledby={`${id}-confirm-text`}
        >
          <p id={`${id}-confirm-text`}>{t('editor.confirmDelete', { title })}</p>
          <p className="card-actions">
            <button
              type="button"
              id={`${id}-confirm`}
              className="danger"
              onClick={() => onAction('confirmDelete')}
            >
              {t('editor.action.confirmDelete')}
            </button>
            <button type="button" onClick={() => onAction('cancelDelete')}>
              {t('editor.action.cancel')}
            </button>
          </p>
        </div>
      )}
      {open && (
        <div id={`${id}-form`}>
          <QuestionForm doc={doc} element={element} onChange={onChange} />
        </div>
      )}
    </li>
  );
}
