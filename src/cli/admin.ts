import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { CliError, loadCliConfig, parseCommandArgs, type CliCommand } from './run.js';

const HELP = `Usage: panorama admin create --email E --name N [--password P] [--role admin|correspondent|viewer]

Creates an account (an administrator by default). Without --password, you are asked for one
on a terminal; otherwise a random password is generated and printed once.
Uses the same DATABASE_URL / DATA_DIR settings as "panorama start" (--data-dir to override).
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

export const adminCommand: CliCommand = {
  summary: 'manage administrator accounts (admin create)',
  async run(args) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
      process.stdout.write(HELP);
      return sub ? 0 : 2;
    }
    if (sub !== 'create') throw new CliError(`unknown admin subcommand "${sub}".\n\n${HELP}`);
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
    if (!email.success)
      throw new CliError(`--email: a valid e-mail address is required (got "${values.email ?? ''}").`);
    if (!values.name?.trim()) throw new CliError('--name: the name of the person is required.');
    const role = values.role ?? 'admin';
    if (!['admin', 'correspondent', 'viewer'].includes(role)) {
      throw new CliError(`--role: "${role}" is not one of admin, correspondent, viewer.`);
    }
    if (role === 'correspondent') {
      throw new CliError(
        '--role correspondent: create correspondents in the web interface (Utilisateurs), where territories are chosen.',
      );
    }
    const { hashPassword, generatePassword } = await import('../server/index.js');
    const { MIN_PASSWORD_LENGTH } = await import('../server/auth/passwords.js');
    const { openStore, StoreConflictError } = await import('../store/index.js');
    const config = await loadCliConfig(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
    let password = values.password ?? (await askPassword());
    const generated = password === undefined;
    password ??= generatePassword();
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new CliError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await store.migrate();
      const user = await store.users.create({
        email: email.data,
        name: values.name.trim(),
        role: role as 'admin' | 'viewer',
        passwordHash: await hashPassword(password),
      });
      await store.audit.record({
        actor: 'cli',
        action: 'user.create',
        target: user.id,
        details: { email: user.email, role },
      });
      process.stdout.write(`Account created: ${user.email} (${role}).\n`);
      if (generated) process.stdout.write(`Password (shown only once): ${password}\n`);
      return 0;
    } catch (err) {
      if (err instanceof StoreConflictError)
        throw new CliError(`an account already exists for ${email.data}.`);
      throw err;
    } finally {
      await store.close();
    }
  },
};
