import { useId } from 'react';
import { useI18n } from '../i18n.js';
import { MIN_PASSWORD_LENGTH } from '../../contract/users.js';

/** The new password and its confirmation, with the policy stated before the fields (RGAA 11.10). */
export function NewPasswordFields({
  value,
  confirm,
  onChange,
  onConfirm,
}: {
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirm: (value: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <p id={`${id}-rules`} className="muted small">
        {t('account.rules')}
      </p>
      <label>
        {t('account.new')}
        <input
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          aria-describedby={`${id}-rules`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      <label>
        {t('account.confirm')}
        <input
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(event) => onConfirm(event.target.value)}
        />
      </label>
    </>
  );
}

/** The client-side checks that need no server: confirmation and length (the server checks all). */
export function localPasswordProblem(
  t: ReturnType<typeof useI18n>['t'],
  value: string,
  confirm: string,
): string | undefined {
  const length = [...value].length;
  if (length < MIN_PASSWORD_LENGTH) return t('account.tooShort', { n: length });
  if (value !== confirm) return t('account.mismatch');
  return undefined;
}
