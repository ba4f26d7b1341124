import type { Store, User } from '../store/index.js';
import { generatePassword, hashPassword } from './auth/passwords.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@panorama.local';

/**
 * On a database without any account, creates the first administrator with a random password
 * that is returned once (only its argon2id hash is stored). Later starts return undefined.
 */
export async function ensureFirstAdmin(
  store: Store,
  email = DEFAULT_ADMIN_EMAIL,
): Promise<{ user: User; password: string } | undefined> {
  if ((await store.users.count()) > 0) return undefined;
  const password = generatePassword();
  const user = await store.users.create({
    email,
    name: 'Administrateur',
    role: 'admin',
    passwordHash: await hashPassword(password),
  });
  await store.audit.record({
    actor: 'system',
    action: 'user.create',
    target: user.id,
    details: { email, firstStart: true },
  });
  return { user, password };
}
