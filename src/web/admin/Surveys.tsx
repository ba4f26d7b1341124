import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { ApiError, get, post } from '../api.js';
import { FilePicker } from '../FilePicker.js';
import { formatDate, useI18n, type Translate } from '../i18n.js';
import type { DefinitionProblem, SurveyDetail, SurveySummary } from '../types.js';
import { ErrorBox, Loading, Notice, useApi } from './common.js';
import { permissions, useSession } from './session.js';
import { RemoveButton } from './archive/RemoveButton.js';
import { SurveyImport } from './SurveyImport.js';
import { Link, useLocation } from '../router.js';

const SurveyPreview = lazy(() => import('../survey/SurveyPreview.js'));
const EditorRoute = lazy(() => import('./editor/EditorRoute.js'));

interface UploadFailure {
  message: string;
  problems: DefinitionProblem[];
}

function describeProblem(problem: DefinitionProblem, t: Translate): string {
  const where: string[] = [];
  if (problem.question) where.push(`« ${problem.question} »`);
  if (problem.line !== undefined)
    where.push(t('surveys.where', { line: problem.line, column: problem.column ?? 1 }));
  else if (problem.path) where.push(problem.path);
  return where.length
    ? t('common.labelled', { label: where.join(', '), value: problem.message })
    : problem.message;
}

/** A file input that posts the JSON text (the server reports line/column of syntax errors). */
function SurveyUpload({
  label,
  path,
  onUploaded,
}: {
  label: string;
  path: string;
  onUploaded: (survey: SurveyDetail) => void;
}) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<UploadFailure>();
  const [success, setSuccess] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function choose(file: File | undefined): Promise<void> {
    setFailure(undefined);
    setSuccess(undefined);
    if (!file) return;
    setBusy(true);
    try {
      const answer = await post<{ survey: SurveyDetail }>(path, { definition: await file.text() });
      setSuccess(t('surveys.uploaded', { title: answer.survey.title, version: answer.survey.version }));
      onUploaded(answer.survey);
    } catch (caught) {
      const problems =
        caught instanceof ApiError && Array.isArray(caught.details)
          ? (caught.details as DefinitionProblem[])
          : [];
      setFailure({ message: caught instanceof Error ? caught.message : String(caught), problems });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="form-row">
      <FilePicker
        label={label}
        accept=".json,application/json"
        disabled={busy}
        onFile={(file) => void choose(file)}
      />
      {success && <Notice kind="success">{success}</Notice>}
      {failure && (
        <div className="notice notice-error" role="alert">
          <p>
            {t('surveys.problems')} {failure.problems.length === 0 && failure.message}
          </p>
          {failure.problems.length > 0 && (
            <ul>
              {failure.problems.map((problem, index) => (
                <li key={index}>{describeProblem(problem, t)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** /questionnaires, or the editor when the address names one (?editeur=nouveau or ?editeur=ID). */
export function SurveysPage() {
  const { search } = useLocation();
  const { user } = useSession();
  const editing = search.get('editeur');
  if (editing && permissions.manageSurveys(user.role)) {
    return (
      <Suspense fallback={<Loading />}>
        <EditorRoute
          key={`${editing}|${search.get('modele') ?? ''}`}
          editing={editing}
          template={search.get('modele') ?? undefined}
        />
      </Suspense>
    );
  }
  return <SurveyList />;
}

function SurveyList() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const list = useApi<{ surveys: SurveySummary[] }>('/api/surveys');
  const [preview, setPreview] = useState<SurveyDetail>();
  const [previewError, setPreviewError] = useState<string>();
  const canWrite = permissions.manageSurveys(user.role);
  const previewRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (preview) previewRef.current?.scrollIntoView({ block: 'start' });
  }, [preview]);

  async function openPreview(id: string): Promise<void> {
    setPreviewError(undefined);
    try {
      setPreview((await get<{ survey: SurveyDetail }>(`/api/surveys/${encodeURIComponent(id)}`)).survey);
    } catch (caught) {
      setPreviewError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('surveys.title')}</h1>
        {canWrite && (
          <Link className="button primary" to="/questionnaires?editeur=nouveau">
            {t('editor.new')}
          </Link>
        )}
      </div>
      {canWrite && (
        <section className="panel">
          <SurveyImport
            onImported={(survey) => {
              list.reload();
              setPreview(survey);
            }}
          />
        </section>
      )}
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.surveys.length === 0 && <p>{t('surveys.empty')}</p>}
      <ul className="cards">
        {list.data?.surveys.map((survey) => (
          <li key={survey.id} className="card">
            <h2>{survey.title}</h2>
            <p className="muted small">
              {t('surveys.version', { n: survey.version })} ·{' '}
              {t('surveys.questions', { n: survey.questionCount })} · {formatDate(survey.createdAt, lang)}
            </p>
            <p className="card-actions">
              <button type="button" onClick={() => void openPreview(survey.id)}>
                {t('surveys.preview')}
              </button>
              {canWrite && (
                <Link
                  className="button"
                  to={`/questionnaires?editeur=${encodeURIComponent(survey.id)}`}
                  aria-label={t('editor.editNamed', { title: survey.title })}
                >
                  {t('editor.edit')}
                </Link>
              )}
              {canWrite && (
                <RemoveButton
                  kind="survey"
                  id={survey.id}
                  name={survey.title}
                  onDone={() => {
                    setPreview(undefined);
                    list.reload();
                  }}
                />
              )}
            </p>
            {canWrite && (
              <SurveyUpload
                label={t('surveys.newVersion')}
                path={`/api/surveys/${encodeURIComponent(survey.id)}/versions`}
                onUploaded={(detail) => {
                  list.reload();
                  setPreview(detail);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <ErrorBox error={previewError} />
      {preview && (
        <section ref={previewRef} className="panel survey-preview" aria-label={t('surveys.previewTitle')}>
          <div className="page-head">
            <h2>
              {t('surveys.previewTitle')} — {preview.title} ({t('surveys.version', { n: preview.version })})
            </h2>
            <button type="button" onClick={() => setPreview(undefined)}>
              {t('common.close')}
            </button>
          </div>
          <Suspense fallback={<Loading />}>
            <SurveyPreview definition={preview.definition} />
          </Suspense>
        </section>
      )}
    </>
  );
}
