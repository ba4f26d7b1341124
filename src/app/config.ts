import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { fieldIssues, PanoramaError } from '../contract/errors/index.js';
import { POSTGRES_URL } from '../contract/errors/zod.js';
import { jsonErrorOffset } from '../survey/json-error.js';
import { lineColumnAt } from '../survey/json-position.js';

/**
 * Server configuration: environment variables win over `panorama.config.json` (same keys, camelCase),
 * which wins over defaults. Validated once at start so a typo fails loudly before anything listens.
 */
export const serverConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  databaseUrl: z.string().regex(POSTGRES_URL).optional(),
  dataDir: z.string().min(1).default('./data'),
  baseUrl: z.url().optional(),
  smtpUrl: z.string().min(1).optional(),
  mailFrom: z.string().min(1).default('Panorama <panorama@localhost>'),
  /** Maximum request body, in bytes. */
  bodyLimit: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** Failed sign-ins allowed per IP address within loginWindowMinutes (successes do not count). */
  loginRateLimit: z.coerce.number().int().positive().default(10),
  /** Failed sign-ins allowed per account within loginWindowMinutes; a success resets the count. */
  loginAccountLimit: z.coerce.number().int().positive().default(5),
  /** The window, in minutes, over which failed sign-ins are counted. */
  loginWindowMinutes: z.coerce.number().positive().default(15),
  /** Absolute session lifetime in hours from sign-in, whatever the activity. */
  sessionHours: z.coerce.number().positive().default(12),
  /** A session unused for this many minutes ends (idle timeout). */
  sessionIdleMinutes: z.coerce.number().positive().default(120),
  /** Validity of a password reset link, in hours (single use). */
  resetLinkHours: z.coerce.number().positive().default(24),
  /**
   * Trust X-Forwarded-For from a reverse proxy (true, or its address/CIDR). Off by default:
   * otherwise anyone could forge the header and escape the login rate limit.
   */
  trustProxy: z
    .union([z.boolean(), z.string().min(1)])
    .transform((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v))
    .default(false),
  /** Worker threads rendering DOCX/PDF/XLSX documents; default: the cores less one (at least 1). */
  renderThreads: z.coerce.number().int().min(1).max(64).optional(),
  /** Renders allowed to wait for a thread before requests get 503; default 4 per thread. */
  renderQueue: z.coerce.number().int().min(0).max(1000).optional(),
  /** Folder of the scheduled backups (panorama backup archives); absent = no scheduled backup. */
  backupDir: z.string().min(1).optional(),
  /** Hours between two scheduled backups (at most 24 days: Node timers stop there). */
  backupIntervalHours: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
  /** Scheduled backups kept in backupDir (the oldest are deleted). */
  backupKeep: z.coerce.number().int().min(1).max(10_000).default(7),
  /** Seed the demo network on an empty database at start. */
  demo: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 'true' || v === '1')
    .default(true),
});

export type ServerConfigInput = z.input<typeof serverConfigSchema>;
export interface ServerConfig extends Omit<z.output<typeof serverConfigSchema>, 'baseUrl'> {
  /** Public URL of the app, used in e-mails and links; defaults to http://localhost:PORT. */
  baseUrl: string;
}

const ENV_KEYS: Record<string, keyof ServerConfigInput> = {
  PORT: 'port',
  HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  DATA_DIR: 'dataDir',
  BASE_URL: 'baseUrl',
  SMTP_URL: 'smtpUrl',
  MAIL_FROM: 'mailFrom',
  BODY_LIMIT: 'bodyLimit',
  LOGIN_RATE_LIMIT: 'loginRateLimit',
  SESSION_HOURS: 'sessionHours',
  SESSION_IDLE_MINUTES: 'sessionIdleMinutes',
  LOGIN_ACCOUNT_LIMIT: 'loginAccountLimit',
  LOGIN_WINDOW_MINUTES: 'loginWindowMinutes',
  RESET_LINK_HOURS: 'resetLinkHours',
  PANORAMA_DEMO: 'demo',
  TRUST_PROXY: 'trustProxy',
  RENDER_THREADS: 'renderThreads',
  RENDER_QUEUE: 'renderQueue',
  BACKUP_DIR: 'backupDir',
  BACKUP_INTERVAL_HOURS: 'backupIntervalHours',
  BACKUP_KEEP: 'backupKeep',
};

/** A configuration Panorama cannot start with: each setting named, worded in the user's language. */
export class ConfigError extends PanoramaError<'config_invalid' | 'config_json_invalid'> {
  override name = 'ConfigError';
}

/** Builds the configuration from an optional config file, the environment and explicit overrides. */
export function loadConfig(
  options: { env?: NodeJS.ProcessEnv; file?: string; overrides?: ServerConfigInput } = {},
): ServerConfig {
  const env = options.env ?? process.env;
  const file = resolve(options.file ?? env.PANORAMA_CONFIG ?? 'panorama.config.json');
  let fromFile: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      const text = readFileSync(file, 'utf8');
      const { line, column } = lineColumnAt(text, jsonErrorOffset(text));
      throw new ConfigError('config_json_invalid', { file, line, column });
    }
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const parsed = serverConfigSchema.safeParse(
    { ...fromFile, ...fromEnv, ...options.overrides },
    { reportInput: true },
  );
  if (!parsed.success) {
    // zod's own text is never shown: each setting is named with what it expects.
    const settings = fieldIssues(parsed.error.issues).map((issue) => {
      const key = issue.field.split(/[.[]/)[0] ?? '';
      const envName = Object.entries(ENV_KEYS).find(([, k]) => k === key)?.[0];
      return { name: envName ?? key, issue };
    });
    throw new ConfigError('config_invalid', { settings });
  }
  const config = parsed.data;
  return {
    ...config,
    dataDir: resolve(config.dataDir),
    baseUrl: (config.baseUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, ''),
  };
}
