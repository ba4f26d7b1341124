import { useId, useState } from 'react';
import { ApiError, post, put } from '../api.js';
import { formatDateTime, useI18n } from '../i18n.js';
import { ErrorBox, Notice, useApi } from './common.js';
import { FilePicker } from '../FilePicker.js';
import type { PublicationState } from '../types.js';

/** Indicator file upload, publication on the public site and brochure downloads of a campaign. */
export function CampaignPublication({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const id = useId();
  const base = `/api/campaigns/${encodeURIComponent(campaignId)}`;
  const state = useApi<PublicationState>(`${base}/publication`);
  const [k, setK] = useState('');
  const [error, setError] = useState<ApiError | string>();
  const [notice, setNotice] = useState<string>();

  async function upload(file: File | undefined): Promise<void> {
    setError(undefined);
    setNotice(undefined);
    if (!file) return;
    let indicators: unknown;
    try {
      indicators = JSON.parse(await file.text());
    } catch (caught) {
      setError(t('publication.badJson', { file: file.name, reason: (caught as Error).message }));
      return;
    }
    try {
      await put(`${base}/indicators`, { indicators, ...(k ? { k: Number(k) } : {}) });
      setNotice(t('publication.saved'));
      state.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : String(caught));
    }
  }

  async function publish(published: boolean): Promise<void> {
    setError(undefined);
    setNotice(undefined);
    try {
      await post(`${base}/publish`, { published });
      setNotice(t(published ? 'publication.published' : 'publication.unpublished'));
      state.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : String(caught));
    }
  }

  const s = state.data;
  const details =
    error instanceof ApiError && Array.isArray(error.details)
      ? (error.details as { path: string; message: string }[])
      : [];
  return (
    <details className="panel">
      <summary>{t('publication.title')}</summary>
      <ErrorBox error={state.error} />
      {s && (
        <p>
          {s.hasIndicators ? t('publication.hasFile') : t('publication.noFile')}{' '}
          {s.published ? (
            <a href={s.publicUrl}>{t('publication.onPublicSite')}</a>
          ) : (
            t('publication.notPublished')
          )}
        </p>
      )}
      {s?.published && s.snapshot && (
        <p>
          {t('publication.snapshot', {
            date: formatDateTime(s.snapshot.createdAt, lang),
            name: s.snapshot.createdByName ?? '—',
            responses: String(s.snapshot.responses),
            k: String(s.snapshot.k),
          })}
        </p>
      )}
      {s && !s.closed && !s.published && <Notice kind="info">{t('publication.openCampaign')}</Notice>}
      {canEdit && (
        <div className="grid-2">
          <label htmlFor={`${id}-k`}>
            {t('publication.k')}
            <input
              id={`${id}-k`}
              type="number"
              min={3}
              value={k}
              placeholder={String(s?.k ?? 5)}
              onChange={(e) => setK(e.target.value)}
            />
          </label>
          {/* The translated, styled picker the other imports use (not the browser's bare control). */}
          <FilePicker
            label={t('publication.file')}
            accept=".json,application/json"
            onFile={(file) => void upload(file)}
          />
        </div>
      )}
      <ErrorBox error={error} />
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              <code>{d.path || '(racine)'}</code> : {d.message}
            </li>
          ))}
        </ul>
      )}
      {notice && <Notice kind="success">{notice}</Notice>}
      {s?.hasIndicators && (
        <p className="actions">
          <a className="button" href={`${base}/brochure?format=html`}>
            {t('publication.view')}
          </a>
          <a className="button" href={`${base}/brochure?format=pdf`} download>
            PDF
          </a>
          <a className="button" href={`${base}/brochure?format=docx`} download>
            DOCX
          </a>
          {canEdit && (s.closed || s.published) && (
            <button
              type="button"
              className={s.published ? '' : 'primary'}
              onClick={() => void publish(!s.published)}
            >
              {s.published ? t('publication.unpublish') : t('publication.publish')}
            </button>
          )}
          {canEdit && s.published && s.closed && (
            <button type="button" onClick={() => void publish(true)}>
              {t('publication.republish')}
            </button>
          )}
        </p>
      )}
    </details>
  );
}
