import { useId, useState } from 'react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { ErrorBox, Notice, toApiError } from '../common.js';
import { mailPath, type MailSendResult } from './useCampaignMail.js';

interface Recipient {
  id: string;
  name: string;
  email: string | null;
}

/** The structures without an address, listed apart: they are never counted as sent. */
export function WithoutEmailList({ structures }: { structures: { id: string; name: string }[] }) {
  const { t } = useI18n();
  if (!structures.length) return <p className="muted small">{t('mail.noneWithoutEmail')}</p>;
  return (
    <div className="mail-without" data-testid="without-email">
      <p>{t('mail.withoutEmailTitle', { n: structures.length })}</p>
      <ul>
        {structures.map((s) => (
          <li key={s.id}>{s.name}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Envoyer les invitations": a confirmation first, giving the exact number of structures that
 * will receive the first invitation (an address, not invited yet) and, apart, those without an
 * address; then what the server did, structure by structure.
 */
export function InvitationsPanel(props: {
  campaignId: string;
  structures: Recipient[];
  withoutEmail: { id: string; name: string }[];
  invited: Set<string>;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MailSendResult>();
  const [error, setError] = useState<string>();
  const withEmail = props.structures.filter((s) => s.email?.trim());
  const toInvite = withEmail.filter((s) => !props.invited.has(s.id));
  const already = withEmail.length - toInvite.length;

  async function send(): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await post<MailSendResult>(mailPath(props.campaignId, '/invitations'), {}));
      setConfirming(false);
      props.onSent();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mail-send">
      {!confirming && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={toInvite.length === 0}
            onClick={() => {
              setResult(undefined);
              setConfirming(true);
            }}
          >
            {t('mail.send')}
          </button>
          {toInvite.length === 0 && <span className="muted small">{t('mail.sendNone')}</span>}
        </div>
      )}
      {confirming && (
        <section className="panel mail-confirm" role="dialog" aria-labelledby={`${id}-title`}>
          <h4 id={`${id}-title`}>{t('mail.confirmTitle')}</h4>
          <p>
            <strong>{t('mail.confirmCount', { n: toInvite.length })}</strong>
          </p>
          {already > 0 && <p className="muted">{t('mail.confirmAlready', { n: already })}</p>}
          <WithoutEmailList structures={props.withoutEmail} />
          <ErrorBox error={error} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
              {t('mail.confirm', { n: toInvite.length })}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('mail.cancel')}
            </button>
          </div>
        </section>
      )}
      {result && (
        <Notice kind={result.failed.length ? 'warning' : 'success'}>
          {t('mail.sent', { n: result.sent.length })}
          {result.alreadySent.length > 0 && <> {t('mail.alreadySent', { n: result.alreadySent.length })}</>}
          {result.failed.length > 0 && (
            <> {t('mail.failed', { names: result.failed.map((f) => f.name).join(', ') })}</>
          )}
        </Notice>
      )}
      {result && result.withoutEmail.length > 0 && <WithoutEmailList structures={result.withoutEmail} />}
    </div>
  );
}
