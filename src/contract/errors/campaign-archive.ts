import type { Lang } from '../lang.js';
import { defineErrors } from './define.js';

/**
 * Campaign archives (src/app/campaign-archive, docs/archive-format.md): every refusal says what
 * is wrong with the file and that nothing was imported.
 */
const q = (text: string) => `« ${text} »`;

/** How an archive is damaged. */
export type CampaignArchiveDamage = 'truncated' | 'checksum' | 'not_json' | 'structure' | 'counts';

const DAMAGES: Record<CampaignArchiveDamage, Record<Lang, string>> = {
  truncated: {
    fr: 'le fichier est incomplet (copie ou téléchargement interrompu)',
    en: 'the file is incomplete (interrupted copy or download)',
  },
  checksum: {
    fr: 'son contenu ne correspond plus à son empreinte SHA-256 (fichier modifié ou abîmé)',
    en: 'its content no longer matches its SHA-256 checksum (file modified or damaged)',
  },
  not_json: {
    fr: 'son contenu n’est pas du JSON lisible',
    en: 'its content is not readable JSON',
  },
  structure: {
    fr: 'une partie attendue manque ou a une forme inattendue',
    en: 'an expected part is missing or has an unexpected shape',
  },
  counts: {
    fr: 'le nombre de lignes ne correspond pas à celui annoncé par son manifeste',
    en: 'the number of rows does not match the one its manifest announces',
  },
};

const NOTHING = { fr: 'Rien n’a été importé.', en: 'Nothing was imported.' };

export const campaignArchiveErrors = defineErrors({
  campaign_archive_campaign_unknown: {
    status: 404,
    fr: (p: { campaign: string }) =>
      `Aucune campagne ne correspond à ${q(p.campaign)} (donnez son identifiant ou son nom exact).`,
    en: (p: { campaign: string }) => `No campaign matches "${p.campaign}" (give its id or its exact name).`,
  },
  campaign_archive_not_archive: {
    status: 422,
    fr: (p: { file: string }) =>
      `Le fichier ${q(p.file)} n’est pas une archive de campagne Panorama (fichier .panorama-campaign.json.gz ` +
      `produit par « Exporter l’archive » ou « panorama campaign export »). ${NOTHING.fr}`,
    en: (p: { file: string }) =>
      `The file "${p.file}" is not a Panorama campaign archive (a .panorama-campaign.json.gz file made by ` +
      `"Export the archive" or "panorama campaign export"). ${NOTHING.en}`,
  },
  campaign_archive_damaged: {
    status: 422,
    fr: (p: { file: string; damage: CampaignArchiveDamage; where?: string }) =>
      `L’archive ${q(p.file)} est endommagée : ${(DAMAGES[p.damage] ?? DAMAGES.structure).fr}` +
      `${p.where ? ` (${p.where})` : ''}. ${NOTHING.fr} Exportez-la de nouveau depuis le Panorama d’origine.`,
    en: (p: { file: string; damage: CampaignArchiveDamage; where?: string }) =>
      `The archive "${p.file}" is damaged: ${(DAMAGES[p.damage] ?? DAMAGES.structure).en}` +
      `${p.where ? ` (${p.where})` : ''}. ${NOTHING.en} Export it again from the original Panorama.`,
  },
  campaign_archive_newer_format: {
    status: 422,
    fr: (p: { file: string; version: number; supported: number }) =>
      `L’archive ${q(p.file)} est au format ${p.version}, plus récent que celui que cette version de ` +
      `Panorama sait lire (${p.supported}). Mettez Panorama à jour avant de l’importer. ${NOTHING.fr}`,
    en: (p: { file: string; version: number; supported: number }) =>
      `The archive "${p.file}" uses format ${p.version}, newer than the one this Panorama reads ` +
      `(${p.supported}). Upgrade Panorama before importing it. ${NOTHING.en}`,
  },
  campaign_archive_too_large: {
    status: 413,
    fr: (p: { file: string; limit: number }) =>
      `L’archive ${q(p.file)} dépasse la taille admise une fois décompressée ` +
      `(${Math.round(p.limit / 1048576)} Mio). ${NOTHING.fr}`,
    en: (p: { file: string; limit: number }) =>
      `The archive "${p.file}" exceeds the allowed size once decompressed ` +
      `(${Math.round(p.limit / 1048576)} MiB). ${NOTHING.en}`,
  },
  campaign_archive_already_imported: {
    status: 409,
    fr: (p: { name: string; campaignId: string }) =>
      `Cette campagne est déjà présente dans ce Panorama : ${q(p.name)} (identifiant ${p.campaignId}). ` +
      `Une archive n’est importée qu’une fois ; supprimez ou archivez d’abord cette campagne si vous ` +
      `voulez la remplacer. ${NOTHING.fr}`,
    en: (p: { name: string; campaignId: string }) =>
      `This campaign is already in this Panorama: "${p.name}" (id ${p.campaignId}). An archive is ` +
      `imported only once; delete that campaign first to replace it. ${NOTHING.en}`,
  },
  campaign_archive_no_file: {
    status: 400,
    fr: () => 'Aucun fichier reçu : joignez l’archive de campagne (champ « file »).',
    en: () => 'No file received: attach the campaign archive (field "file").',
  },
  campaign_archive_out_exists: {
    status: 409,
    fr: (p: { file: string }) =>
      `Le fichier ${q(p.file)} existe déjà : choisissez un autre nom avec --out (une archive n’est jamais écrasée).`,
    en: (p: { file: string }) =>
      `The file "${p.file}" already exists: choose another name with --out (an archive is never overwritten).`,
  },
  campaign_archive_file_missing: {
    status: 404,
    fr: (p: { file: string }) =>
      `Le fichier ${q(p.file)} n’existe pas ou n’est pas un fichier. ${NOTHING.fr}`,
    en: (p: { file: string }) => `The file "${p.file}" does not exist or is not a file. ${NOTHING.en}`,
  },
  campaign_archive_usage: {
    status: 400,
    fr: () =>
      'usage : panorama campaign export <identifiant|nom> --out FICHIER, ou panorama campaign import ' +
      'FICHIER [--dry-run]. Lancez « panorama campaign --help » pour l’aide.',
    en: () =>
      'usage: panorama campaign export <id|name> --out FILE, or panorama campaign import FILE ' +
      '[--dry-run]. Run "panorama campaign --help" for help.',
  },
});
