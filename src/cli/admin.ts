import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import type { AccountDeps } from '../app/accounts/index.js';
import { PanoramaError } from '../contract/errors/index.js';
import { loadCliConfig, parseCommandArgs, type CliCommand } from './run.js';

const HELP = `Usage:
  panorama admin create --email E --name N [--password P] [--role admin|correspondent|viewer]
  panorama admin reset-password <email> [--link]
  panorama admin enable <email>

create          Creates an account (an administrator by default). Without --password, you are
                asked for one on a terminal; otherwise a random password is generated and
                printed once. A given password follows the policy (12 characters or more, not a
                common password, not one repeated character).
reset-password  Sets a temporary password, printed once, that must be changed at the next
                sign-in (the account's sessions end). With --link, prints a single-use reset
                link instead (valid RESET_LINK_HOURS hours) and leaves the password as it is.
enable          Re-enables a disabled account (e.g. the last administrator locked out).

Uses the same DATABASE_URL / DATA_DIR / BASE_URL settings as "panorama start" (--data-dir to override).
`;

async function askPassword(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question('Password (leave empty to generate one): ')).trim();
    return answer || undefined;
  } finally {
    rl.close();
  }
}

/** Opens the store of the configuration, runs fn over the account use cases' deps, closes. */
async function withAccounts<T>(
  dataDir: string | undefined,
  fn: (deps: AccountDeps) => Promise<T>,
): Promise<T> {
  const { openStore } = await import('../store/index.js');
  const config = await loadCliConfig(dataDir ? { dataDir } : {});
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    return await fn({ store, config, now: () => new Date() });
  } finally {
    await store.close();
  }
}

function oneEmail(positionals: string[], sub: string): string {
  if (positionals.length !== 1)
    throw new PanoramaError('cli_one_argument', {
      command: `admin ${sub}`,
      what: 'email',
      count: positionals.length,
    });
  return positionals[0]!;
}

async function create(rest: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    {
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        'data-dir': { type: 'string' },
      },
      strict: true,
    },
    `\n\n${HELP}`,
  );
  const email = z.email().safeParse(values.email ?? '');
  if (!email.success) throw new PanoramaError('cli_email_invalid', { value: values.email ?? '' });
  if (!values.name?.trim())
    throw new PanoramaError('cli_option_missing', { option: 'name', example: '--name "Camille Martin"' });
  const role = values.role ?? 'admin';
  if (!['admin', 'correspondent', 'viewer'].includes(role)) {
    throw new PanoramaError('cli_option_choice', {
      option: 'role',
      value: role,
      allowed: ['admin', 'correspondent', 'viewer'],
    });
  }
  if (role === 'correspondent') {
    throw new PanoramaError('cli_correspondent_in_web');
  }
  const { checkPasswordPolicy, createUser } = await import('../app/accounts/index.js');
  const password = values.password ?? (await askPassword());
  if (password !== undefined) checkPasswordPolicy(password, 'password');
  return withAccounts(values['data-dir'], async (deps) => {
    const created = await createUser(deps, {
      email: email.data,
      name: values.name!.trim(),
      role: role as 'admin' | 'viewer',
      territoryIds: [],
      ...(password !== undefined ? { password } : {}),
      actorId: 'cli',
    });
    process.stdout.write(`Account created: ${created.user.email} (${role}).\n`);
    if (created.password) process.stdout.write(`Password (shown only once): ${created.password}\n`);
    return 0;
  });
}

async function resetPasswordCommand(rest: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: rest,
      options: { link: { type: 'boolean' }, 'data-dir': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    },
    `\n\n${HELP}`,
  );
  const email = oneEmail(positionals, 'reset-password');
  const { consoleResetPassword } = await import('../app/accounts/index.js');
  return withAccounts(values['data-dir'], async (deps) => {
    const result = await consoleResetPassword(deps, { email, mode: values.link ? 'link' : 'temporary' });
    if (result.link) {
      process.stdout.write(
        `Reset link for ${result.user.email} (single use, valid until ${result.expiresAt}):\n${result.link}\n`,
      );
    } else {
      process.stdout.write(
        `Temporary password for ${result.user.email} (shown only once; to be changed at the next sign-in): ${result.password}\n`,
      );
    }
    if (result.user.disabled)
      process.stdout.write(`Note: this account is disabled; "panorama admin enable ${email}" enables it.\n`);
    return 0;
  });
}

async function enableCommand(rest: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    { args: rest, options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: true },
    `\n\n${HELP}`,
  );
  const email = oneEmail(positionals, 'enable');
  const { consoleEnable } = await import('../app/accounts/index.js');
  return withAccounts(values['data-dir'], async (deps) => {
    const { user, wasDisabled } = await consoleEnable(deps, { email });
    process.stdout.write(
      wasDisabled ? `Account enabled: ${user.email} (${user.role}).\n` : `Already enabled: ${user.email}.\n`,
    );
    return 0;
  });
}

export const adminCommand: CliCommand = {
  summary: 'manage accounts (admin create, reset-password, enable)',
  async run(args) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
      process.stdout.write(HELP);
      return sub ? 0 : 2;
    }
    if (sub === 'create') return create(rest);
    if (sub === 'reset-password') return resetPasswordCommand(rest);
    if (sub === 'enable') return enableCommand(rest);
    throw new PanoramaError('cli_unknown_subcommand', {
      command: 'admin',
      sub,
      allowed: ['create', 'reset-password', 'enable'],
    });
  },
};
