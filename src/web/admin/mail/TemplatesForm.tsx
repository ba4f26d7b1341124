import { useId, useState } from 'react';
import { post, put } from '../../api.js';
import { useI18n, type MessageKey } from '../../i18n.js';
import { ErrorBox, Notice, toApiError } from '../common.js';
import { mailPath, type MailKind, type MailPreview, type MailSettings } from './useCampaignMail.js';

interface Named {
  id: string;
  name: string;
}

/** The fields a text may hold, each explained (the server refuses any other). */
function PlaceholderHelp({ names }: { names: string[] }) {
  const { t } = useI18n();
  return (
    <details className="mail-fields">
      <summary>{t('mail.placeholders')}</summary>
      <dl>
        {names.map((name) => (
          <div key={name}>
            <dt>
              <code>{`{${name}}`}</code>
            </dt>
            <dd>{t(`mail.ph.${name}` as MessageKey)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * The invitation and reminder texts (subject and body), the federation's name and signature,
 * and a preview rendered by the server for a structure of the campaign, from the texts being
 * edited (not yet saved).
 */
export function TemplatesForm(props: {
  campaignId: string;
  settings: MailSettings;
  placeholders: string[];
  structures: Named[];
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<MailSettings>(props.settings);
  const [kind, setKind] = useState<MailKind>('invitation');
  const [structureId, setStructureId] = useState('');
  const [preview, setPreview] = useState<MailPreview>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const template = draft[kind];
  const edit = (change: Partial<MailSettings>) => {
    setSaved(false);
    setDraft({ ...draft, ...change });
  };
  const editTemplate = (field: 'subject' | 'body', value: string) =>
    edit({ [kind]: { ...template, [field]: value } });

  async function save(): Promise<void> {
    setError(undefined);
    try {
      setDraft(await put<MailSettings>(mailPath(props.campaignId, '/templates'), draft));
      setSaved(true);
      props.onSaved();
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }
  async function showPreview(): Promise<void> {
    setError(undefined);
    try {
      setPreview(
        await post<MailPreview>(mailPath(props.campaignId, '/preview'), {
          kind,
          settings: draft,
          ...(structureId ? { structureId } : {}),
        }),
      );
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }

  return (
    <details className="panel" open>
      <summary>{t('mail.templates')}</summary>
      <div className="grid-2">
        <label htmlFor={`${id}-fed`}>
          {t('mail.federation')}
          <input
            id={`${id}-fed`}
            value={draft.federation}
            readOnly={!props.canEdit}
            onChange={(e) => edit({ federation: e.target.value })}
          />
        </label>
        <label htmlFor={`${id}-sig`}>
          {t('mail.signature')}
          <textarea
            id={`${id}-sig`}
            rows={2}
            value={draft.signature}
            readOnly={!props.canEdit}
            onChange={(e) => edit({ signature: e.target.value })}
          />
        </label>
      </div>
      <div className="mail-tabs" role="radiogroup" aria-label={t('mail.templates')}>
        {(['invitation', 'reminder'] as const).map((k) => (
          <label key={k} className="checkbox">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setPreview(undefined);
              }}
            />
            {t(`mail.kind.${k}`)}
          </label>
        ))}
      </div>
      <div className="form">
        <label htmlFor={`${id}-subject`}>
          {t('mail.subject')} — {t(`mail.kind.${kind}`)}
          <input
            id={`${id}-subject`}
            value={template.subject}
            readOnly={!props.canEdit}
            onChange={(e) => editTemplate('subject', e.target.value)}
          />
        </label>
        <label htmlFor={`${id}-body`}>
          {t('mail.body')} — {t(`mail.kind.${kind}`)}
          <textarea
            id={`${id}-body`}
            rows={12}
            value={template.body}
            readOnly={!props.canEdit}
            onChange={(e) => editTemplate('body', e.target.value)}
          />
        </label>
      </div>
      <PlaceholderHelp names={props.placeholders} />
      <ErrorBox error={error} />
      {saved && <Notice kind="success">{t('mail.saved')}</Notice>}
      <div className="actions">
        {props.canEdit && (
          <button type="button" className="primary" onClick={() => void save()}>
            {t('mail.saveTemplates')}
          </button>
        )}
        <label htmlFor={`${id}-for`} className="mail-preview-for">
          {t('mail.previewFor')}
          <select id={`${id}-for`} value={structureId} onChange={(e) => setStructureId(e.target.value)}>
            <option value="">—</option>
            {props.structures.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void showPreview()}>
          {t('mail.previewShow')}
        </button>
      </div>
      {preview && (
        <article className="mail-preview" aria-label={t('mail.preview')}>
          <p className="muted small">
            {preview.to ? t('mail.previewTo', { to: preview.to }) : t('mail.previewNoAddress')}
          </p>
          <p className="mail-preview-subject">{preview.subject}</p>
          <pre>{preview.text}</pre>
        </article>
      )}
    </details>
  );
}
