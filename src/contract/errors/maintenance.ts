import type { Lang } from '../lang.js';
import { defineErrors } from './define.js';

/**
 * Backups, restores and moves between databases (panorama backup / restore / migrate-to): each
 * message names the file or database and says what to do; nothing has been written when one is raised.
 */
const q = (text: string) => `« ${text} »`;

/** Why a database could not be opened (src/store/open-failure.ts reads it from the driver). */
export type DatabaseFailureCause =
  | 'missing'
  | 'not_postgres_url'
  | 'folder'
  | 'not_a_database'
  | 'busy'
  | 'unreachable'
  | 'authentication'
  | 'no_such_database'
  | 'permission'
  | 'migration'
  | 'other';

/** A database that could not be opened: where, why, and the driver's code when known. */
export interface DatabaseFailure {
  target: string;
  cause: DatabaseFailureCause;
  code?: string;
  migration?: string;
}

const FAILURES: Record<DatabaseFailure['cause'], Record<Lang, string>> = {
  missing: {
    fr: 'aucune base à cet endroit (vérifiez --data-dir ou DATA_DIR)',
    en: 'no database there (check --data-dir or DATA_DIR)',
  },
  not_postgres_url: {
    fr: 'DATABASE_URL doit commencer par postgres:// ou postgresql:// (laissez-la vide pour la base SQLite embarquée)',
    en: 'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite database)',
  },
  folder: {
    fr: 'le dossier de données n’existe pas ou n’est pas accessible en écriture (vérifiez --data-dir ou DATA_DIR)',
    en: 'the data folder does not exist or cannot be written (check --data-dir or DATA_DIR)',
  },
  not_a_database: {
    fr: 'ce fichier n’est pas une base SQLite ou il est endommagé (restaurez une sauvegarde : panorama restore)',
    en: 'this file is not a SQLite database or it is damaged (restore a backup: panorama restore)',
  },
  busy: {
    fr: 'la base est verrouillée par un autre programme (un autre Panorama ?) ; réessayez quand il a fini',
    en: 'the database is locked by another program (another Panorama?); try again when it has finished',
  },
  unreachable: {
    fr: 'le serveur PostgreSQL ne répond pas à cette adresse (vérifiez l’hôte et le port de DATABASE_URL, et qu’il est démarré)',
    en: 'the PostgreSQL server does not answer at this address (check the host and port of DATABASE_URL, and that it is running)',
  },
  authentication: {
    fr: 'PostgreSQL refuse l’utilisateur ou le mot de passe de DATABASE_URL',
    en: 'PostgreSQL refuses the user or password of DATABASE_URL',
  },
  no_such_database: {
    fr: 'cette base n’existe pas sur le serveur PostgreSQL (créez-la : createdb)',
    en: 'this database does not exist on the PostgreSQL server (create it: createdb)',
  },
  permission: {
    fr: 'l’utilisateur PostgreSQL n’a pas les droits de créer les tables de Panorama dans cette base',
    en: 'the PostgreSQL user may not create Panorama’s tables in this database',
  },
  migration: {
    fr: 'la mise à jour du schéma a échoué et a été annulée ; la base est restée telle quelle',
    en: 'the schema upgrade failed and was rolled back; the database is unchanged',
  },
  other: { fr: 'erreur inattendue de la base', en: 'unexpected database error' },
};

function failureText(p: DatabaseFailure, lang: Lang): string {
  const migration = p.migration ? ` (${p.migration})` : '';
  const code = p.code ? ` [code ${p.code}]` : '';
  return `${(FAILURES[p.cause] ?? FAILURES.other)[lang]}${migration}${code}`;
}

