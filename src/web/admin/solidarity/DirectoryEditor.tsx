import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, put } from '../../api.js';
import { useI18n } from '../../i18n.js';
import {
  ACCESS_LABEL_FR,
  ACCESS_MODES,
  SERVICE_CODES,
  SERVICE_LABEL_EN,
  SERVICE_LABEL_FR,
  type AccessMode,
  type ServiceCode,
} from '../../../solidarity/domain.js';
import { describeOpeningHoursFr, parseOpeningHours } from '../../../solidarity/opening-hours.js';
import type { DirectoryAnswer, ServiceInput } from '../../types.js';
import { ErrorBox, Loading, Notice, useApi } from '../common.js';

type ServiceRow = ServiceInput;
/** The server answers the access mode it stored (checked on input) as a plain string. */
const isAccessMode = (value: string): value is AccessMode =>
  (ACCESS_MODES as readonly string[]).includes(value);

const ACCESS_LABEL_EN: Record<AccessMode, string> = {
  accueil: 'Walk-in',
  sur_rendez_vous: 'By appointment',
  telephone: 'By phone',
};
/** Long service and structure names must not widen the page on a phone. */
const FIT = { maxWidth: '100%', minWidth: 0 } as const;

/** The hours as the directory will show them, or the reason they are refused. */
function HoursPreview({ hours }: { hours: string }) {
  const { t } = useI18n();
  const parsed = parseOpeningHours(hours);
  if (parsed.ok)
    return (
      <span className="muted">{t('sol.shownAs', { text: describeOpeningHoursFr(parsed.schedule) })}</span>
    );
  return (
    <span className="notice-error" role="status">
      {`Caractère ${parsed.problem.position} : « ${parsed.problem.found} » — attendu ${parsed.problem.expected}`}
    </span>
  );
}

export function DirectoryEditor({ structureId }: { structureId: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const current = useApi<DirectoryAnswer>(
    `/api/solidarity/structures/${encodeURIComponent(structureId)}/directory`,
  );
  const [rows, setRows] = useState<ServiceRow[]>([]);
  const [siret, setSiret] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [phone, setPhone] = useState('');
  const [commune, setCommune] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!current.data) return;
    setRows(
      current.data.entry.services.map(({ service, hours, access, public: p, description }) => ({
        service,
        hours,
        access: isAccessMode(access) ? access : 'accueil',
        public: p,
        description,
      })),
    );
    setSiret(current.data.profile.siretOrRna ?? '');
    setPostalCode(current.data.profile.postalCode ?? '');
    setPhone(current.data.profile.phone ?? '');
    setCommune(current.data.profile.commune ?? '');
    setLatitude(current.data.profile.latitude?.toString() ?? '');
    setLongitude(current.data.profile.longitude?.toString() ?? '');
  }, [current.data]);
  const labels = lang === 'en' ? SERVICE_LABEL_EN : SERVICE_LABEL_FR;
  const accessLabels = lang === 'en' ? ACCESS_LABEL_EN : ACCESS_LABEL_FR;
  const change = (index: number, patch: Partial<ServiceRow>) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await put(`/api/solidarity/structures/${encodeURIComponent(structureId)}/directory`, {
        profile: {
          siretOrRna: siret || null,
          postalCode: postalCode || null,
          phone: phone || null,
          commune: commune || null,
          latitude: latitude === '' ? null : Number(latitude.replace(',', '.')),
          longitude: longitude === '' ? null : Number(longitude.replace(',', '.')),
        },
        services: rows,
      });
      setSaved(true);
      current.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  if (current.error) return <ErrorBox error={current.error} />;
  if (!current.data) return <Loading />;
  return (
    <form className="panel form" onSubmit={(event) => void save(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{`${t('sol.directory')} — ${current.data.entry.name}`}</h2>
      {current.data.entry.openNow && <p className="badge">{t('sol.openNow')}</p>}
      <p>
        <a href={`/public/solidarite/${encodeURIComponent(structureId)}`} target="_blank" rel="noopener">
          {t('sol.publicLink')}
        </a>
      </p>
      <div className="grid-2">
        <label>
          {t('sol.siret')}
          <input value={siret} onChange={(e) => setSiret(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          {t('sol.postalCode')}
          <input value={postalCode} onChange={(e) => setPostalCode(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          {t('sol.phone')}
          <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <label>
          {t('sol.commune')}
          <input value={commune} onChange={(e) => setCommune(e.target.value)} />
        </label>
        <label>
          {t('sol.latitude')}
          <input value={latitude} onChange={(e) => setLatitude(e.target.value)} inputMode="decimal" />
        </label>
        <label>
          {t('sol.longitude')}
          <input value={longitude} onChange={(e) => setLongitude(e.target.value)} inputMode="decimal" />
        </label>
      </div>
      {rows.map((row, index) => (
        <fieldset key={index} className="panel">
          <legend>{`${t('sol.service')} ${index + 1} — ${labels[row.service]}`}</legend>
          <div className="grid-2">
            <label>
              {t('sol.service')}
              <select
                style={FIT}
                value={row.service}
                onChange={(e) => change(index, { service: e.target.value as ServiceCode })}
              >
                {SERVICE_CODES.map((code) => (
                  <option key={code} value={code}>
                    {labels[code]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('sol.access')}
              <select
                style={FIT}
                value={row.access}
                onChange={(e) => change(index, { access: e.target.value as AccessMode })}
              >
                {ACCESS_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {accessLabels[mode]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('sol.hours')}
              <input required value={row.hours} onChange={(e) => change(index, { hours: e.target.value })} />
              <HoursPreview hours={row.hours} />
            </label>
            <label>
              {t('sol.public')}
              <input value={row.public} onChange={(e) => change(index, { public: e.target.value })} />
            </label>
            <label>
              {t('sol.description')}
              <input
                value={row.description}
                onChange={(e) => change(index, { description: e.target.value })}
              />
            </label>
          </div>
          <button
            type="button"
            className="small-button"
            onClick={() => setRows((list) => list.filter((_, i) => i !== index))}
          >
            {t('sol.remove')}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            setRows((list) => [
              ...list,
              {
                service: 'demarches_en_ligne',
                hours: 'Mo-Fr 09:00-12:00',
                access: 'accueil',
                public: 'tous publics',
                description: '',
              },
            ])
          }
        >
          {t('sol.addService')}
        </button>
        <button type="submit" className="button primary">
          {t('sol.save')}
        </button>
      </div>
      <ErrorBox error={error} />
      {saved && <Notice kind="success">{t('sol.saved')}</Notice>}
    </form>
  );
}
