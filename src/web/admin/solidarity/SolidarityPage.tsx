import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, post, put } from '../../api.js';
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
import type {
  DirectoryAnswer,
  HouseholdsAnswer,
  ItemsAnswer,
  OverdueAnswer,
  ProgrammesAnswer,
  ServiceInput,
} from '../../types.js';
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
const today = () => new Date().toISOString().slice(0, 10);

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

function DirectoryEditor({ structureId }: { structureId: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const current = useApi<DirectoryAnswer>(
    `/api/solidarity/structures/${encodeURIComponent(structureId)}/directory`,
  );
  const [rows, setRows] = useState<ServiceRow[]>([]);
  const [siret, setSiret] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [phone, setPhone] = useState('');
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
        profile: { siretOrRna: siret || null, postalCode: postalCode || null, phone: phone || null },
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
      <h2 id={`${id}-title`}>{t('sol.directory')}</h2>
      {current.data.entry.openNow && <p className="badge">{t('sol.openNow')}</p>}
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

function ProgrammeItems({ structureId, programmeId }: { structureId: string; programmeId: string }) {
  const { t } = useI18n();
  const base = `/api/solidarity/programmes/${encodeURIComponent(programmeId)}`;
  const q = `?structureId=${encodeURIComponent(structureId)}`;
  const items = useApi<ItemsAnswer>(`${base}/items${q}`);
  const households = useApi<HouseholdsAnswer>(`${base}/households${q}`);
  const [household, setHousehold] = useState<Record<string, string>>({});
  const [due, setDue] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const codeOf = useMemo(
    () => new Map((households.data?.households ?? []).map((h) => [h.id, h.code])),
    [households.data],
  );
  const current = (itemId: string) =>
    (items.data?.allocations ?? []).filter(
      (a) => a.itemId === itemId && (a.mode === 'don' || a.returnedOn === null),
    )[0];

  async function act(run: () => Promise<unknown>): Promise<void> {
    setError(undefined);
    try {
      await run();
      items.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  if (items.error) return <ErrorBox error={items.error} />;
  if (!items.data || !households.data) return <Loading />;
  if (items.data.items.length === 0) return <p>{t('sol.noItems')}</p>;
  return (
    <>
      <ErrorBox error={error} />
      <div className="table-wrap">
        <table>
          <caption>{t('sol.items')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sol.code')}</th>
              <th scope="col">{t('sol.category')}</th>
              <th scope="col">{t('sol.state')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.data.items.map((item) => {
              const out = current(item.id);
              const who = out ? (codeOf.get(out.householdId) ?? '—') : '';
              return (
                <tr key={item.id}>
                  <th scope="row">{item.code}</th>
                  <td>{`${item.category} — ${item.model}`}</td>
                  <td>
                    {!out
                      ? t('sol.inStock')
                      : out.mode === 'pret'
                        ? t('sol.lent', { household: who, due: out.dueOn ?? '—' })
                        : t('sol.given', { household: who })}
                  </td>
                  <td>
                    {out?.mode === 'pret' && (
                      <button
                        type="button"
                        className="small-button"
                        onClick={() =>
                          void act(() =>
                            post(`/api/solidarity/allocations/${out.id}/return`, {
                              returnedOn: today(),
                              condition: 'bon',
                            }),
                          )
                        }
                      >
                        {t('sol.return')}
                      </button>
                    )}
                    {!out && (
                      <div className="form-row inline">
                        <label>
                          {t('sol.household')}
                          <select
                            style={FIT}
                            value={household[item.id] ?? ''}
                            onChange={(e) => setHousehold({ ...household, [item.id]: e.target.value })}
                          >
                            <option value="">—</option>
                            {households.data!.households.map((h) => (
                              <option key={h.id} value={h.id}>
                                {h.code}
                              </option>
                            ))}
                          </select>
                        </label>
                        <label>
                          {t('sol.due')}
                          <input
                            type="date"
                            value={due[item.id] ?? ''}
                            onChange={(e) => setDue({ ...due, [item.id]: e.target.value })}
                          />
                        </label>
                        <button
                          type="button"
                          className="small-button"
                          disabled={!household[item.id]}
                          onClick={() =>
                            void act(() =>
                              post('/api/solidarity/allocations', {
                                itemId: item.id,
                                householdId: household[item.id],
                                mode: 'pret',
                                date: today(),
                                dueOn: due[item.id] || null,
                              }),
                            )
                          }
                        >
                          {t('sol.lend')}
                        </button>
                        <button
                          type="button"
                          className="small-button"
                          disabled={!household[item.id]}
                          onClick={() =>
                            void act(() =>
                              post('/api/solidarity/allocations', {
                                itemId: item.id,
                                householdId: household[item.id],
                                mode: 'don',
                                date: today(),
                              }),
                            )
                          }
                        >
                          {t('sol.give')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Overdue() {
  const { t } = useI18n();
  const overdue = useApi<OverdueAnswer>('/api/solidarity/loans/overdue');
  if (overdue.error) return null;
  if (!overdue.data) return <Loading />;
  return (
    <section className="panel" aria-labelledby="sol-overdue">
      <h2 id="sol-overdue">{t('sol.overdue')}</h2>
      {overdue.data.overdue.length === 0 ? (
        <p>{t('sol.noOverdue')}</p>
      ) : (
        <ul>
          {overdue.data.overdue.map((o) => (
            <li key={o.allocationId}>{`${o.item} — ${o.household} — ${o.dueOn}`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SolidarityPage() {
  const { t } = useI18n();
  const id = useId();
  const structures = useApi<{ structures: { id: string; name: string }[] }>('/api/structures');
  const programmes = useApi<ProgrammesAnswer>('/api/solidarity/programmes');
  const [structureId, setStructureId] = useState('');
  const [programmeId, setProgrammeId] = useState('');
  const chosen = structureId || structures.data?.structures[0]?.id || '';
  const programme = programmeId || programmes.data?.programmes[0]?.id || '';
  return (
    <>
      <h1>{t('sol.title')}</h1>
      <ErrorBox error={structures.error} />
      {!structures.data && <Loading />}
      {structures.data && (
        <div className="form-row">
          <label htmlFor={`${id}-structure`}>{t('sol.structure')}</label>
          <select
            style={FIT}
            id={`${id}-structure`}
            value={chosen}
            onChange={(e) => setStructureId(e.target.value)}
          >
            {structures.data.structures.map((s) => (
              <option key={s.id} value={s.id}>
                {`${s.name} (${s.id})`}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && <DirectoryEditor key={chosen} structureId={chosen} />}
      <section className="panel" aria-labelledby={`${id}-programme`}>
        <h2 id={`${id}-programme`}>{t('sol.programme')}</h2>
        {programmes.data?.programmes.length === 0 && <p>{t('sol.noProgramme')}</p>}
        {programmes.data && programmes.data.programmes.length > 0 && (
          <div className="form-row">
            <label htmlFor={`${id}-prog`}>{t('sol.programme')}</label>
            <select
              style={FIT}
              id={`${id}-prog`}
              value={programme}
              onChange={(e) => setProgrammeId(e.target.value)}
            >
              {programmes.data.programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {chosen && programme && (
          <ProgrammeItems key={`${chosen}-${programme}`} structureId={chosen} programmeId={programme} />
        )}
      </section>
      <Overdue />
    </>
  );
}
