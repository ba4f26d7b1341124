export { createApp, type CreateAppOptions } from './app.js';
export {
  loadConfig,
  ConfigError,
  serverConfigSchema,
  type ServerConfig,
  type ServerConfigInput,
} from '../app/config.js';
export { createMailer, type Mailer, type MailMessage } from '../app/mail.js';
export { ensureFirstAdmin, DEFAULT_ADMIN_EMAIL } from './first-start.js';
export { hashPassword, verifyPassword, generatePassword } from './auth/passwords.js';
export { DEFAULT_WEB_ROOT } from './web.js';
export { SESSION_COOKIE } from './auth/session.js';
