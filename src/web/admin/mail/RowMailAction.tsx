import { useI18n } from '../../i18n.js';

/**
 * What a row of the structures table offers, coherent with the server: a reminder only to a
 * structure that has received the first invitation (a reminder is never a first contact), the
 * invitation to one that has not (administrators), and why nothing when there is no address.
 */
export function RowMailAction(props: {
  structure: { id: string; name: string; email: string | null; status: string };
  invited: boolean;
  canRemind: boolean;
  canInvite: boolean;
  onRemind: () => void;
  onInvite: () => void;
}) {
  const { t } = useI18n();
  const { structure: s } = props;
  if (s.status === 'submitted') return null;
  if (!s.email?.trim()) return <span className="muted small">{t('mail.noAddress')}</span>;
  if (props.invited)
    return props.canRemind ? (
      <button
        type="button"
        className="small-button"
        aria-label={`${t('campaignDetail.remind')} ${s.name}`}
        onClick={props.onRemind}
      >
        {t('campaignDetail.remind')}
      </button>
    ) : null;
  return props.canInvite ? (
    <button
      type="button"
      className="small-button"
      aria-label={`${t('mail.invite')} ${s.name}`}
      onClick={props.onInvite}
    >
      {t('mail.invite')}
    </button>
  ) : (
    <span className="muted small">{t('mail.notInvited')}</span>
  );
}
