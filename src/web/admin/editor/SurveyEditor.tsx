import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { Link } from '../../router.js';
import type { DefinitionProblem, SurveyDetail } from '../../types.js';
import { Loading } from '../common.js';
import { checkDocument, type EditorProblem } from './checks.js';
import {
  addPage,
  addQuestion,
  duplicateElement,
  fromDefinition,
  locate,
  moveElement,
  movePage,
  removeElement,
  removePage,
  textOf,
  toDefinition,
  updateElement,
  updatePage,
  withText,
  type EditorDoc,
  type Json,
} from './definition.js';
import { PageBlock } from './PageBlock.js';
import type { RowAction } from './QuestionRow.js';
import './editor.css';

const EditorPreview = lazy(() => import('./EditorPreview.js'));

interface SaveFailure {
  message: string;
  problems: DefinitionProblem[];
}

/**
 * The questionnaire editor: the outline (pages and questions, each opened to edit its settings)
 * beside a live preview drawn by the SurveyJS form library. Saving creates the questionnaire, or a
 * new version of it (campaigns keep the version they were opened with).
 */
export function SurveyEditor({
  initial,
  surveyId: initialSurveyId,
  version: initialVersion,
}: {
  initial: Json;
  surveyId?: string;
  version?: number;
}) {
  const { t } = useI18n();
  const [doc, setDoc] = useState<EditorDoc>(() => fromDefinition(initial));
  const [openKey, setOpenKey] = useState<string>();
  const [confirmKey, setConfirmKey] = useState<string>();
  const [focusId, setFocusId] = useState<string>();
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const [failure, setFailure] = useState<SaveFailure>();
  const [saved, setSaved] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [surveyId, setSurveyId] = useState(initialSurveyId);
  const [version, setVersion] = useState(initialVersion);
  const [showPreview, setShowPreview] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);
  const definition = useMemo(() => toDefinition(doc), [doc]);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId, doc, openKey, confirmKey]);

  function change(next: EditorDoc): void {
    setDoc(next);
    setSaved(undefined);
  }

  function rowAction(key: string, action: RowAction): void {
    switch (action) {
      case 'toggle':
        setOpenKey(openKey === key ? undefined : key);
        return;
      case 'up':
      case 'down':
        change(moveElement(doc, key, action === 'up' ? -1 : 1));
        setFocusId(`q-${key}-${action}`);
        return;
      case 'duplicate': {
        const { doc: next, element } = duplicateElement(doc, key);
        change(next);
        if (element) {
          setOpenKey(element.key);
          setFocusId(`q-${element.key}-toggle`);
        }
        return;
      }
      case 'delete':
        setConfirmKey(key);
        setFocusId(`q-${key}-confirm`);
        return;
      case 'confirmDelete': {
        const at = locate(doc, key);
        const page = at ? doc.pages[at.page]! : undefined;
        const neighbour = page?.elements[at!.index + 1] ?? page?.elements[at!.index - 1];
        change(removeElement(doc, key));
        setConfirmKey(undefined);
        setFocusId(neighbour ? `q-${neighbour.key}-toggle` : `page-${page?.key}-add`);
        return;
      }
      case 'cancelDelete':
        setConfirmKey(undefined);
        setFocusId(`q-${key}-delete`);
        return;
    }
  }

  function pageAction(
    key: string,
    action: 'up' | 'down' | 'delete' | 'confirmDelete' | 'cancelDelete',
  ): void {
    if (action === 'up' || action === 'down') {
      change(movePage(doc, key, action === 'up' ? -1 : 1));
      setFocusId(`page-${key}-${action}`);
    } else if (action === 'delete') {
      setConfirmKey(key);
      setFocusId(`page-${key}-confirm`);
    } else if (action === 'confirmDelete') {
      const index = doc.pages.findIndex((p) => p.key === key);
      const neighbour = doc.pages[index + 1] ?? doc.pages[index - 1];
      change(removePage(doc, key));
      setConfirmKey(undefined);
      if (neighbour) setFocusId(`page-${neighbour.key}-title`);
    } else {
      setConfirmKey(undefined);
      setFocusId(`page-${key}-delete`);
    }
  }

  function goTo(problem: EditorProblem): void {
    if (!problem.key) return;
    setOpenKey(problem.key);
    setFocusId(`q-${problem.key}-toggle`);
  }

  async function save(): Promise<void> {
    setFailure(undefined);
    setSaved(undefined);
    const found = checkDocument(doc);
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    setSaving(true);
    try {
      const path = surveyId ? `/api/surveys/${encodeURIComponent(surveyId)}/versions` : '/api/surveys';
      const { survey } = await post<{ survey: SurveyDetail }>(path, { definition });
      setSurveyId(survey.id);
      setVersion(survey.version);
      setSaved(t('editor.saved', { title: survey.title, version: survey.version }));
      // The address now names the saved questionnaire (a reload reopens it), without remounting.
      window.history.replaceState(null, '', `/questionnaires?editeur=${encodeURIComponent(survey.id)}`);
    } catch (caught) {
      const details = caught instanceof ApiError && Array.isArray(caught.details) ? caught.details : [];
      setFailure({
        message: caught instanceof Error ? caught.message : String(caught),
        problems: details as DefinitionProblem[],
      });
      requestAnimationFrame(() => problemsRef.current?.focus());
    } finally {
      setSaving(false);
    }
  }

  let numberOffset = 0;
  const title = textOf(doc.root.title);
  return (
    <>
      <div className="page-head">
        <h1>{surveyId ? t('editor.editTitle', { title: title || '…' }) : t('editor.newTitle')}</h1>
        <Link to="/questionnaires">{t('editor.back')}</Link>
      </div>
      {surveyId && version !== undefined && (
        <p className="muted">{t('editor.versionNote', { version, next: version + 1 })}</p>
      )}
      <div className={`editor-layout${showPreview ? ' with-preview' : ''}`}>
        <div className="editor-main">
          <section className="panel" aria-labelledby="editor-survey-heading">
            <h2 id="editor-survey-heading">{t('editor.survey.heading')}</h2>
            <div className="form-row">
              <label htmlFor="editor-survey-title">{t('editor.survey.title')}</label>
              <input
                id="editor-survey-title"
                value={title}
                onChange={(e) =>
                  change({ ...doc, root: { ...doc.root, title: withText(doc.root.title, e.target.value) } })
                }
              />
            </div>
            <div className="form-row">
              <label htmlFor="editor-survey-description">{t('editor.survey.description')}</label>
              <textarea
                id="editor-survey-description"
                rows={2}
                value={textOf(doc.root.description)}
                onChange={(e) =>
                  change({
                    ...doc,
                    root: { ...doc.root, description: withText(doc.root.description, e.target.value) },
                  })
                }
              />
            </div>
          </section>
          {doc.pages.map((page, pageIndex) => {
            const offset = numberOffset;
            numberOffset += page.elements.length;
            return (
              <PageBlock
                key={page.key}
                doc={doc}
                page={page}
                pageIndex={pageIndex}
                numberOffset={offset}
                openKey={openKey}
                confirmKey={confirmKey}
                onPageChange={(json) => change(updatePage(doc, page.key, json))}
                onPageAction={(action) => pageAction(page.key, action)}
                onRowAction={rowAction}
                onElementChange={(key, json) => change(updateElement(doc, key, json))}
                onAdd={(kind) => {
                  const { doc: next, element } = addQuestion(doc, pageIndex, kind, '');
                  change(next);
                  setOpenKey(element.key);
                  setFocusId(`q-${element.key}-title`);
                }}
              />
            );
          })}
          <p>
            <button
              type="button"
              onClick={() => {
                const { doc: next, page } = addPage(doc, '');
                change(next);
                setFocusId(`page-${page.key}-title`);
              }}
            >
              {t('editor.page.add')}
            </button>
          </p>
          <div ref={problemsRef} tabIndex={-1} className="editor-feedback">
            {problems.length > 0 && (
              <div className="notice notice-error" role="alert">
                <p>{t('editor.problems', { n: problems.length })}</p>
                <ul>
                  {problems.map((problem, index) => (
                    <li key={index}>
                      {t(`editor.problem.${problem.code}`, problem.vars)}{' '}
                      {problem.key && (
                        <button type="button" className="link-button" onClick={() => goTo(problem)}>
                          {t('editor.goTo', { question: String(problem.vars.question ?? '') })}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {failure && (
              <div className="notice notice-error" role="alert">
                <p>{failure.message}</p>
                {failure.problems.length > 0 && (
                  <ul>
                    {failure.problems.map((problem, index) => (
                      <li key={index}>
                        {problem.question ? `« ${problem.question} » : ` : ''}
                        {problem.message}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {saved && (
              <p className="notice notice-success" role="status">
                {saved}
              </p>
            )}
          </div>
          <div className="editor-actions">
            <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
              {saving ? t('editor.saving') : surveyId ? t('editor.saveVersion') : t('editor.save')}
            </button>
            <button
              type="button"
              className="preview-toggle"
              aria-expanded={showPreview}
              aria-controls="editor-preview"
              onClick={() => setShowPreview(!showPreview)}
            >
              {showPreview ? t('editor.hidePreview') : t('editor.showPreview')}
            </button>
          </div>
        </div>
        <aside id="editor-preview" className="editor-preview panel" aria-labelledby="editor-preview-heading">
          <h2 id="editor-preview-heading">{t('editor.preview')}</h2>
          <p className="muted small">{t('editor.previewHelp')}</p>
          <Suspense fallback={<Loading />}>
            <EditorPreview definition={definition} />
          </Suspense>
        </aside>
      </div>
    </>
  );
}
