import { useId, useState, type ChangeEvent } from 'react';
import { useI18n } from './i18n.js';

/**
 * A file input whose button text follows the UI language (the native one follows the browser's),
 * still a real <input type="file"> for keyboards, screen readers and tests.
 */
export function FilePicker({
  label,
  accept,
  disabled,
  onFile,
}: {
  label: string;
  accept: string;
  disabled?: boolean;
  onFile: (file: File | undefined) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState<string>();
  function change(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0];
    setName(file?.name);
    onFile(file);
    // Lets the user pick the same (corrected) file again.
    event.target.value = '';
  }
  return (
    <div className="file-picker">
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <div className="file-picker-row">
        <label className={`button${disabled ? ' disabled' : ''}`}>
          <input
            type="file"
            className="visually-hidden"
            accept={accept}
            disabled={disabled}
            aria-labelledby={`${id}-label`}
            aria-describedby={`${id}-name`}
            onChange={change}
          />
          {t('file.choose')}
        </label>
        <span id={`${id}-name`} className="muted small">
          {name ?? t('file.none')}
        </span>
      </div>
    </div>
  );
}
