import { useEffect, useId, useState, type FormEvent } from 'react';
import { fileToBase64, post, put } from '../../api.js';
import { useI18n, type MessageKey } from '../../i18n.js';
import { FilePicker } from '../../FilePicker.js';
import { ErrorBox, Loading, Notice, toApiError, useApi } from '../common.js';
import {
  CONFORMITY,
  MIN_CONTRAST,
  contrastRatio,
  type Identity,
  type IdentityInput,
} from '../../../contract/identity.js';
import { IdentityPreview } from './IdentityPreview.js';

function inputOf(identity: Identity): IdentityInput {
  const { name, primaryColour, secondaryColour, contact, accessibility } = identity;
  return {
    name,
    primaryColour,
    secondaryColour,
    contact: { ...contact },
    accessibility: { ...accessibility },
  };
}

/** The administrator sets the federation's identity; a live preview shows the public site with it. */
export default function IdentityPage() {
  const { t } = useI18n();
  const loaded = useApi<{ identity: Identity }>('/api/public/identity');
  const [identity, setIdentity] = useState<Identity>();
  const [form, setForm] = useState<IdentityInput>();
  useEffect(() => {
    if (loaded.data) {
      setIdentity(loaded.data.identity);
      setForm(inputOf(loaded.data.identity));
    }
  }, [loaded.data]);
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!form || !identity) return <Loading />;
  return (
    <>
      <h1>{t('identity.title')}</h1>
      <p className="muted">{t('identity.intro')}</p>
      {!identity.custom && <Notice kind="info">{t('identity.default')}</Notice>}
      <div className="identity-layout">
        <div>
          <LogoSection identity={identity} onChange={setIdentity} />
          <IdentityForm form={form} onChange={setForm} onSaved={setIdentity} />
        </div>
        <IdentityPreview
          form={form}
          logoUrl={
            identity.logo
              ? `/api/public/identity/logo?v=${encodeURIComponent(identity.logo.updatedAt)}`
              : undefined
          }
        />
      </div>
    </>
  );
}

