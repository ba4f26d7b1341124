import { useState, type FormEvent } from 'react';
import { post } from '../../api.js';
import { formatDate, useI18n, type MessageKey } from '../../i18n.js';
import type { EraseResponse, PersonExport } from '../../../contract/privacy.js';
import { useModalDialog } from '../archive/useModalDialog.js';
import { ErrorBox, Notice, toApiError } from '../common.js';

/** A person's access request (JSON export) or erasure request (after the address is typed again). */
export function PersonPanel() {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<PersonExport>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const [confirm, setConfirm] = useState('');
  const [erased, setErased] = useState<EraseResponse>();
  const [busy, setBusy] = useState(false);

  async function search(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    setFound(undefined);
    setErased(undefined);
    try {
      setFound(await post<PersonExport>('/api/privacy/person/export', { email }));
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }

  function download(): void {
    if (!found) return;
    const blob = new Blob([JSON.stringify(found, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `donnees-${found.email.replace(/[^a-z0-9@._-]/gi, '_')}.json`;
    a.click();
    URL.revokeObjectURL(url);
  }

  async function erase(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!found) return;
    setBusy(true);
    setError(undefined);
    try {
      setErased(await post<EraseResponse>('/api/privacy/person/erase', { email: found.email, confirm }));
      setOpen(false);
      setFound(undefined);
      setConfirm('');
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="person-title">
      <h2 id="person-title">{t('privacy.person.title')}</h2>
      <p>{t('privacy.person.help')}</p>
      <form className="form form-row inline" onSubmit={(e) => void search(e)}>
        <label htmlFor="person-email">{t('privacy.person.email')}</label>
        <input
          id="person-email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" className="button primary">
          {t('privacy.person.search')}
        </button>
      </form>
      {!open && <ErrorBox error={error} />}
      {erased && (
        <Notice kind="success">{t('privacy.person.erased', { pseudonym: erased.pseudonym })}</Notice>
      )}
      {found && (
        <div className="person-summary">
          <h3>{t('privacy.person.summary', { email: found.email })}</h3>
          <ul>
            <li>
              {found.account
                ? t('privacy.person.account', {
                    name: found.account.name,
                    role: t(`role.${found.account.role}` as MessageKey),
                    date: formatDate(found.account.createdAt, lang),
                  })
                : t('privacy.person.noAccount')}
            </li>
            <li>
              {t('privacy.person.structures', {
                n: found.structureContacts.length + found.directoryContacts.length,
              })}
            </li>
            <li>{t('privacy.person.invitations', { n: found.invitations.length })}</li>
            <li>{t('privacy.person.mail', { n: found.mailLog.length })}</li>
            <li>{t('privacy.person.households', { n: found.householdContacts.length })}</li>
            <li>{t('privacy.person.outbox', { n: found.outboxFiles.length })}</li>
            <li>{t('privacy.person.audit', { n: found.audit.length })}</li>
          </ul>
          <div className="actions">
            <button type="button" className="button" onClick={download}>
              {t('privacy.person.download')}
            </button>
            <button type="button" className="button danger" onClick={() => setOpen(true)}>
              {t('privacy.person.erase')}
            </button>
          </div>
        </div>
      )}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        onClose={() => setOpen(false)}
        aria-labelledby="erase-dialog-title"
      >
        <form onSubmit={(e) => void erase(e)}>
          <h2 id="erase-dialog-title">{t('privacy.person.eraseTitle', { email: found?.email ?? '' })}</h2>
          <p>{t('privacy.person.eraseText')}</p>
          <div className="form-row">
            <label htmlFor="erase-confirm">{t('privacy.person.confirmLabel')}</label>
            <input
              id="erase-confirm"
              type="email"
              required
              autoComplete="off"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          </div>
          {open && <ErrorBox error={error} />}
          <div className="dialog-actions">
            <button type="submit" className="button danger" disabled={busy}>
              {t('privacy.person.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('privacy.person.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
