import { useState } from 'react';
import type {
  CampaignArchiveImportResult,
  CampaignArchivePreview,
} from '../../../contract/campaign-archive.js';
import { FilePicker } from '../../FilePicker.js';
import { formatDate, useI18n } from '../../i18n.js';
import { Link } from '../../router.js';
import { ErrorBox, Notice, toApiError } from '../common.js';
import type { ApiError } from '../../api.js';
import { MAX_ARCHIVE_MIB, uploadArchive } from './upload.js';

/**
 * Import of a campaign archive: the file is checked and previewed by the server (nothing
 * stored), then imported on confirmation, in one transaction.
 */
export function CampaignArchiveImportPage() {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<CampaignArchivePreview>();
  const [done, setDone] = useState<CampaignArchiveImportResult>();
  const [error, setError] = useState<ApiError | string>();
  const [busy, setBusy] = useState<'reading' | 'importing'>();

  async function choose(chosen: File | undefined): Promise<void> {
    setFile(chosen);
    setPreview(undefined);
    setDone(undefined);
    setError(undefined);
    if (!chosen) return;
    if (chosen.size > MAX_ARCHIVE_MIB * 1024 * 1024) {
      setError(t('campaignArchive.tooLarge', { limit: MAX_ARCHIVE_MIB }));
      return;
    }
    setBusy('reading');
    try {
      const answer = await uploadArchive<{ preview: CampaignArchivePreview }>(
        '/api/campaign-archives/preview',
        chosen,
      );
      setPreview(answer.preview);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(undefined);
    }
  }

  async function confirm(): Promise<void> {
    if (!file) return;
    setBusy('importing');
    setError(undefined);
    try {
      setDone(await uploadArchive<CampaignArchiveImportResult>('/api/campaign-archives', file));
      setPreview(undefined);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('campaignArchive.title')}</h1>
      </div>
      <p className="muted">{t('campaignArchive.intro')}</p>
      <FilePicker
        label={t('campaignArchive.file')}
        accept=".gz,application/gzip"
        disabled={busy !== undefined}
        onFile={(chosen) => void choose(chosen)}
      />
      {busy === 'reading' && (
        <p className="muted" role="status">
          {t('campaignArchive.reading')}
        </p>
      )}
      <ErrorBox error={error} />
      {done && (
        <Notice kind="success">
          {t('campaignArchive.done', { name: done.name })}{' '}
          <Link to={`/campagnes/${done.campaignId}`}>{t('campaignArchive.openImported')}</Link>
        </Notice>
      )}
      {preview && (
        <PreviewPanel
          preview={preview}
          lang={lang}
          busy={busy === 'importing'}
          onConfirm={() => void confirm()}
        />
      )}
    </>
  );
}

function PreviewPanel({
  preview: p,
  lang,
  busy,
  onConfirm,
}: {
  preview: CampaignArchivePreview;
  lang: 'fr' | 'en';
  busy: boolean;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="archive-preview-title">
      <h2 id="archive-preview-title">{t('campaignArchive.previewTitle')}</h2>
      {p.alreadyImported && (
        <div className="notice notice-warning" role="alert">
          {t('campaignArchive.already', { name: p.alreadyImported.name })}{' '}
          <Link to={`/campagnes/${p.alreadyImported.campaignId}`}>{t('campaignArchive.openExisting')}</Link>
        </div>
      )}
      <dl className="archive-facts">
        <dt>{t('campaignArchive.campaign')}</dt>
        <dd>
          <strong>{p.campaign.name}</strong>
          <br />
          <span className="muted small">
            {t('campaignArchive.exported', {
              date: formatDate(p.campaign.exportedAt, lang),
              version: p.campaign.appVersion,
              dialect: p.campaign.sourceDialect === 'postgres' ? 'PostgreSQL' : 'SQLite',
            })}
          </span>
        </dd>
        <dt>{t('campaignArchive.period')}</dt>
        <dd>
          {formatDate(p.campaign.opensAt, lang)} – {formatDate(p.campaign.closesAt, lang)}
        </dd>
        <dt>{t('campaignArchive.survey')}</dt>
        <dd>
          {p.questionnaire.title} —{' '}
          {p.questionnaire.action === 'match'
            ? t('campaignArchive.questionnaire.match')
            : t('campaignArchive.questionnaire.create', { version: p.questionnaire.version })}
        </dd>
        <dt>{t('campaignArchive.answersLabel')}</dt>
        <dd>{t('campaignArchive.answers', { ...p.counts })}</dd>
        <dt>{t('campaignArchive.structures')}</dt>
        <dd>
          {t('campaignArchive.structuresSummary', { create: p.structures.create, match: p.structures.match })}
          <details>
            <summary>{t('campaignArchive.details', { n: p.structures.items.length })}</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('campaignArchive.col.id')}</th>
                    <th scope="col">{t('campaignArchive.col.name')}</th>
                    <th scope="col">{t('campaignArchive.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.structures.items.map((s) => (
                    <tr key={s.id}>
                      <td>{s.id}</td>
                      <td>{s.name}</td>
                      <td>{t(`campaignArchive.action.${s.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </dd>
        <dt>{t('campaignArchive.territories')}</dt>
        <dd>
          {t('campaignArchive.territoriesSummary', {
            create: p.territories.create,
            match: p.territories.match,
          })}
          <details>
            <summary>{t('campaignArchive.details', { n: p.territories.items.length })}</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('campaignArchive.col.code')}</th>
                    <th scope="col">{t('campaignArchive.col.name')}</th>
                    <th scope="col">{t('campaignArchive.col.level')}</th>
                    <th scope="col">{t('campaignArchive.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.territories.items.map((x, i) => (
                    <tr key={`${x.code ?? ''}-${i}`}>
                      <td>{x.code ?? '—'}</td>
                      <td>{x.name}</td>
                      <td>{x.level}</td>
                      <td>{t(`campaignArchive.action.${x.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </dd>
      </dl>
      {p.conflicts.length > 0 && (
        <>
          <h3>{t('campaignArchive.conflicts')}</h3>
          <ul>
            {p.conflicts.map((c, i) => (
              <li key={i}>{t(`campaignArchive.conflict.${c.kind}`, { ...c })}</li>
            ))}
          </ul>
        </>
      )}
      {!p.alreadyImported && (
        <div className="actions">
          <button type="button" className="button primary" disabled={busy} onClick={onConfirm}>
            {busy ? t('campaignArchive.importing') : t('campaignArchive.confirm')}
          </button>
        </div>
      )}
    </section>
  );
}