function LogoSection({ identity, onChange }: { identity: Identity; onChange: (i: Identity) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function upload(file: File | undefined): Promise<void> {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const res = await put<{ identity: Identity }>('/api/identity/logo', {
        filename: file.name,
        content: await fileToBase64(file),
      });
      onChange(res.identity);
      setDone(t('identity.logoSaved'));
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }
  async function remove(): Promise<void> {
    setError(undefined);
    try {
      onChange((await post<{ identity: Identity }>('/api/identity/logo/remove')).identity);
      setDone(t('identity.logoRemoved'));
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }
  const logo = identity.logo;
  return (
    <section className="panel" aria-labelledby="identity-logo">
      <h2 id="identity-logo">{t('identity.logo')}</h2>
      <p className="muted small">{t('identity.logoHelp')}</p>
      <p>
        {logo
          ? t('identity.logoCurrent', {
              type: logo.type.replace('image/', '').replace('+xml', '').toUpperCase(),
              width: logo.width,
              height: logo.height,
            })
          : t('identity.logoNone')}
      </p>
      <div className="form-row inline">
        <FilePicker
          label={t('identity.logoPick')}
          accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"
          disabled={busy}
          onFile={(file) => void upload(file)}
        />
        {logo && (
          <button type="button" className="button" onClick={() => void remove()}>
            {t('identity.logoRemove')}
          </button>
        )}
      </div>
      {error && <ErrorBox error={error} />}
      {done && <Notice kind="success">{done}</Notice>}
    </section>
  );
}

function ContrastHint({ id, colour }: { id: string; colour: string }) {
  const { t, lang } = useI18n();
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) return null;
  const ratio = contrastRatio(colour.toLowerCase(), '#ffffff');
  const ok = ratio >= MIN_CONTRAST;
  return (
    <span id={id} className={ok ? 'contrast-ok' : 'contrast-low'} role={ok ? undefined : 'alert'}>
      {ok ? '✓ ' : '✗ '}
      {t('identity.contrast', { ratio: ratio.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') })} —{' '}
      {t(ok ? 'identity.contrastOk' : 'identity.contrastLow')}
    </span>
  );
}

function IdentityForm(props: {
  form: IdentityInput;
  onChange: (form: IdentityInput) => void;
  onSaved: (identity: Identity) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const { form, onChange } = props;
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<IdentityInput>) => {
    setSaved(false);
    onChange({ ...form, ...patch });
  };
  const contact = (key: keyof IdentityInput['contact'], value: string) =>
    set({ contact: { ...form.contact, [key]: value } });
  const facts = (patch: Partial<IdentityInput['accessibility']>) =>
    set({ accessibility: { ...form.accessibility, ...patch } });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      props.onSaved((await put<{ identity: Identity }>('/api/identity', form)).identity);
      setSaved(true);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  const colour = (key: 'primaryColour' | 'secondaryColour', label: MessageKey) => (
    <div className="form-row">
      <label htmlFor={`${id}-${key}`}>{t(label)}</label>
      <div className="colour-row">
        <input
          type="color"
          aria-label={`${t(label)} (palette)`}
          value={form[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
        <input
          id={`${id}-${key}`}
          value={form[key]}
          size={9}
          maxLength={7}
          aria-describedby={`${id}-${key}-contrast`}
          onChange={(e) => set({ [key]: e.target.value.trim() })}
        />
      </div>
      <ContrastHint id={`${id}-${key}-contrast`} colour={form[key]} />
    </div>
  );

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <section className="panel" aria-labelledby={`${id}-general`}>
        <h2 id={`${id}-general`}>{t('identity.colours')}</h2>
        <label>
          {t('identity.name')}
          <input
            required
            minLength={2}
            maxLength={120}
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
        {colour('primaryColour', 'identity.primary')}
        {colour('secondaryColour', 'identity.secondary')}
      </section>
      <section className="panel" aria-labelledby={`${id}-contact`}>
        <h2 id={`${id}-contact`}>{t('identity.contact')}</h2>
        <label>
          {t('identity.address')}
          <textarea
            rows={3}
            maxLength={400}
            value={form.contact.address}
            onChange={(e) => contact('address', e.target.value)}
          />
        </label>
        <label>
          {t('identity.email')}
          <input type="email" value={form.contact.email} onChange={(e) => contact('email', e.target.value)} />
        </label>
        <label>
          {t('identity.phone')}
          <input
            type="tel"
            maxLength={40}
            value={form.contact.phone}
            onChange={(e) => contact('phone', e.target.value)}
          />
        </label>
        <label>
          {t('identity.website')}
          <input
            type="url"
            value={form.contact.website}
            onChange={(e) => contact('website', e.target.value)}
          />
        </label>
      </section>
      <section className="panel" aria-labelledby={`${id}-a11y`}>
        <h2 id={`${id}-a11y`}>{t('identity.accessibility')}</h2>
        <p className="muted small">{t('identity.accessibilityHelp')}</p>
        <label>
          {t('identity.conformity')}
          <select
            value={form.accessibility.conformity}
            onChange={(e) =>
              facts({ conformity: e.target.value as IdentityInput['accessibility']['conformity'] })
            }
          >
            {CONFORMITY.map((c) => (
              <option key={c} value={c}>
                {t(`identity.conformity.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('identity.rate')}
          <input
            type="number"
            min={0}
            max={100}
            step={0.1}
            value={form.accessibility.rate ?? ''}
            onChange={(e) => facts({ rate: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
        <label>
          {t('identity.auditDate')}
          <input
            type="date"
            value={form.accessibility.auditDate}
            onChange={(e) => facts({ auditDate: e.target.value })}
          />
        </label>
        <label>
          {t('identity.auditor')}
          <input
            maxLength={200}
            value={form.accessibility.auditor}
            onChange={(e) => facts({ auditor: e.target.value })}
          />
        </label>
        <label>
          {t('identity.nonCompliant')}
          <textarea
            rows={4}
            maxLength={4000}
            value={form.accessibility.nonCompliant}
            onChange={(e) => facts({ nonCompliant: e.target.value })}
          />
        </label>
        <label>
          {t('identity.statementDate')}
          <input
            type="date"
            value={form.accessibility.statementDate}
            onChange={(e) => facts({ statementDate: e.target.value })}
          />
        </label>
      </section>
      {error && <ErrorBox error={error} />}
      {saved && <Notice kind="success">{t('identity.saved')}</Notice>}
      <p className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('identity.save')}
        </button>
        <a className="button" href="/public/accessibilite" target="_blank" rel="noreferrer">
          {t('identity.previewLink')}
        </a>
      </p>
    </form>
  );
}
