import { useI18n, type MessageKey } from '../../i18n.js';
import type { IdentityInput } from '../../../contract/identity.js';

/**
 * What the public site will look like with the form's values, before saving: the header on the
 * primary colour, a link and a button in the secondary colour, the footer with the contact and the
 * accessibility mention. Drawn with the same colour roles as src/server/public/layout.ts.
 */
export function IdentityPreview({ form, logoUrl }: { form: IdentityInput; logoUrl: string | undefined }) {
  const { t } = useI18n();
  const { address, email, phone, website } = form.contact;
  return (
    <figure className="identity-preview" aria-labelledby="identity-preview-title">
      <figcaption id="identity-preview-title" className="field-label">
        {t('identity.preview')}
      </figcaption>
      <div className="identity-preview-frame" data-testid="identity-preview">
        <div className="identity-preview-header" style={{ background: form.primaryColour }}>
          {logoUrl && <img src={logoUrl} alt="" />}
          <span>{form.name || '—'}</span>
        </div>
        <div className="identity-preview-body">
          <p>{t('identity.previewBody')}</p>
          <p>
            <span className="identity-preview-link" style={{ color: form.secondaryColour }}>
              {t('identity.previewLink')}
            </span>
          </p>
          <span className="identity-preview-button" style={{ background: form.secondaryColour }}>
            {t('identity.previewButton')}
          </span>
        </div>
        <div className="identity-preview-footer">
          <div>
            <strong>{form.name}</strong>
            {address && <div className="identity-preview-address">{address}</div>}
            {email && <div>{email}</div>}
            {phone && <div>{phone}</div>}
            {website && <div>{website}</div>}
          </div>
          <div style={{ color: form.secondaryColour, textDecoration: 'underline' }}>
            {t(`footer.accessibility.${form.accessibility.conformity}` as MessageKey)}
          </div>
        </div>
      </div>
    </figure>
  );
}
