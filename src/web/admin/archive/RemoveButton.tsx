import { useState } from 'react';
import { get, post } from '../../api.js';
import { useI18n, type MessageKey } from '../../i18n.js';
import { useModalDialog } from './useModalDialog.js';
import type { RemovalPreviewBody } from '../../../contract/archive.js';
import { ErrorBox, toApiError } from '../common.js';

type Kind = RemovalPreviewBody['kind'];
export type RemovalDone = 'deleted' | 'archived' | 'restored' | 'unchanged';

/** The sentence saying what will happen: counted from the server's preview, never guessed. */
function explain(
  p: RemovalPreviewBody,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
) {
  const vars = { ...p, campaigns: p.campaigns.map((c) => `« ${c} »`).join(', ') };
  if (p.action === 'refuse') return t(`archive.${p.kind}.refuse` as MessageKey, vars);
  if (p.action === 'archive') {
    const text = t(`archive.${p.kind}.archive` as MessageKey, vars);
    return p.solidarity > 0 ? `${text} ${t('archive.structure.solidarity', { n: p.solidarity })}` : text;
  }
  return t(`archive.${p.kind}.delete` as MessageKey, vars);
}

/**
 * "Supprimer" on a row: asks the server what removing the item would do (delete, archive because
 * it holds answers, or refuse and why), says it in a confirmation dialog, then acts. Archived
 * items show "Restaurer" instead.
 */
export function RemoveButton({
  kind,
  id,
  name,
  archived = false,
  onDone,
}: {
  kind: Kind;
  id: string;
  name: string;
  archived?: boolean;
  onDone: (done: RemovalDone, message: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const [preview, setPreview] = useState<RemovalPreviewBody>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const path = `/api/archive/${kind}/${encodeURIComponent(id)}`;

  async function start(): Promise<void> {
    setPreview(undefined);
    setError(undefined);
    setOpen(true);
    try {
      setPreview((await get<{ preview: RemovalPreviewBody }>(path)).preview);
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }

  async function act(action: 'remove' | 'restore'): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      const result = await post<{ done: RemovalDone; preview: RemovalPreviewBody }>(`${path}/${action}`);
      setOpen(false);
      const key = result.done === 'unchanged' ? 'archive.done.archived' : `archive.done.${result.done}`;
      onDone(result.done, t(key as MessageKey, { name }));
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  if (archived)
    return (
      <button
        type="button"
        className="small-button"
        aria-label={t('archive.restoreNamed', { name })}
        disabled={busy}
        onClick={() => void act('restore')}
      >
        {t('archive.restore')}
      </button>
    );

  return (
    <>
      <button
        type="button"
        className="small-button danger"
        aria-label={t('archive.removeNamed', { name })}
        onClick={() => void start()}
      >
        {t('archive.remove')}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        onClose={() => setOpen(false)}
        aria-labelledby={`${path}-title`}
      >
        <h2 id={`${path}-title`}>{t('archive.dialogTitle', { name })}</h2>
        {!preview && !error && <p>{t('archive.checking')}</p>}
        {preview && <p>{explain(preview, t)}</p>}
        <ErrorBox error={error} />
        <div className="dialog-actions">
          {preview && (preview.action === 'delete' || preview.action === 'archive') && (
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => void act('remove')}
            >
              {busy
                ? t('archive.working')
                : preview.action === 'archive'
                  ? t('archive.confirmArchive')
                  : t('archive.confirmDelete')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {preview?.action === 'refuse' ? t('archive.close') : t('archive.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}

/** "Afficher les archives": archived items are hidden from lists unless asked. */
export function ArchivesToggle({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="archives-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      {t('archive.showArchives')}
    </label>
  );
}
