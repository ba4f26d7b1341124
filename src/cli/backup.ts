/**
 * `panorama backup`, `panorama restore` and `panorama migrate-to`: thin adapters over
 * src/app/maintenance. Every user mistake is a PanoramaError (French message, no stack trace).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PanoramaError } from '../contract/errors/index.js';
import type { Store } from '../store/index.js';
import { loadCliConfig, parseCommandArgs, type CliCommand } from './run.js';

const BACKUP_HELP = `Usage : panorama backup [--out FICHIER] [--data-dir DOSSIER]

Sauvegarde toute la base de Panorama dans un seul fichier, pendant que le serveur tourne.
  --out FICHIER     fichier à écrire (défaut : ./panorama-<date>.ndjson.gz) ;
                    .ndjson.gz : archive portable (SQLite ou PostgreSQL), avec manifeste et SHA-256 ;
                    .sqlite : copie SQLite cohérente (base SQLite embarquée seulement).
  --data-dir DIR    dossier de la base SQLite (DATA_DIR) ; DATABASE_URL désigne une base PostgreSQL.
`;

const RESTORE_HELP = `Usage : panorama restore FICHIER [--force] [--data-dir DOSSIER]

Restaure une sauvegarde (archive .ndjson.gz ou copie .sqlite) dans une base VIDE, tout ou rien.
  --force           remplace le contenu d'une base qui contient déjà des données.
  --data-dir DIR    dossier de la base SQLite (DATA_DIR) ; DATABASE_URL désigne une base PostgreSQL.
`;

const MIGRATE_HELP = `Usage : panorama migrate-to postgres://utilisateur@hôte:port/base [--data-dir DOSSIER]

Copie la base SQLite embarquée (DATA_DIR) dans une base PostgreSQL VIDE, puis vérifie le nombre de
lignes de chaque table des deux côtés. Arrêtez le serveur pendant la copie.
`;

const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
const fr = (n: number): string => n.toLocaleString('fr-FR');

async function openTarget(
  config: { databaseUrl?: string; dataDir: string },
  options: { mustExist: boolean },
): Promise<{ store: Store; name: string }> {
  const { openStore, sqliteFile } = await import('../store/index.js');
  const name = config.databaseUrl ? redact(config.databaseUrl) : sqliteFile(config.dataDir);
  if (!config.databaseUrl && options.mustExist && !existsSync(name)) {
    throw new PanoramaError('database_unreachable', { target: name, cause: 'missing' });
  }
  let store: Store | undefined;
  try {
    store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await store.ping();
    return { store, name };
  } catch (error) {
    await store?.close().catch(() => undefined);
    if (error instanceof PanoramaError) throw error;
    const { describeOpenFailure } = await import('../store/index.js');
    throw new PanoramaError('database_unreachable', { target: name, ...describeOpenFailure(error) });
  }
}

function summary(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `${fr(total)} lignes dans ${Object.keys(counts).length} tables`;
}

function table(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, n]) => `    ${name.padEnd(24)} ${fr(n).padStart(10)}`)
    .join('\n');
}

function help(args: string[], text: string): boolean {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(text);
    return true;
  }
  return false;
}

export const backupCommand: CliCommand = {
  summary: 'sauvegarder la base dans un fichier (archive portable ou copie SQLite)',
  async run(args) {
    if (help(args, BACKUP_HELP)) return 0;
    const { values } = parseCommandArgs(
      { args, options: { out: { type: 'string' }, 'data-dir': { type: 'string' } }, strict: true },
      `\n\n${BACKUP_HELP}`,
    );
    const { backup, backupFileName } = await import('../app/maintenance/index.js');
    const config = await loadCliConfig(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
    const now = new Date();
    const out = resolve(values.out ?? backupFileName(now));
    const { store } = await openTarget(config, { mustExist: true });
    try {
      const result = await backup(store, { out, now });
      process.stdout.write(
        `Sauvegarde écrite : ${result.file}\n` +
          `  format  : ${result.format === 'sqlite' ? 'copie SQLite (VACUUM INTO)' : 'archive portable (NDJSON compressé)'}\n` +
          `  schéma  : ${result.schemaVersion}\n` +
          `  contenu : ${summary(result.counts)}\n` +
          `  taille  : ${fr(result.bytes)} octets\n` +
          `  SHA-256 : ${result.sha256}\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};

export const restoreCommand: CliCommand = {
  summary: 'restaurer une sauvegarde dans une base vide',
  async run(args) {
    if (help(args, RESTORE_HELP)) return 0;
    const { values, positionals } = parseCommandArgs(
      {
        args,
        options: { force: { type: 'boolean' }, 'data-dir': { type: 'string' } },
        allowPositionals: true,
        strict: true,
      },
      `\n\n${RESTORE_HELP}`,
    );
    if (positionals.length !== 1) {
      throw new PanoramaError('cli_one_argument', {
        command: 'restore',
        what: 'backup_file',
        count: positionals.length,
      });
    }
    const { restore, currentSchemaVersion } = await import('../app/maintenance/index.js');
    const config = await loadCliConfig(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
    const { store, name } = await openTarget(config, { mustExist: false });
    try {
      const result = await restore(store, {
        file: positionals[0]!,
        force: values.force === true,
        target: name,
      });
      process.stdout.write(
        `Sauvegarde restaurée dans ${name}\n` +
          `  fichier : ${result.file}\n` +
          `  schéma  : ${result.schemaVersion} (base mise à jour vers ${await currentSchemaVersion()})\n` +
          `  contenu : ${summary(result.counts)}, vérifiées table par table\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};

export const migrateToCommand: CliCommand = {
  summary: 'copier la base SQLite embarquée dans PostgreSQL',
  async run(args) {
    if (help(args, MIGRATE_HELP)) return 0;
    const { values, positionals } = parseCommandArgs(
      { args, options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: true },
      `\n\n${MIGRATE_HELP}`,
    );
    if (positionals.length !== 1) {
      throw new PanoramaError('cli_one_argument', {
        command: 'migrate-to',
        what: 'postgres_url',
        count: positionals.length,
      });
    }
    const url = positionals[0]!;
    const { isPostgresUrl } = await import('../store/index.js');
    if (!isPostgresUrl(url)) throw new PanoramaError('migrate_needs_postgres', { url: redact(url) });
    const { migrateToPostgres } = await import('../app/maintenance/index.js');
    const config = await loadCliConfig(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
    if (config.databaseUrl) throw new PanoramaError('migrate_source_not_sqlite');
    const source = await openTarget(config, { mustExist: true });
    try {
      const target = await openTarget({ databaseUrl: url, dataDir: config.dataDir }, { mustExist: true });
      try {
        const result = await migrateToPostgres(source.store, target.store, { target: target.name });
        process.stdout.write(
          `Copie terminée : ${source.name} → ${target.name}\n` +
            `  schéma  : ${result.schemaVersion ?? '-'}\n` +
            `  contenu : ${summary(result.counts)}, nombres de lignes identiques des deux côtés :\n` +
            `${table(result.counts)}\n` +
            `  rapports : ${result.reportsCompared} campagne(s), identiques des deux côtés\n` +
            `Pour utiliser PostgreSQL : DATABASE_URL=${target.name} panorama start\n`,
        );
        return 0;
      } finally {
        await target.store.close();
      }
    } finally {
      await source.store.close();
    }
  },
};
