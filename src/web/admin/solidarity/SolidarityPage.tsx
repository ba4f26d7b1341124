import { useId, useMemo, useState } from 'react';
import { ApiError, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import type { HouseholdsAnswer, ItemsAnswer, OverdueAnswer, ProgrammesAnswer } from '../../types.js';
import { ErrorBox, Loading, useApi } from '../common.js';
import { useSession } from '../session.js';
import { DirectoryEditor } from './DirectoryEditor.js';
import { HouseholdForm, ItemForm, SupportForm } from './ProgrammeForms.js';
import { StaffPanel } from './StaffPanel.js';

/** Long service and structure names must not widen the page on a phone. */
const FIT = { maxWidth: '100%', minWidth: 0 } as const;
const today = () => new Date().toISOString().slice(0, 10);

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
  const { user } = useSession();
  // A structure's staff acts for its own structure only: no registry list to choose from.
  const staff = user.role === 'structure';
  const structures = useApi<{ structures: { id: string; name: string }[] }>(
    staff ? undefined : '/api/structures',
  );
  const programmes = useApi<ProgrammesAnswer>('/api/solidarity/programmes');
  const [structureId, setStructureId] = useState('');
  const [programmeId, setProgrammeId] = useState('');
  const [version, setVersion] = useState(0);
  const chosen = staff ? (user.structureId ?? '') : structureId || structures.data?.structures[0]?.id || '';
  const programme = programmeId || programmes.data?.programmes[0]?.id || '';
  const saved = () => setVersion((v) => v + 1);
  return (
    <>
      <h1>{t('sol.title')}</h1>
      <ErrorBox error={structures.error} />
      {!staff && !structures.data && <Loading />}
      {!staff && structures.data && (
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
        {chosen && programme && user.role !== 'viewer' && (
          <>
            <HouseholdForm structureId={chosen} programmeId={programme} onSaved={saved} />
            <ItemForm structureId={chosen} programmeId={programme} onSaved={saved} />
          </>
        )}
        {chosen && programme && (
          <ProgrammeItems
            key={`${chosen}-${programme}-${version}`}
            structureId={chosen}
            programmeId={programme}
          />
        )}
        {chosen && programme && user.role !== 'viewer' && (
          <SupportForm
            key={`support-${chosen}-${programme}-${version}`}
            structureId={chosen}
            programmeId={programme}
            onSaved={() => undefined}
          />
        )}
      </section>
      <Overdue />
      {chosen && (user.role === 'admin' || user.role === 'correspondent') && (
        <StaffPanel key={`staff-${chosen}`} structureId={chosen} />
      )}
    </>
  );
}