export const maintenanceErrors = defineErrors({
  backup_file_missing: {
    status: 404,
    fr: (p: { file: string }) =>
      `Le fichier de sauvegarde ${q(p.file)} n'existe pas ou n'est pas un fichier.`,
    en: (p: { file: string }) => `The backup file "${p.file}" does not exist or is not a file.`,
  },
  backup_not_an_archive: {
    status: 422,
    fr: (p: { file: string }) =>
      `Le fichier ${q(p.file)} n'est pas une sauvegarde Panorama (ni archive .ndjson.gz produite par ` +
      '« panorama backup », ni fichier SQLite). Rien n’a été restauré.',
    en: (p: { file: string }) =>
      `The file "${p.file}" is not a Panorama backup (neither a .ndjson.gz archive made by ` +
      '"panorama backup" nor a SQLite file). Nothing was restored.',
  },
  backup_corrupted: {
    status: 422,
    fr: (p: { file: string; reason: string }) =>
      `La sauvegarde ${q(p.file)} est endommagée (${p.reason}). Rien n’a été restauré : ` +
      'utilisez une autre sauvegarde.',
    en: (p: { file: string; reason: string }) =>
      `The backup "${p.file}" is damaged (${p.reason}). Nothing was restored: use another backup.`,
  },
  backup_schema_newer: {
    status: 422,
    fr: (p: { file: string; version: string; latest: string }) =>
      `La sauvegarde ${q(p.file)} vient d’une version plus récente de Panorama (schéma ${q(p.version)}, ` +
      `cette version connaît jusqu’à ${q(p.latest)}). Mettez Panorama à jour avant de la restaurer. ` +
      'Rien n’a été restauré.',
    en: (p: { file: string; version: string; latest: string }) =>
      `The backup "${p.file}" comes from a newer Panorama (schema "${p.version}", this version knows ` +
      `up to "${p.latest}"). Upgrade Panorama before restoring it. Nothing was restored.`,
  },
  backup_target_not_empty: {
    status: 409,
    fr: (p: { target: string; tables: string }) =>
      `La base ${q(p.target)} contient déjà des données (${p.tables}). Restaurez dans une base vide ` +
      '(un nouveau dossier DATA_DIR ou une nouvelle base PostgreSQL), ou ajoutez --force pour remplacer ' +
      'son contenu. Rien n’a été modifié.',
    en: (p: { target: string; tables: string }) =>
      `The database "${p.target}" already holds data (${p.tables}). Restore into an empty database ` +
      '(a new DATA_DIR folder or a new PostgreSQL database), or add --force to replace its content. ' +
      'Nothing was changed.',
  },
  migrate_target_not_empty: {
    status: 409,
    fr: (p: { target: string; tables: string }) =>
      `La base PostgreSQL ${q(p.target)} contient déjà des données Panorama (${p.tables}) : ` +
      'migrate-to ne copie que dans une base vide. Créez une nouvelle base (createdb) et relancez. ' +
      'Rien n’a été modifié.',
    en: (p: { target: string; tables: string }) =>
      `The PostgreSQL database "${p.target}" already holds Panorama data (${p.tables}): migrate-to ` +
      'only copies into an empty database. Create a new one (createdb) and run it again. Nothing was changed.',
  },
  backup_schema_mismatch: {
    status: 409,
    fr: (p: { target: string; source: string; current: string }) =>
      `La base ${q(p.target)} contient des données au schéma ${q(p.current)}, la sauvegarde est au ` +
      `schéma ${q(p.source)} : restaurez dans une base vide. Rien n’a été modifié.`,
    en: (p: { target: string; source: string; current: string }) =>
      `The database "${p.target}" holds data at schema "${p.current}", the backup is at schema ` +
      `"${p.source}": restore into an empty database. Nothing was changed.`,
  },
  backup_count_mismatch: {
    status: 500,
    fr: (p: { table: string; expected: number; actual: number }) =>
      `Vérification après copie : la table ${q(p.table)} compte ${p.actual} lignes au lieu de ` +
      `${p.expected}. Tout a été annulé.`,
    en: (p: { table: string; expected: number; actual: number }) =>
      `Check after copy: the table "${p.table}" has ${p.actual} rows instead of ${p.expected}. ` +
      'Everything was rolled back.',
  },
  migrate_report_mismatch: {
    status: 500,
    fr: (p: { campaign: string }) =>
      `Vérification après copie : le rapport de la campagne ${q(p.campaign)} diffère entre SQLite et ` +
      'PostgreSQL. Ne passez pas encore à PostgreSQL et signalez ce problème ; la base SQLite est intacte.',
    en: (p: { campaign: string }) =>
      `Check after copy: the report of the campaign "${p.campaign}" differs between SQLite and ` +
      'PostgreSQL. Do not switch to PostgreSQL yet and report this problem; the SQLite database is intact.',
  },
  backup_out_exists: {
    status: 409,
    fr: (p: { file: string }) =>
      `Le fichier ${q(p.file)} existe déjà : choisissez un autre nom avec --out (une sauvegarde n’est ` +
      'jamais écrasée).',
    en: (p: { file: string }) =>
      `The file "${p.file}" already exists: choose another name with --out (a backup is never overwritten).`,
  },
  backup_write_failed: {
    status: 500,
    fr: (p: { file: string; reason: string }) =>
      `La sauvegarde n’a pas pu être écrite dans ${q(p.file)} : ${p.reason}.`,
    en: (p: { file: string; reason: string }) =>
      `The backup could not be written to "${p.file}": ${p.reason}.`,
  },
  migrate_needs_postgres: {
    status: 400,
    fr: (p: { url: string }) =>
      `${q(p.url)} n’est pas une adresse PostgreSQL : donnez une URL postgres://utilisateur@hôte:port/base.`,
    en: (p: { url: string }) =>
      `"${p.url}" is not a PostgreSQL address: give a postgres://user@host:port/db URL.`,
  },
  migrate_source_not_sqlite: {
    status: 400,
    fr: () =>
      'migrate-to copie la base SQLite embarquée vers PostgreSQL, mais DATABASE_URL désigne déjà une base ' +
      'PostgreSQL : retirez DATABASE_URL pour désigner la base SQLite (--data-dir ou DATA_DIR).',
    en: () =>
      'migrate-to copies the embedded SQLite database to PostgreSQL, but DATABASE_URL already names a ' +
      'PostgreSQL database: unset DATABASE_URL to use the SQLite database (--data-dir or DATA_DIR).',
  },
  database_unreachable: {
    status: 400,
    fr: (p: DatabaseFailure) => `Impossible d’ouvrir la base ${q(p.target)} : ${failureText(p, 'fr')}.`,
    en: (p: DatabaseFailure) => `Cannot open the database "${p.target}": ${failureText(p, 'en')}.`,
  },
  start_port_in_use: {
    status: 400,
    fr: (p: { port: number }) =>
      `Le port ${p.port} est déjà utilisé (un autre Panorama tourne peut-être) : choisissez-en un autre avec --port ou PORT.`,
    en: (p: { port: number }) =>
      `Port ${p.port} is already in use (another Panorama may be running): choose another with --port or PORT.`,
  },
});
