import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCliConfig, parseCommandArgs, type CliCommand } from '../cli/run.js';
import { PanoramaError } from '../contract/errors/index.js';

const HELP = `Usage: panorama start [options]

Runs the Panorama web application (API + web interface).

Options:
  --port N          port to listen on (env PORT, default 3000)
  --host H          interface to listen on (env HOST, default 127.0.0.1; 0.0.0.0 for every interface)
  --data-dir DIR    folder of the SQLite database and the mail outbox (env DATA_DIR, default ./data)
  --no-demo         do not create the demo network on an empty database (env PANORAMA_DEMO=false)
  -h, --help        show this help

Other settings (DATABASE_URL, BASE_URL, SMTP_URL, MAIL_FROM, panorama.config.json) are described in
docs/configuration.md.
`;

const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * The interface is built at install time (`npm install` runs `prepare`, or `npm run build`), never
 * here: a server must not need vite, a development tool, to start.
 */
function warnIfWebNotBuilt(): void {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  process.stderr.write(
    `panorama: the web interface is not built (${WEB_ROOT} is missing): serving the API and respondent API only. Run "npm run build".\n`,
  );
}

export const startCommand: CliCommand = {
  summary: 'run the Panorama web application',
  async run(args) {
    const { values } = parseCommandArgs(
      {
        args,
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          'data-dir': { type: 'string' },
          'no-demo': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      },
      `\n\n${HELP}`,
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const { createApp, ensureFirstAdmin } = await import('../server/index.js');
    const { openStore } = await import('../store/index.js');
    const { seedDemo, isEmptyDatabase } = await import('../demo/index.js');
    const config = await loadCliConfig({
      ...(values.port ? { port: values.port } : {}),
      ...(values.host ? { host: values.host } : {}),
      ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
      ...(values['no-demo'] ? { demo: false } : {}),
    });
    let store;
    try {
      store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const { backupBeforeMigration } = await import('../app/maintenance/index.js');
      const saved = await backupBeforeMigration(store, {
        dir: config.backupDir ?? join(config.dataDir, 'backups'),
      });
      if (saved) process.stdout.write(`Sauvegarde avant mise à jour du schéma : ${saved.file}\n`);
      await store.migrate();
    } catch (err) {
      await store?.close().catch(() => undefined);
      if (err instanceof PanoramaError) throw err;
      const { describeOpenFailure, sqliteFile } = await import('../store/index.js');
      const target = config.databaseUrl ? 'DATABASE_URL' : sqliteFile(config.dataDir);
      throw new PanoramaError('database_unreachable', { target, ...describeOpenFailure(err) });
    }
    const firstAdmin = await ensureFirstAdmin(store, process.env.ADMIN_EMAIL || undefined);
    if (config.demo && (await isEmptyDatabase(store))) {
      const demo = await seedDemo(store);
      process.stdout.write(
        `Demo data created: ${demo.structures} structures, a closed campaign (${demo.closedCampaign.submitted} answers) ` +
          `and an open one (${demo.openCampaign.submitted} answers, ${demo.openCampaign.drafts} drafts).\n`,
      );
    }
    warnIfWebNotBuilt();
    const app = await createApp({ store, config, logger: process.env.PANORAMA_LOG === '1' });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      await store.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new PanoramaError('start_port_in_use', { port: config.port });
      throw err;
    }
    const { startBackupSchedule } = await import('../app/maintenance/index.js');
    const backups = config.backupDir
      ? startBackupSchedule(store, {
          dir: config.backupDir,
          intervalHours: config.backupIntervalHours,
          keep: config.backupKeep,
        })
      : undefined;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const database = config.databaseUrl ? 'PostgreSQL' : `SQLite ${join(config.dataDir, 'panorama.sqlite')}`;
    process.stdout.write(
      `\nPanorama is running: ${config.baseUrl.replace(/:\d+$/, `:${port}`)}  (listening on ${config.host}:${port}, ${database})\n`,
    );
    if (firstAdmin) {
      process.stdout.write(
        `\nFirst start: administrator account created.\n  e-mail:   ${firstAdmin.user.email}\n  password: ${firstAdmin.password}\n` +
          `This password is shown only once: note it now (change it in Utilisateurs, or run "panorama admin create").\n\n`,
      );
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.stdout.write('\nStopping Panorama…\n');
        void app
          .close()
          .then(() => backups?.stop())
          .then(() => store.close())
          .then(resolve, resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
