import { Suspense, lazy, useId, useState } from 'react';
import { ApiError, fileToBase64, post } from '../api.js';
import { FilePicker } from '../FilePicker.js';
import { useI18n } from '../i18n.js';
import type {
  ImportIssue,
  ImportReport,
  SurveyDetail,
  SurveyImportAnswer,
  SurveyImportPreview,
} from '../types.js';
import { ErrorBox, Loading, Notice } from './common.js';

const SurveyPreview = lazy(() => import('../survey/SurveyPreview.js'));

interface Chosen {
  filename: string;
  content: string;
}

const DETAIL_MAX = 200;

function IssueList({ issues }: { issues: ImportIssue[] }) {
  const { t } = useI18n();
  return (
    <ul className="import-issues">
      {issues.map((issue, index) => (
        <li key={index}>
          {issue.question ? (
            <strong>{t('surveys.import.question', { name: issue.question })}</strong>
          ) : (
            <strong>{t('surveys.import.whole')}</strong>
          )}{' '}
          — {issue.feature} : {issue.reason}
          {issue.count ? <> ({t('surveys.import.times', { n: issue.count })})</> : null}
          {issue.detail &&
            (issue.kind === 'approximated' ? (
              <> ({issue.detail})</>
            ) : (
              <>
                {' '}
                <code className="import-detail">
                  {issue.detail.length > DETAIL_MAX ? `${issue.detail.slice(0, DETAIL_MAX)}…` : issue.detail}
                </code>
              </>
            ))}
        </li>
      ))}
    </ul>
  );
}

/**
 * Choose a questionnaire file (SurveyJS, LimeSurvey, XLSForm) → the conversion report, question by
 * question → confirm. Nothing is stored before the confirmation.
 */
export function SurveyImport({ onImported }: { onImported: (survey: SurveyDetail) => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const [chosen, setChosen] = useState<Chosen>();
  const [report, setReport] = useState<ImportReport>();
  const [definition, setDefinition] = useState<Record<string, unknown>>();
  const [title, setTitle] = useState('');
  const [showPreview, setShowPreview] = useState(false);
  const [busy, setBusy] = useState<'preview' | 'import'>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  function reset(): void {
    setChosen(undefined);
    setReport(undefined);
    setDefinition(undefined);
    setShowPreview(false);
  }

  async function choose(file: File | undefined): Promise<void> {
    reset();
    setDone(undefined);
    setError(undefined);
    if (!file) return;
    setBusy('preview');
    try {
      const body = { filename: file.name, content: await fileToBase64(file) };
      const answer = await post<SurveyImportPreview>('/api/surveys/import/preview', body);
      setChosen(body);
      setReport(answer.report);
      setDefinition(answer.definition);
      setTitle(answer.report.title);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(undefined);
    }
  }

  async function confirm(): Promise<void> {
    if (!chosen) return;
    setBusy('import');
    setError(undefined);
    try {
      const answer = await post<SurveyImportAnswer>('/api/surveys/import', {
        ...chosen,
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      setDone(t('surveys.uploaded', { title: answer.survey.title, version: answer.survey.version }));
      reset();
      onImported(answer.survey);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(undefined);
    }
  }

  const dropped = report?.issues.filter((i) => i.kind === 'dropped') ?? [];
  const approximated = report?.issues.filter((i) => i.kind === 'approximated') ?? [];
  return (
    <div className="survey-import">
      <FilePicker
        label={t('surveys.import.file')}
        accept=".json,.lss,.lsa,.xlsx,application/json"
        disabled={busy !== undefined}
        onFile={(file) => void choose(file)}
      />
      <p className="muted small">{t('surveys.import.help')}</p>
      {busy === 'preview' && <p role="status">{t('surveys.import.converting')}</p>}
      <ErrorBox error={error} />
      {done && <Notice kind="success">{done}</Notice>}
      {report && (
        <section className="import-report" aria-labelledby={`${titleId}-report`}>
          <h3 id={`${titleId}-report`}>{t('surveys.import.report', { file: report.file })}</h3>
          <p>
            {t(`surveys.import.format.${report.format}`)} ·{' '}
            {t('surveys.import.summary', { questions: report.questions, pages: report.pages })}{' '}
            <span className="muted">{t('surveys.import.nothingWritten')}</span>
          </p>
          {report.issues.length === 0 && <Notice kind="success">{t('surveys.import.allConverted')}</Notice>}
          {dropped.length > 0 && (
            <div className="notice notice-warning">
              <h4>{t('surveys.import.dropped', { n: dropped.length })}</h4>
              <IssueList issues={dropped} />
            </div>
          )}
          {approximated.length > 0 && (
            <div className="notice notice-info">
              <h4>{t('surveys.import.approximated', { n: approximated.length })}</h4>
              <IssueList issues={approximated} />
            </div>
          )}
          {report.notes.map((note, index) => (
            <Notice key={index}>{note}</Notice>
          ))}
          <div className="form-row">
            <label htmlFor={`${titleId}-title`}>{t('surveys.import.title')}</label>
            <input
              id={`${titleId}-title`}
              type="text"
              value={title}
              maxLength={300}
              onChange={(event) => setTitle(event.currentTarget.value)}
            />
          </div>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy !== undefined}
              onClick={() => void confirm()}
            >
              {busy === 'import' ? t('surveys.import.importing') : t('surveys.import.confirm')}
            </button>
            <button type="button" aria-expanded={showPreview} onClick={() => setShowPreview(!showPreview)}>
              {showPreview ? t('surveys.import.hidePreview') : t('surveys.import.showPreview')}
            </button>
            <button type="button" disabled={busy !== undefined} onClick={reset}>
              {t('surveys.import.cancel')}
            </button>
          </div>
          {showPreview && definition && (
            <div className="survey-preview">
              <Suspense fallback={<Loading />}>
                <SurveyPreview definition={definition} />
              </Suspense>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
