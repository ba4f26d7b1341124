import { useId, useState } from 'react';
import { ApiError, fileToBase64, post } from '../api.js';
import { FilePicker } from '../FilePicker.js';
import { useI18n } from '../i18n.js';
import type { ImportPreview, ImportProblem, ImportResult } from '../types.js';
import { ErrorBox, Notice } from './common.js';
import { ImportChanges } from './ImportChanges.js';

interface Chosen {
  filename: string;
  content: string;
}

/** Choose a file → preview with the exact error list → confirm; nothing is written before confirm. */
export function RegistryImport({
  onImported,
  initiallyOpen,
}: {
  onImported: () => void;
  initiallyOpen: boolean;
}) {
  const { t } = useI18n();
  const inputId = useId();
  const [chosen, setChosen] = useState<Chosen>();
  // Off by default: an import never erases unless asked to.
  const [clearEmpty, setClearEmpty] = useState(false);
  const [preview, setPreview] = useState<ImportPreview>();
  // Collapsed once the registry has structures: daily work is the list below.
  const [open, setOpen] = useState(initiallyOpen);
  const [busy, setBusy] = useState<'preview' | 'import'>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  async function choose(file: File | undefined): Promise<void> {
    setPreview(undefined);
    setDone(undefined);
    setError(undefined);
    if (!file) return;
    const body = { filename: file.name, content: await fileToBase64(file) };
    setChosen(body);
    await previewOf(body, clearEmpty);
  }

  async function previewOf(body: Chosen, clear: boolean): Promise<void> {
    setBusy('preview');
    setError(undefined);
    try {
      setPreview(await post<ImportPreview>('/api/structures/import/preview', { ...body, clearEmpty: clear }));
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
      const result = await post<ImportResult>('/api/structures/import', { ...chosen, clearEmpty });
      setDone(
        t('import.done', {
          created: result.created,
          updated: result.updated,
          territories: result.territoriesCreated,
        }),
      );
      setPreview(undefined);
      setChosen(undefined);
      onImported();
    } catch (caught) {
      if (caught instanceof ApiError && Array.isArray(caught.details) && preview) {
        setPreview({ ...preview, errors: caught.details as ImportProblem[] });
      }
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(undefined);
    }
  }

  const hasErrors = (preview?.errors.length ?? 0) > 0;
  return (
    <details className="panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="summary-title" id={`${inputId}-title`}>
        {t('import.title')}
      </summary>
      <p className="muted small">{t('import.help')}</p>
      <FilePicker
        label={t('import.file')}
        accept=".csv,.xlsx,text/csv"
        disabled={busy !== undefined}
        onFile={(file) => void choose(file)}
      />
      {busy === 'preview' && <p role="status">{t('import.previewing')}</p>}
      <ErrorBox error={error} />
      {done && <Notice kind="success">{done}</Notice>}
      {preview && (
        <div className="import-preview">
          <h3>{t('import.preview')}</h3>
          <p>
            {t('import.summary', {
              total: preview.total,
              create: preview.toCreate,
              update: preview.toUpdate,
              same: preview.unchanged,
            })}{' '}
            <span className="muted">{t('import.nothingWritten')}</span>
          </p>
          <p className="muted small">{t('import.emptyRule')}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={clearEmpty}
              disabled={busy !== undefined}
              onChange={(event) => {
                const next = event.currentTarget.checked;
                setClearEmpty(next);
                if (chosen) void previewOf(chosen, next);
              }}
            />{' '}
            {t('import.clearEmpty')}
          </label>
          {clearEmpty && <Notice kind="warning">{t('import.clearWarning')}</Notice>}
          {hasErrors && (
            <>
              <div className="notice notice-error" role="alert">
                {t('import.errors', { n: preview.errors.length })}
              </div>
              <div className="table-wrap">
                <table className="errors-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('import.line')}
                      </th>
                      <th scope="col">{t('import.column')}</th>
                      <th scope="col">{t('import.value')}</th>
                      <th scope="col">{t('import.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((problem, index) => (
                      <tr key={index}>
                        <td className="num">{problem.line}</td>
                        <td>{problem.column}</td>
                        <td>
                          <code>{problem.value}</code>
                        </td>
                        <td>{problem.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {!hasErrors && <ImportChanges preview={preview} />}
          <h4>{t('import.firstRows', { n: preview.rows.length, total: preview.total })}</h4>
          <div className="table-wrap preview-table">
            <table>
              <thead>
                <tr>
                  {preview.columns.map((column) => (
                    <th scope="col" key={column}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row, index) => (
                  <tr key={index}>
                    {preview.columns.map((column) => (
                      <td key={column}>{row[column] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={hasErrors || busy !== undefined}
              onClick={() => void confirm()}
            >
              {busy === 'import' ? t('import.importing') : t('import.confirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setPreview(undefined);
                setChosen(undefined);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
