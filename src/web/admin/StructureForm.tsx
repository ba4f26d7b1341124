import { CommuneField } from './CommuneField.js';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, put } from '../api.js';
import { useI18n } from '../i18n.js';
import type { Structure } from '../types.js';
import { ErrorBox } from './common.js';
import type { TerritoryNode } from './TerritoryTree.js';
import { flattenTree } from './TerritoryTree.js';

type Draft = Omit<Structure, 'id' | 'territory'>;

/** Free attributes edited as "key = value" lines: readable, and no per-key widget needed. */
function attributesToText(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => `${key} = ${value}`)
    .join('\n');
}

function textToAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const index = line.indexOf('=');
    if (index <= 0) continue;
    const key = line.slice(0, index).trim();
    if (key) attributes[key] = line.slice(index + 1).trim();
  }
  return attributes;
}

export function StructureForm({
  structure,
  territories,
  onSaved,
  onCancel,
}: {
  structure: Structure;
  territories: TerritoryNode[];
  onSaved: (structure: Structure) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({ ...structure });
  const [attributes, setAttributes] = useState(attributesToText(structure.attributes));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const orNull = (value: string) => (value.trim() === '' ? null : value);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const { name, type, address, communeCode, territoryId, qpv, managerType, email } = draft;
      const answer = await put<{ structure: Structure }>(
        `/api/structures/${encodeURIComponent(structure.id)}`,
        {
          name,
          type,
          address,
          communeCode,
          territoryId,
          qpv,
          managerType,
          email,
          attributes: textToAttributes(attributes),
        },
      );
      onSaved(answer.structure);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="panel form" onSubmit={(event) => void save(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {t('registry.edit')} — <code>{structure.id}</code>
      </h2>
      <div className="grid-2">
        <label>
          {t('common.name')}
          <input required value={draft.name} onChange={(e) => set('name', e.target.value)} />
        </label>
        <label>
          {t('registry.type')}
          <select
            value={draft.type ?? ''}
            onChange={(e) => set('type', e.target.value === '' ? null : (e.target.value as 'CS' | 'EVS'))}
          >
            <option value="">{t('registry.unknown')}</option>
            <option value="CS">CS</option>
            <option value="EVS">EVS</option>
          </select>
        </label>
        <label>
          {t('registry.territory')}
          <select
            value={draft.territoryId ?? ''}
            onChange={(e) => set('territoryId', orNull(e.target.value))}
          >
            <option value="">{t('registry.unknown')}</option>
            {flattenTree(territories).map(({ territory, depth }) => (
              <option key={territory.id} value={territory.id}>
                {'\u00a0\u00a0'.repeat(depth)}
                {territory.name}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <CommuneField value={draft.communeCode} onChange={(code) => set('communeCode', code)} />
        </div>
        <label className="span-2">
          {t('registry.address')}
          <input value={draft.address ?? ''} onChange={(e) => set('address', orNull(e.target.value))} />
        </label>
        <label>
          {t('common.email')}
          <input
            type="email"
            value={draft.email ?? ''}
            onChange={(e) => set('email', orNull(e.target.value))}
          />
        </label>
        <label>
          {t('registry.managerType')}
          <input
            value={draft.managerType ?? ''}
            onChange={(e) => set('managerType', orNull(e.target.value))}
          />
        </label>
        <label>
          {t('registry.qpv')}
          <select
            value={draft.qpv === null ? '' : draft.qpv ? 'oui' : 'non'}
            onChange={(e) => set('qpv', e.target.value === '' ? null : e.target.value === 'oui')}
          >
            <option value="">{t('registry.unknown')}</option>
            <option value="oui">{t('common.yes')}</option>
            <option value="non">{t('common.no')}</option>
          </select>
        </label>
        <label className="span-2">
          {t('registry.attributes')} <span className="muted small">(clé = valeur)</span>
          <textarea rows={3} value={attributes} onChange={(e) => setAttributes(e.target.value)} />
        </label>
      </div>
      <ErrorBox error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
