import { useId } from 'react';
import { useI18n } from '../../i18n.js';
import { ErrorBox, Loading, Notice, type ApiState } from '../common.js';
import { InvitationsPanel, WithoutEmailList } from './InvitationsPanel.js';
import { ReminderSchedule } from './ReminderSchedule.js';
import { SendLog } from './SendLog.js';
import { TemplatesForm } from './TemplatesForm.js';
import { invitedStructures, type CampaignMail } from './useCampaignMail.js';

/**
 * « Courriels » on the campaign page: the texts and their preview, the first invitation, the
 * scheduled reminders and the send log. Administrators act; correspondents read (in their scope).
 */
export function MailSection(props: {
  campaignId: string;
  mail: ApiState<CampaignMail>;
  structures: { id: string; name: string; email: string | null }[] | undefined;
  hasClosing: boolean;
  closed: boolean;
  isAdmin: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const data = props.mail.data;
  const invited = invitedStructures(data?.log);
  const notInvited = (props.structures ?? []).filter((s) => s.email?.trim() && !invited.has(s.id)).length;
  const reload = () => {
    props.mail.reload();
    props.onChange();
  };
  return (
    <section aria-labelledby={`${id}-mail`} className="mail-section">
      <h2 id={`${id}-mail`}>{t('mail.title')}</h2>
      <p className="muted">{t('mail.intro')}</p>
      <ErrorBox error={props.mail.error} />
      {!data && props.mail.loading && <Loading />}
      {data && (
        <>
          <p className="mail-counts">
            {t('mail.counts', {
              total: data.recipients.total,
              withEmail: data.recipients.withEmail,
              invited: data.recipients.invited,
            })}
          </p>
          {!props.isAdmin && <Notice>{t('mail.readOnly')}</Notice>}
          <TemplatesForm
            campaignId={props.campaignId}
            settings={data.settings}
            placeholders={data.placeholders}
            structures={props.structures ?? []}
            canEdit={props.isAdmin}
            onSaved={props.mail.reload}
          />
          <h3>{t('mail.kind.invitation')}</h3>
          {props.isAdmin && !props.closed && props.structures ? (
            <InvitationsPanel
              campaignId={props.campaignId}
              structures={props.structures}
              withoutEmail={data.recipients.withoutEmail}
              invited={invited}
              onSent={reload}
            />
          ) : (
            <WithoutEmailList structures={data.recipients.withoutEmail} />
          )}
          <ReminderSchedule
            campaignId={props.campaignId}
            schedule={data.schedule}
            hasClosing={props.hasClosing}
            notInvited={notInvited}
            canEdit={props.isAdmin && !props.closed}
            onSaved={props.mail.reload}
          />
          <SendLog log={data.log} />
        </>
      )}
    </section>
  );
}
