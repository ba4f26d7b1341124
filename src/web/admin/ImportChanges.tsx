import { useI18n, type MessageKey } from '../i18n.js';
import type { ChangeValue, FieldChange, ImportPreview } from '../types.js';
import { fr as fieldLabels } from '../messages/registry.js';

/** How many changed structures the preview lists (all of them are imported). */
const SHOWN = 100;

/** Fields Panorama knows have a translated label; free attributes keep their header name. */
const hasLabel = (field: string) => Object.hasOwn(fieldLabels, `import.field.${field}`);

/**
 * What the import will do, structure by structure: each field that changes (old → new), what is
 * added or removed, and the fields the file leaves alone.
 */
export function ImportChanges({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const label = (field: string) => (hasLabel(field) ? t(`import.field.${field}` as MessageKey) : field);
  const value = (v: ChangeValue) =>
    v === null ? t('import.empty') : typeof v === 'boolean' ? t(v ? 'import.yes' : 'import.no') : v;
  const shown = preview.changes.slice(0, SHOWN);
  return (
    <div className="import-changes">
      {preview.absent.length > 0 && (
        <p className="muted small">{t('import.absent', { fields: preview.absent.map(label).join(', ') })}</p>
      )}
      {preview.territoriesToCreate.length > 0 && (
        <p className="small">
          {t('import.territoriesToCreate', {
            names: preview.territoriesToCreate.map((x) => x.name).join(', '),
          })}
        </p>
      )}
      <h4>{t('import.changes')}</h4>
      {shown.length === 0 && <p className="muted">{t('import.noChange')}</p>}
      <ul className="change-list">
        {shown.map((structure) => (
          <li key={structure.id}>
            <p className="change-head">
              <strong>{structure.name}</strong> <code>{structure.id}</code>{' '}
              <span className={`badge badge-${structure.action}`}>{t(`import.${structure.action}`)}</span>
            </p>
            <ul className="change-fields">
              {structure.changes.map((change) => (
                <li key={change.field}>
                  <span className="change-field">{label(change.field)}</span>{' '}
                  <Change change={change} value={value} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {preview.changes.length > SHOWN && (
        <p className="muted small">{t('import.moreChanges', { n: preview.changes.length - SHOWN })}</p>
      )}
    </div>
  );
}

function Change({ change, value }: { change: FieldChange; value: (v: ChangeValue) => string }) {
  const { t } = useI18n();
  if (change.before === null)
    return (
      <>
        <ins>{value(change.after)}</ins> <span className="muted small">({t('import.added')})</span>
      </>
    );
  if (change.after === null)
    return (
      <>
        <del>{value(change.before)}</del>{' '}
        <span className="change-removed small">({t('import.removed')})</span>
      </>
    );
  return (
    <>
      <del>{value(change.before)}</del> → <ins>{value(change.after)}</ins>
    </>
  );
}
