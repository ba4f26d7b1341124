import { dictionary } from '@zxcvbn-ts/language-common';
import { PanoramaError } from '../../contract/errors/index.js';
import type { PasswordField } from '../../contract/errors/accounts.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './schemas.js';

/**
 * The 49,000 most common passwords of zxcvbn-ts's maintained list (leaked-password corpora),
 * lower-cased: a password found there is refused whatever its case.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/**
 * The password policy: at least 12 characters (counted as the user sees them), not one character
 * repeated, not in the list of common passwords. Throws a PanoramaError saying why.
 */
export function checkPasswordPolicy(password: string, field: PasswordField = 'newPassword'): void {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH)
    throw new PanoramaError('password_too_short', { field, min: MIN_PASSWORD_LENGTH, length: chars.length });
  if (chars.length > MAX_PASSWORD_LENGTH)
    throw new PanoramaError('password_too_long', { field, max: MAX_PASSWORD_LENGTH });
  if (chars.every((c) => c === chars[0]))
    throw new PanoramaError('password_repeated', { field, char: chars[0]! });
  if (commonPasswords().has(password.toLowerCase())) throw new PanoramaError('password_common', { field });
}
