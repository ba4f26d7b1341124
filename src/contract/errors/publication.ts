import { defineErrors } from './define.js';

/** Publication: frozen snapshots of a closed campaign, the confidentiality threshold, territories. */
const q = (text: string) => `« ${text} »`;

export const publicationErrors = defineErrors({
  publication_campaign_open: {
    status: 409,
    fr: (p: { campaign: string; closesAt?: string }) =>
      `La campagne ${q(p.campaign)} est encore ouverte${p.closesAt ? ` (jusqu'au ${p.closesAt})` : ''} : ` +
      "on ne publie que les résultats d'une campagne close, pour que les chiffres publiés ne changent plus " +
      'et ne révèlent pas les réponses arrivées entre deux lectures. Attendez sa clôture (ou avancez sa date ' +
      'de fin), puis publiez.',
    en: (p: { campaign: string; closesAt?: string }) =>
      `Campaign "${p.campaign}" is still open${p.closesAt ? ` (until ${p.closesAt})` : ''}: only the results ` +
      'of a closed campaign are published, so that published figures never change and do not reveal the ' +
      'answers that came in between two readings. Wait until it closes (or bring its end date forward), then publish.',
  },
  publication_k_too_small: {
    status: 422,
    fr: (p: { k: number; min: number }) =>
      `Seuil de confidentialité k = ${p.k} refusé : le secret statistique demande au moins ${p.min} structures ` +
      'par chiffre publié (5 par défaut). Indiquez une valeur de 3 ou plus.',
    en: (p: { k: number; min: number }) =>
      `Confidentiality threshold k = ${p.k} refused: statistical confidentiality needs at least ${p.min} ` +
      'structures behind each published figure (5 by default). Enter 3 or more.',
  },
  publication_no_indicators: {
    status: 409,
    fr: (p: { campaign: string }) =>
      `La campagne ${q(p.campaign)} n'a pas encore de fichier d'indicateurs : déposez-le (voir docs/indicators.md) avant de publier.`,
    en: (p: { campaign: string }) =>
      `Campaign "${p.campaign}" has no indicator file yet: upload one (see docs/indicators.md) before publishing.`,
  },
  sheet_not_published: {
    status: 409,
    fr: (p: { campaign: string }) =>
      `Votre fiche « Se situer par rapport aux autres » sera disponible quand les résultats de la campagne ` +
      `${q(p.campaign)} seront publiés, après sa clôture.`,
    en: (p: { campaign: string }) =>
      `Your "compare with the others" sheet will be available once the results of campaign "${p.campaign}" ` +
      'are published, after it closes.',
  },
  territory_ambiguous: {
    status: 409,
    fr: (p: { name: string; level: string; ids: string[] }) =>
      `Plusieurs territoires de niveau ${q(p.level)} s'appellent ${q(p.name)} : précisez lequel avec ` +
      `le paramètre territoryId (${[p.ids].flat().join(', ')}).`,
    en: (p: { name: string; level: string; ids: string[] }) =>
      `Several territories of level "${p.level}" are named "${p.name}": say which one with the ` +
      `territoryId parameter (${[p.ids].flat().join(', ')}).`,
  },
  territory_out_of_scope: {
    status: 403,
    fr: (p: { name: string }) =>
      `Le territoire ${q(p.name)} ne fait pas partie de vos territoires : vous n'avez pas accès à sa plaquette.`,
    en: (p: { name: string }) => `Territory "${p.name}" is not one of yours: you cannot get its brochure.`,
  },
});
