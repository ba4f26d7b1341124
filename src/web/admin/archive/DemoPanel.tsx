import { useState } from 'react';
import { post } from '../../api.js';
import { useI18n, type MessageKey } from '../../i18n.js';
import { useModalDialog } from './useModalDialog.js';
import type { DemoStatusBody } from '../../../contract/archive.js';
import { ErrorBox, Notice, toApiError, useApi } from '../common.js';

/**
 * Shown to administrators on the dashboard while demo data exists: "Retirer les données de
 * démonstration" in one action, after a dialog that counts what goes and lists what is kept.
 */
export function DemoPanel({ onRemoved }: { onRemoved: () => void }) {
  const { t } = useI18n();
  const status = useApi<DemoStatusBody>('/api/demo');
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  async function remove(): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      const result = await post<DemoStatusBody>('/api/demo/remove');
      setOpen(false);
      setDone(t('archive.demo.done', { structures: result.structures, campaigns: result.campaigns }));
      status.reload();
      onRemoved();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  if (done) return <Notice kind="success">{done}</Notice>;
  const demo = status.data;
  if (!demo?.present) return null;
  const { structures, territories, campaigns, surveys } = demo;
  const counts = { structures, territories, campaigns, surveys };
  return (
    <section className="panel demo-panel" aria-labelledby="demo-panel-title">
      <h2 id="demo-panel-title">{t('archive.demo.title')}</h2>
      <p>{t('archive.demo.text', counts)}</p>
      <button type="button" className="button danger" onClick={() => setOpen(true)}>
        {t('archive.demo.action')}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        onClose={() => setOpen(false)}
        aria-labelledby="demo-dialog-title"
      >
        <h2 id="demo-dialog-title">{t('archive.demo.action')}</h2>
        <p>{t('archive.demo.confirm', counts)}</p>
        {demo.spared.length > 0 && (
          <>
            <p>{t('archive.demo.spared')}</p>
            <ul>
              {demo.spared.map((s) => (
                <li key={`${s.kind}:${s.id}`}>
                  {s.name} ({t(`archive.demo.reason.${s.reason}` as MessageKey)})
                </li>
              ))}
            </ul>
          </>
        )}
        <ErrorBox error={error} />
        <div className="dialog-actions">
          <button type="button" className="button danger" disabled={busy} onClick={() => void remove()}>
            {busy ? t('archive.working') : t('archive.demo.action')}
          </button>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('archive.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
