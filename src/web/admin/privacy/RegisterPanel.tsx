import { useEffect, useState, type FormEvent } from 'react';
import { post, put } from '../../api.js';
import { formatDateTime, useI18n, type MessageKey } from '../../i18n.js';
import type { PrivacyRegister, PurgeResponse } from '../../../contract/privacy.js';
import { ErrorBox, Loading, Notice, toApiError, useApi } from '../common.js';

/** The register of processing, the retention periods and the purge. */
export function RegisterPanel() {
  const { t, lang } = useI18n();
  const register = useApi<PrivacyRegister>(`/api/privacy/register?lang=${lang}`);
  const [days, setDays] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [purge, setPurge] = useState<PurgeResponse>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!register.data) return;
    setDays(
      Object.fromEntries(
        register.data.categories.filter((c) => c.days !== null).map((c) => [c.id, String(c.days)]),
      ),
    );
  }, [register.data]);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await put(
        '/api/privacy/retention',
        Object.fromEntries(Object.entries(days).map(([k, v]) => [k, Number(v)])),
      );
      setSaved(true);
      register.reload();
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }

  async function runPurge(dryRun: boolean): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      setPurge(await post<PurgeResponse>('/api/privacy/purge', { dryRun }));
      if (!dryRun) register.reload();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  if (register.error) return <ErrorBox error={register.error} />;
  const data = register.data;
  if (!data) return <Loading />;
  return (
    <>
      <section className="panel" aria-labelledby="register-title">
        <h2 id="register-title">{t('privacy.register.title')}</h2>
        <div className="actions">
          <a className="button" href={`/api/privacy/register/download?format=csv&lang=${lang}`} download>
            {t('privacy.register.download.csv')}
          </a>
          <a className="button" href={`/api/privacy/register/download?format=json&lang=${lang}`} download>
            {t('privacy.register.download.json')}
          </a>
        </div>
        <div className="privacy-categories">
          {data.categories.map((c) => (
            <article key={c.id} className="privacy-category" aria-labelledby={`cat-${c.id}`}>
              <h3 id={`cat-${c.id}`}>{c.name}</h3>
              <p className="muted">{t('privacy.register.held', { n: c.held })}</p>
              <dl>
                <dt>{t('privacy.register.data')}</dt>
                <dd>{c.data.join(' ; ')}</dd>
                <dt>{t('privacy.register.purpose')}</dt>
                <dd>{c.purpose}</dd>
                <dt>{t('privacy.register.legalBasis')}</dt>
                <dd>{c.legalBasis}</dd>
                <dt>{t('privacy.register.recipients')}</dt>
                <dd>{c.recipients}</dd>
                <dt>{t('privacy.register.retention')}</dt>
                <dd>{c.retention}</dd>
              </dl>
            </article>
          ))}
        </div>
      </section>

      <section className="panel" aria-labelledby="retention-title">
        <h2 id="retention-title">{t('privacy.retention.title')}</h2>
        <p>{t('privacy.retention.help')}</p>
        <form className="form retention-form" onSubmit={(e) => void save(e)}>
          {data.categories
            .filter((c) => c.days !== null)
            .map((c) => (
              <div className="form-row" key={c.id}>
                <label htmlFor={`days-${c.id}`}>{t('privacy.retention.days', { name: c.name })}</label>
                <input
                  id={`days-${c.id}`}
                  type="number"
                  min={c.id === 'sessions' ? 0 : 30}
                  max={3650}
                  required
                  value={days[c.id] ?? ''}
                  onChange={(e) => setDays({ ...days, [c.id]: e.target.value })}
                  aria-describedby={`days-${c.id}-default`}
                />
                <span id={`days-${c.id}-default`} className="muted">
                  {t('privacy.retention.default', { days: c.defaultDays ?? '' })}
                </span>
              </div>
            ))}
          <button type="submit" className="button primary">
            {t('privacy.retention.save')}
          </button>
        </form>
        {saved && <Notice kind="success">{t('privacy.retention.saved')}</Notice>}
      </section>

      <section className="panel" aria-labelledby="purge-title">
        <h2 id="purge-title">{t('privacy.purge.title')}</h2>
        <p>
          {data.lastPurge
            ? t('privacy.purge.last', { date: formatDateTime(data.lastPurge.at, lang) })
            : t('privacy.purge.never')}
        </p>
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void runPurge(true)}>
            {t('privacy.purge.preview')}
          </button>
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => void runPurge(false)}
          >
            {t('privacy.purge.run')}
          </button>
        </div>
        {purge && (
          <div role="status">
            <p>{t(purge.dryRun ? 'privacy.purge.previewResult' : 'privacy.purge.done')}</p>
            <ul>
              {Object.entries(purge.counts).map(([key, n]) => (
                <li key={key}>
                  {n} {t(`privacy.count.${key}` as MessageKey)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <ErrorBox error={error} />
    </>
  );
}
