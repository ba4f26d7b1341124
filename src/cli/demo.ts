import { PanoramaError } from '../contract/errors/index.js';
import { cliLang } from './lang.js';
import { loadCliConfig, parseCommandArgs, type CliCommand } from './run.js';

const HELP = `Usage:
  panorama demo remove [--data-dir DIR]

remove   Removes the demo network, questionnaire, campaigns and answers created by "panorama start"
         on an empty database, in one transaction. What a user changed since is kept (an edited
         structure, an answer given after the start, a territory holding real structures or
         accounts). The demo is not created again afterwards. "panorama start --no-demo" never
         creates it.

Uses the same DATABASE_URL / DATA_DIR settings as "panorama start" (--data-dir to override).
`;

/** `panorama demo remove`: a thin adapter over src/app/archive (the dashboard's action). */
async function remove(rest: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    { args: rest, options: { 'data-dir': { type: 'string' }, lang: { type: 'string' } }, strict: true },
    `\n\n${HELP}`,
  );
  const { openStore } = await import('../store/index.js');
  const { removeDemo } = await import('../app/archive/index.js');
  const config = await loadCliConfig(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    const done = await removeDemo(store, { actor: 'cli' });
    const fr = cliLang(process.argv.slice(2)) === 'fr';
    process.stdout.write(
      fr
        ? `Données de démonstration retirées : ${done.structures} structures, ${done.territories} territoires, ${done.campaigns} campagnes, ${done.surveys} questionnaire(s).\n`
        : `Demo data removed: ${done.structures} structures, ${done.territories} territories, ${done.campaigns} campaigns, ${done.surveys} questionnaire(s).\n`,
    );
    for (const s of done.spared)
      process.stdout.write(
        fr ? `  conservé (${s.reason}) : ${s.name}\n` : `  kept (${s.reason}): ${s.name}\n`,
      );
    return 0;
  } finally {
    await store.close();
  }
}

export const demoCommand: CliCommand = {
  summary: 'remove the demo data (demo remove)',
  async run(args) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
      process.stdout.write(HELP);
      return sub ? 0 : 2;
    }
    if (sub === 'remove') return remove(rest);
    throw new PanoramaError('cli_unknown_subcommand', { command: 'demo', sub, allowed: ['remove'] });
  },
};
