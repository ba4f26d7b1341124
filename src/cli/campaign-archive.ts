/**
 * `panorama campaign export|import`: a thin adapter over src/app/campaign-archive (the admin
 * pages' "Exporter l'archive" and "Importer une archive").
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { PanoramaError } from '../contract/errors/index.js';
import type { CampaignArchivePreview } from '../contract/campaign-archive.js';
import type { Store } from '../store/index.js';
import { cliLang } from './lang.js';
import { loadCliConfig, parseCommandArgs, type CliCommand } from './run.js';

const HELP = `Usage :
  panorama campaign export <identifiant|nom> [--out FICHIER] [--data-dir DOSSIER]
  panorama campaign import FICHIER [--dry-run] [--data-dir DOSSIER]

export   Écrit l'archive d'une campagne (questionnaire, registre concerné, invitations, réponses et
         révisions, contrôles, messages, instantanés publiés) dans un fichier .panorama-campaign.json.gz
         (format : docs/archive-format.md). Défaut : <nom-de-la-campagne>-<date>.panorama-campaign.json.gz.
import   Importe une archive dans cette base, en une seule transaction : structures reconnues par leur
         identifiant de registre, territoires par leur code, questionnaire par son contenu ; une
         archive déjà importée est refusée. --dry-run affiche ce qui serait créé ou reconnu, sans rien écrire.

Utilise les mêmes réglages DATABASE_URL / DATA_DIR que « panorama start » (--data-dir pour les remplacer).
`;

const fr = (n: number): string => n.toLocaleString('fr-FR');

async function withStore<T>(dataDir: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await import('../store/index.js');
  const config = await loadCliConfig(dataDir ? { dataDir } : {});
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function exportArchive(rest: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: rest,
      options: { out: { type: 'string' }, 'data-dir': { type: 'string' }, lang: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    },
    `\n\n${HELP}`,
  );
  if (positionals.length !== 1) throw new PanoramaError('campaign_archive_usage');
  const { exportCampaignArchive, findCampaign } = await import('../app/campaign-archive/index.js');
  return withStore(values['data-dir'], async (store) => {
    const campaign = await findCampaign(store, positionals[0]!);
    const archive = await exportCampaignArchive(store, campaign.id);
    const out = resolve(values.out ?? archive.fileName);
    if (existsSync(out)) throw new PanoramaError('campaign_archive_out_exists', { file: out });
    // Written beside, then renamed: an interrupted export never leaves a file that looks complete.
    writeFileSync(`${out}.part`, archive.bytes, { flag: 'wx' });
    renameSync(`${out}.part`, out);
    const c = archive.counts;
    const en = cliLang(process.argv.slice(2)) === 'en';
    process.stdout.write(
      en
        ? `Archive of "${archive.campaignName}" written: ${out}\n` +
            `  ${c.invitations} invitations, ${c.responses} answers, ${c.response_revisions} revisions, ` +
            `${c.response_reviews} reviews, ${c.structures} structures, ${c.publication_snapshots} snapshots\n` +
            `  ${archive.bytes.length} bytes, SHA-256 of the content ${archive.sha256}\n`
        : `Archive de « ${archive.campaignName} » écrite : ${out}\n` +
            `  ${fr(c.invitations)} invitations, ${fr(c.responses)} réponses, ${fr(c.response_revisions)} révisions, ` +
            `${fr(c.response_reviews)} contrôles, ${fr(c.structures)} structures, ${fr(c.publication_snapshots)} instantanés\n` +
            `  ${fr(archive.bytes.length)} octets, SHA-256 du contenu ${archive.sha256}\n`,
    );
    return 0;
  });
}

function describePreview(p: CampaignArchivePreview): string {
  const lines = [
    `Campagne « ${p.campaign.name} » (questionnaire « ${p.campaign.surveyTitle} », exportée le ${p.campaign.exportedAt.slice(0, 10)}, Panorama ${p.campaign.appVersion})`,
    `  réponses      : ${fr(p.counts.responses)} dont ${fr(p.counts.submitted)} envoyées, ${fr(p.counts.revisions)} révisions, ${fr(p.counts.reviews)} contrôles`,
    `  questionnaire : ${p.questionnaire.action === 'match' ? 'déjà présent (même contenu), réutilisé' : 'créé'}`,
    `  structures    : ${fr(p.structures.create)} créées, ${fr(p.structures.match)} reconnues par leur identifiant de registre`,
    `  territoires   : ${fr(p.territories.create)} créés, ${fr(p.territories.match)} reconnus`,
  ];
  for (const c of p.conflicts) {
    if (c.kind === 'structure_name' || c.kind === 'territory_name')
      lines.push(
        `  attention : ${c.subject} s’appelle « ${c.existing} » ici (« ${c.archived} » dans l’archive) ; le nom d’ici est gardé`,
      );
    else if (c.kind === 'token_reused')
      lines.push(
        `  attention : ${c.subject} lien(s) de réponse déjà utilisé(s) ici ; de nouveaux liens sont créés`,
      );
    else lines.push('  attention : le lien public anonyme n’est pas repris ; rouvrez-le si besoin');
  }
  if (p.alreadyImported)
    lines.push(
      `  DÉJÀ IMPORTÉE : « ${p.alreadyImported.name} » (${p.alreadyImported.campaignId}) ; l’import sera refusé`,
    );
  return `${lines.join('\n')}\n`;
}

async function importArchive(rest: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: rest,
      options: { 'dry-run': { type: 'boolean' }, 'data-dir': { type: 'string' }, lang: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    },
    `\n\n${HELP}`,
  );
  if (positionals.length !== 1) throw new PanoramaError('campaign_archive_usage');
  const path = resolve(positionals[0]!);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new PanoramaError('campaign_archive_file_missing', { file: positionals[0]! });
  const { importCampaignArchive, previewCampaignArchive, MAX_ARCHIVE_BYTES } =
    await import('../app/campaign-archive/index.js');
  if (statSync(path).size > MAX_ARCHIVE_BYTES)
    throw new PanoramaError('campaign_archive_too_large', { file: basename(path), limit: MAX_ARCHIVE_BYTES });
  const file = { name: basename(path), bytes: readFileSync(path) };
  return withStore(values['data-dir'], async (store) => {
    if (values['dry-run']) {
      process.stdout.write(
        `Aperçu (rien n’est écrit) :\n${describePreview(await previewCampaignArchive(store, file))}`,
      );
      return 0;
    }
    const result = await importCampaignArchive(store, file, { actor: 'cli' });
    process.stdout.write(
      `${describePreview(result.preview)}Importée : « ${result.name} », identifiant ${result.campaignId}\n`,
    );
    return 0;
  });
}

export const campaignCommand: CliCommand = {
  summary: 'export a campaign to an archive file, or import one (campaign export|import)',
  async run(args) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
      process.stdout.write(HELP);
      return sub ? 0 : 2;
    }
    if (sub === 'export') return exportArchive(rest);
    if (sub === 'import') return importArchive(rest);
    throw new PanoramaError('cli_unknown_subcommand', {
      command: 'campaign',
      sub,
      allowed: ['export', 'import'],
    });
  },
};
