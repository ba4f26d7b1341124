import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import {
  QUESTION_KINDS,
  textOf,
  withText,
  type EditorDoc,
  type EditorPage,
  type QuestionKind,
} from './definition.js';
import { QuestionRow, type RowAction } from './QuestionRow.js';

/** One page (a section of the form): its title, its questions, and a way to add one. */
export function PageBlock({
  doc,
  page,
  pageIndex,
  numberOffset,
  openKey,
  confirmKey,
  onPageChange,
  onPageAction,
  onRowAction,
  onElementChange,
  onAdd,
}: {
  doc: EditorDoc;
  page: EditorPage;
  pageIndex: number;
  /** Questions on the pages before this one (numbering runs across pages). */
  numberOffset: number;
  openKey?: string;
  confirmKey?: string;
  onPageChange: (json: EditorPage['json']) => void;
  onPageAction: (action: 'up' | 'down' | 'delete' | 'confirmDelete' | 'cancelDelete') => void;
  onRowAction: (key: string, action: RowAction) => void;
  onElementChange: (key: string, json: EditorPage['elements'][number]['json']) => void;
  onAdd: (kind: QuestionKind) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<QuestionKind>('radiogroup');
  const id = `page-${page.key}`;
  const label = textOf(page.json.title) || t('editor.page.untitled', { n: pageIndex + 1 });
  const allElements = doc.pages.flatMap((p) => p.elements);
  return (
    <section className="panel page-block" aria-labelledby={`${id}-heading`}>
      <div className="page-block-head">
        <h2 id={`${id}-heading`}>{t('editor.page.heading', { n: pageIndex + 1, title: label })}</h2>
        <span className="question-buttons">
          <button
            type="button"
            id={`${id}-up`}
            disabled={pageIndex === 0}
            aria-label={t('editor.page.up', { title: label })}
            title={t('editor.page.up', { title: label })}
            onClick={() => onPageAction('up')}
          >
            ↑
          </button>
          <button
            type="button"
            id={`${id}-down`}
            disabled={pageIndex === doc.pages.length - 1}
            aria-label={t('editor.page.down', { title: label })}
            title={t('editor.page.down', { title: label })}
            onClick={() => onPageAction('down')}
          >
            ↓
          </button>
          <button
            type="button"
            id={`${id}-delete`}
            className="danger"
            disabled={doc.pages.length === 1}
            aria-label={t('editor.page.delete', { title: label })}
            title={t('editor.page.delete', { title: label })}
            onClick={() => onPageAction('delete')}
          >
            {t('editor.action.deleteShort')}
          </button>
        </span>
      </div>
      {confirmKey === page.key && (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby={`${id}-confirm-text`}>
          <p id={`${id}-confirm-text`}>
            {t('editor.page.confirmDelete', { title: label, n: page.elements.length })}
          </p>
          <p className="card-actions">
            <button
              type="button"
              id={`${id}-confirm`}
              className="danger"
              onClick={() => onPageAction('confirmDelete')}
            >
              {t('editor.action.confirmDelete')}
            </button>
            <button type="button" onClick={() => onPageAction('cancelDelete')}>
              {t('editor.action.cancel')}
            </button>
          </p>
        </div>
      )}
      <div className="form-row">
        <label htmlFor={`${id}-title`}>{t('editor.page.title')}</label>
        <input
          id={`${id}-title`}
          value={textOf(page.json.title)}
          onChange={(e) => onPageChange({ ...page.json, title: withText(page.json.title, e.target.value) })}
        />
      </div>
      {page.elements.length === 0 ? (
        <p className="muted">{t('editor.page.empty')}</p>
      ) : (
        <ol className="question-list" aria-label={t('editor.page.questions', { title: label })}>
          {page.elements.map((element, index) => {
            const overall = allElements.indexOf(element);
            return (
              <QuestionRow
                key={element.key}
                doc={doc}
                element={element}
                number={numberOffset + index + 1}
                open={openKey === element.key}
                confirming={confirmKey === element.key}
                first={overall === 0}
                last={overall === allElements.length - 1}
                onAction={(action) => onRowAction(element.key, action)}
                onChange={(json) => onElementChange(element.key, json)}
              />
            );
          })}
        </ol>
      )}
      <div className="add-question">
        <span className="form-row">
          <label htmlFor={`${id}-kind`}>{t('editor.add.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as QuestionKind)}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`editor.kind.${k}`)}
              </option>
            ))}
          </select>
        </span>
        <button type="button" id={`${id}-add`} onClick={() => onAdd(kind)}>
          {t('editor.add.button')}
        </button>
      </div>
    </section>
  );
}
