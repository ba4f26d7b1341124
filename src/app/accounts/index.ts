export * from './schemas.js';
export * from './deps.js';
export { LoginLimiter, type LoginLimitOptions } from './login-limit.js';
export { hashPassword, verifyPassword, generatePassword, dummyPasswordHash } from './passwords.js';
export { checkPasswordPolicy } from './policy.js';
export { signIn, resolveSession, openSession, type SignedIn } from './sign-in.js';
export { changeOwnPassword, resetWithToken } from './passwords-change.js';
export {
  createUser,
  updateUser,
  assertNotLastAdmin,
  adminResetPassword,
  consoleResetPassword,
  consoleEnable,
  resetPassword,
  resetLink,
} from './admin.js';
export { sendAccountInvitation, INVITATION_LINK_HOURS, type AccountInvitation } from './invite.js';
