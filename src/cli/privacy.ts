/**
 * `panorama privacy purge|export|erase`: thin adapters over src/app/privacy (the administrators'
 * "Données personnelles" page). Uses the same DATABASE_URL / DATA_DIR as `panorama start`.
 */
import { writeFileSync } from 'node:fs';
import { PanoramaError } from '../contract/errors/index.js';
import type { Store } from '../store/index.js';
import { cliLang } from './lang.js';
import { loadCliConfig, parseCommandArgs, type CliCommand } from './run.js';

const HELP = `Usage:
  panorama privacy purge [--dry-run]
  panorama privacy export --email ADRESSE [--out FICHIER.json]
  panorama privacy erase --email ADRESSE [--yes]

purge    Efface les données personnelles arrivées au terme de leur durée de conservation (celles
         réglées par l'administrateur dans « Données personnelles »). --dry-run : compte seulement.
export   Écrit en JSON tout ce que Panorama détient sur une adresse e-mail (compte, contacts des
         structures, envois, journal d'audit) : sur la sortie standard, ou dans --out FICHIER.
erase    Efface ou anonymise tout ce qui concerne l'adresse (définitif) ; sans --yes, montre
         seulement ce qui serait effacé.

Options communes : --data-dir DOSSIER (base SQLite), --lang fr|en. DATABASE_URL désigne une base PostgreSQL.
`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  lang: { type: 'string' },
  'dry-run': { type: 'boolean' },
  email: { type: 'string' },
  out: { type: 'string' },
  yes: { type: 'boolean' },
} as const;

async function withStore<T>(
  dataDir: string | undefined,
  fn: (deps: { store: Store; now: () => Date; outboxDir?: string }) => Promise<T>,
): Promise<T> {
  const { openStore } = await import('../store/index.js');
  const { outboxDirOf } = await import('../app/privacy/index.js');
  const config = await loadCliConfig(dataDir ? { dataDir } : {});
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    return await fn({ store, now: () => new Date(), outboxDir: outboxDirOf(config) });
  } finally {
    await store.close();
  }
}

const line = (text: string) => process.stdout.write(`${text}\n`);

export const privacyCommand: CliCommand = {
  summary: 'personal data: retention purge, a person’s export or erasure',
  async run(args) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
      process.stdout.write(HELP);
      return sub ? 0 : 2;
    }
    if (!['purge', 'export', 'erase'].includes(sub))
      throw new PanoramaError('cli_unknown_subcommand', {
        command: 'privacy',
        sub,
        allowed: ['purge', 'export', 'erase'],
      });
    const { values } = parseCommandArgs({ args: rest, options: OPTIONS, strict: true }, `\n\n${HELP}`);
    const fr = cliLang(process.argv.slice(2)) === 'fr';
    const app = await import('../app/privacy/index.js');

    if (sub === 'purge') {
      const dryRun = values['dry-run'] === true;
      const result = await withStore(values['data-dir'], (deps) =>
        app.purgeExpired(deps, { dryRun, actor: 'cli' }),
      );
      line(
        dryRun
          ? fr
            ? 'Données arrivées à échéance (rien n’est effacé, --dry-run) :'
            : 'Expired data (nothing erased, --dry-run):'
          : fr
            ? 'Données effacées :'
            : 'Data erased:',
      );
      for (const [key, n] of Object.entries(result.counts)) line(`  ${key.padEnd(20)} ${n}`);
      return 0;
    }

    const email = values.email?.trim();
    if (!email) throw new PanoramaError('privacy_cli_email', { command: sub });
    if (sub === 'export') {
      const copy = await withStore(values['data-dir'], (deps) =>
        app.exportPerson(deps, { email, actor: 'cli' }),
      );
      const json = `${JSON.stringify(copy, null, 2)}\n`;
      if (values.out) {
        writeFileSync(values.out, json);
        line(fr ? `Export écrit dans ${values.out}` : `Export written to ${values.out}`);
      } else process.stdout.write(json);
      return 0;
    }

    if (!values.yes) {
      const copy = await withStore(values['data-dir'], (deps) =>
        app.exportPerson(deps, { email, actor: 'cli' }),
      );
      line(fr ? `Seraient effacés pour ${email} :` : `Would be erased for ${email}:`);
      line(`  account              ${copy.account ? 1 : 0}`);
      line(`  structureContacts    ${copy.structureContacts.length}`);
      line(`  directoryContacts    ${copy.directoryContacts.length}`);
      line(`  invitations          ${copy.invitations.length}`);
      line(`  mailLog              ${copy.mailLog.length}`);
      line(`  householdContacts    ${copy.householdContacts.length}`);
      line(`  outboxFiles          ${copy.outboxFiles.length}`);
      line(`  audit (pseudonymised) ${copy.audit.length}`);
      line(
        fr
          ? 'Rien n’a été effacé. Relancez avec --yes pour effacer (définitif).'
          : 'Nothing was erased. Run again with --yes to erase (cannot be undone).',
      );
      return 1;
    }
    const done = await withStore(values['data-dir'], (deps) =>
      app.erasePerson(deps, { email, confirm: email, actor: 'cli' }),
    );
    line(
      fr
        ? `Effacé ; dans le journal d’audit : ${done.pseudonym}`
        : `Erased; in the audit log: ${done.pseudonym}`,
    );
    for (const [key, n] of Object.entries(done.counts)) line(`  ${key.padEnd(20)} ${n}`);
    return 0;
  },
};
