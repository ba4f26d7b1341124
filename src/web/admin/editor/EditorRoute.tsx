import { useEffect, useState } from 'react';
import { get } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { Link } from '../../router.js';
import type { SurveyDetail } from '../../types.js';
import { ErrorBox, Loading, toApiError, useApi } from '../common.js';
import type { ApiError } from '../../api.js';
import { emptyDefinition, type Json } from './definition.js';
import { SurveyEditor } from './SurveyEditor.js';
import './editor.css';

/** A template as listed by GET /api/survey-templates. */
interface TemplateSummary {
  id: string;
  name: { fr: string; en: string };
  description: { fr: string; en: string };
  title: string;
  pages: number;
  questions: number;
}

const editorLink = (template: string) =>
  `/questionnaires?editeur=nouveau&modele=${encodeURIComponent(template)}`;

/** "Nouveau questionnaire": start from an empty one or from a template of the library. */
function TemplatePicker() {
  const { t, lang } = useI18n();
  const list = useApi<{ templates: TemplateSummary[] }>('/api/survey-templates');
  return (
    <>
      <div className="page-head">
        <h1>{t('editor.newTitle')}</h1>
        <Link to="/questionnaires">{t('editor.back')}</Link>
      </div>
      <p>{t('editor.templates.intro')}</p>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      <ul className="template-list">
        <li className="card">
          <h2>{t('editor.templates.empty')}</h2>
          <p>{t('editor.templates.emptyHelp')}</p>
          <p className="card-actions">
            <Link className="button" to={editorLink('vide')}>
              {t('editor.templates.startEmpty')}
            </Link>
          </p>
        </li>
        {list.data?.templates.map((template) => (
          <li key={template.id} className="card">
            <h2>{template.name[lang]}</h2>
            <p>{template.description[lang]}</p>
            <p className="muted small">
              {t('editor.templates.size', { pages: template.pages, questions: template.questions })}
            </p>
            <p className="card-actions">
              <Link
                className="button primary"
                to={editorLink(template.id)}
                aria-label={t('editor.templates.useNamed', { name: template.name[lang] })}
              >
                {t('editor.templates.use')}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Loads what the editor starts from: a saved questionnaire's latest version, a template, or nothing. */
function EditorLoader({ surveyId, template }: { surveyId?: string; template?: string }) {
  const { t } = useI18n();
  const [start, setStart] = useState<{ definition: Json; version?: number }>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let live = true;
    const load = async () => {
      if (surveyId) {
        const { survey } = await get<{ survey: SurveyDetail }>(
          `/api/surveys/${encodeURIComponent(surveyId)}`,
        );
        return { definition: survey.definition, version: survey.version };
      }
      if (!template || template === 'vide') return { definition: emptyDefinition(t('editor.defaultTitle')) };
      const answer = await get<{ template: { definition: Json } }>(
        `/api/survey-templates/${encodeURIComponent(template)}`,
      );
      return { definition: answer.template.definition };
    };
    load().then(
      (loaded) => live && setStart(loaded),
      (caught: unknown) => live && setError(toApiError(caught)),
    );
    return () => {
      live = false;
    };
    // The starting point is read once: edits are not overwritten by a language change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [surveyId, template]);
  if (error) return <ErrorBox error={error} />;
  if (!start) return <Loading />;
  return <SurveyEditor initial={start.definition} surveyId={surveyId} version={start.version} />;
}

/** /questionnaires?editeur=nouveau[&modele=ID] or ?editeur=SURVEY_ID (admin only). */
export default function EditorRoute({ editing, template }: { editing: string; template?: string }) {
  if (editing === 'nouveau' && !template) return <TemplatePicker />;
  return <EditorLoader surveyId={editing === 'nouveau' ? undefined : editing} template={template} />;
}
