import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, post, query } from '../api.js';
import { useI18n } from '../i18n.js';
import type { Structure, Territory } from '../types.js';
import { ErrorBox, Loading, Notice, useApi } from './common.js';
import { RegistryImport } from './RegistryImport.js';
import { permissions, useSession } from './session.js';
import { ArchivesToggle, RemoveButton } from './archive/RemoveButton.js';
import { StructureForm } from './StructureForm.js';
import { CommuneName, useCommuneNames } from './CommuneField.js';
import { buildTree, flattenTree, TerritoryTree, type TerritoryNode } from './TerritoryTree.js';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}

function TerritoryForm({ roots, onCreated }: { roots: TerritoryNode[]; onCreated: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [level, setLevel] = useState('territoire');
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    try {
      await post('/api/territories', { name, level, parentId: parentId || undefined });
      setName('');
      onCreated();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }
  return (
    <details className="panel">
      <summary>{t('registry.addTerritory')}</summary>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${id}-name`}>{t('registry.territoryName')}</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-level`}>{t('registry.territoryLevel')}</label>
        <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="region">{t('group.region')}</option>
          <option value="departement">{t('group.departement')}</option>
          <option value="territoire">{t('group.territoire')}</option>
        </select>
        <label htmlFor={`${id}-parent`}>{t('registry.territoryParent')}</label>
        <select id={`${id}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t('registry.noParent')}</option>
          {flattenTree(roots).map(({ territory, depth }) => (
            <option key={territory.id} value={territory.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {territory.name}
            </option>
          ))}
        </select>
        <ErrorBox error={error} />
        <button type="submit">{t('common.save')}</button>
      </form>
    </details>
  );
}

export function RegistryPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const searchId = useId();
  const [territory, setTerritory] = useState<string>();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Structure>();
  const [saved, setSaved] = useState<string>();
  const q = useDebounced(search, 250);
  const territories = useApi<{ territories: Territory[] }>('/api/territories');
  const [showArchives, setShowArchives] = useState(false);
  const structures = useApi<{ structures: Structure[] }>(
    `/api/structures${query({ territory, q, archived: showArchives ? 'include' : undefined })}`,
  );
  const communeNames = useCommuneNames(
    useMemo(() => (structures.data?.structures ?? []).map((s) => s.communeCode), [structures.data]),
  );
  const canRemove = permissions.manageTerritories(user.role);
  const selectedTerritory = territories.data?.territories.find((x) => x.id === territory);
  const removed = (_done: string, message: string) => {
    setSaved(message);
    reloadAll();
  };
  const roots = useMemo(() => buildTree(territories.data?.territories ?? []), [territories.data]);

  const reloadAll = () => {
    territories.reload();
    structures.reload();
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('registry.title')}</h1>
      </div>
      {permissions.importRegistry(user.role) && territories.data && (
        <RegistryImport onImported={reloadAll} initiallyOpen={territories.data.territories.length === 0} />
      )}
      <div className="split">
        <aside className="split-side">
          <h2>{t('registry.territories')}</h2>
          <ErrorBox error={territories.error} />
          <TerritoryTree
            roots={roots}
            selected={territory}
            onSelect={setTerritory}
            allLabel={t('registry.allTerritories')}
            label={t('registry.territories')}
            t={t}
          />
          {canRemove && selectedTerritory && (
            <p className="row-actions">
              <RemoveButton
                kind="territory"
                id={selectedTerritory.id}
                name={selectedTerritory.name}
                onDone={(done, message) => {
                  setTerritory(undefined);
                  removed(done, message);
                }}
              />
            </p>
          )}
          {permissions.manageTerritories(user.role) && (
            <TerritoryForm roots={roots} onCreated={territories.reload} />
          )}
        </aside>
        <section className="split-main" aria-labelledby={`${searchId}-title`}>
          <h2 id={`${searchId}-title`}>{t('registry.structures')}</h2>
          <div className="form-row">
            <label htmlFor={searchId}>{t('registry.search')}</label>
            <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          {canRemove && <ArchivesToggle checked={showArchives} onChange={setShowArchives} />}
          {saved && <Notice kind="success">{saved}</Notice>}
          {editing && (
            <StructureForm
              key={editing.id}
              structure={editing}
              territories={roots}
              onCancel={() => setEditing(undefined)}
              onSaved={(structure) => {
                setEditing(undefined);
                setSaved(t('common.labelled', { label: structure.name, value: t('common.saved') }));
                structures.reload();
              }}
            />
          )}
          <ErrorBox error={structures.error} />
          {structures.loading && !structures.data && <Loading />}
          {structures.data && (
            <>
              <p className="muted small" aria-live="polite">
                {t('registry.count', { n: structures.data.structures.length })}
              </p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('common.name')}</th>
                      <th scope="col">{t('common.id')}</th>
                      <th scope="col">{t('registry.type')}</th>
                      <th scope="col">{t('registry.territory')}</th>
                      <th scope="col">{t('commune.search')}</th>
                      <th scope="col">QPV</th>
                      {permissions.editStructures(user.role) && <th scope="col">{t('common.actions')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {structures.data.structures.map((structure) => (
                      <tr key={structure.id}>
                        <th scope="row">
                          {structure.name}
                          {structure.archivedAt && (
                            <span className="badge archived-badge">{t('archive.archived')}</span>
                          )}
                        </th>
                        <td>
                          <code>{structure.id}</code>
                        </td>
                        <td>{structure.type ?? '—'}</td>
                        <td>{structure.territory ?? '—'}</td>
                        <td>
                          <CommuneName code={structure.communeCode} names={communeNames} />
                        </td>
                        <td>
                          {structure.qpv === null ? '—' : structure.qpv ? t('common.yes') : t('common.no')}
                        </td>
                        {permissions.editStructures(user.role) && (
                          <td>
                            <button
                              type="button"
                              className="small-button"
                              aria-label={`${t('common.edit')} ${structure.name}`}
                              onClick={() => {
                                setSaved(undefined);
                                setEditing(structure);
                              }}
                            >
                              {t('common.edit')}
                            </button>
                            {canRemove && (
                              <RemoveButton
                                kind="structure"
                                id={structure.id}
                                name={structure.name}
                                archived={!!structure.archivedAt}
                                onDone={removed}
                              />
                            )}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      </div>
    </>
  );
}
