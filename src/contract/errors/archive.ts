import { defineErrors } from './define.js';

/**
 * Refusals of deletion and archiving (src/app/archive): each says why, so the administrator knows
 * what to move or delete first. Status 409: the request is valid, the data's state forbids it.
 */

const q = (text: string) => `« ${text} »`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function listFr(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}`;
}
function listEn(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

interface TerritoryInUse {
  name: string;
  structures: number;
  children: number;
  users: number;
}

function territoryParts(p: TerritoryInUse, fr: boolean): string[] {
  const parts: string[] = [];
  if (p.structures > 0)
    parts.push(
      fr ? plural(p.structures, 'structure', 'structures') : plural(p.structures, 'structure', 'structures'),
    );
  if (p.children > 0)
    parts.push(
      fr
        ? plural(p.children, 'sous-territoire', 'sous-territoires')
        : plural(p.children, 'sub-territory', 'sub-territories'),
    );
  if (p.users > 0)
    parts.push(
      fr
        ? plural(p.users, 'compte utilisateur', 'comptes utilisateurs')
        : plural(p.users, 'user account', 'user accounts'),
    );
  if (parts.length === 0) parts.push(fr ? 'des éléments rattachés' : 'attached items');
  return parts;
}

const shownCampaigns = (names: string[], fr: boolean) => {
  // A single name may come where a list is expected (messages are also worded from placeholders).
  const list = Array.isArray(names) ? names : [String(names)];
  const shown = list.slice(0, 3).map((n) => (fr ? q(n) : `"${n}"`));
  const more = list.length - shown.length;
  if (more > 0)
    shown.push(fr ? `${more} autre${more > 1 ? 's' : ''}` : `${more} other${more > 1 ? 's' : ''}`);
  return fr ? listFr(shown) : listEn(shown);
};

export const archiveErrors = defineErrors({
  territory_in_use: {
    status: 409,
    fr: (p: TerritoryInUse) =>
      `Le territoire ${q(p.name)} ne peut pas être supprimé : il contient encore ${listFr(territoryParts(p, true))}. ` +
      'Déplacez-les ou supprimez-les d’abord.',
    en: (p: TerritoryInUse) =>
      `The territory "${p.name}" cannot be deleted: it still holds ${listEn(territoryParts(p, false))}. ` +
      'Move or delete them first.',
  },
  survey_in_use: {
    status: 409,
    fr: (p: { title: string; campaigns: string[] }) =>
      `Le questionnaire ${q(p.title)} ne peut pas être supprimé : ${
        p.campaigns.length > 1 ? 'les campagnes' : 'la campagne'
      } ${shownCampaigns(p.campaigns, true)} ${p.campaigns.length > 1 ? 'l’utilisent' : 'l’utilise'}. ` +
      'Supprimez ou archivez d’abord ces campagnes ; un questionnaire utilisé reste conservé avec leurs réponses.',
    en: (p: { title: string; campaigns: string[] }) =>
      `The questionnaire "${p.title}" cannot be deleted: ${
        p.campaigns.length > 1 ? 'the campaigns' : 'the campaign'
      } ${shownCampaigns(p.campaigns, false)} ${p.campaigns.length > 1 ? 'use' : 'uses'} it. ` +
      'A questionnaire in use is kept with the answers of its campaigns.',
  },
  demo_absent: {
    status: 409,
    fr: () => 'Il n’y a pas de données de démonstration à retirer.',
    en: () => 'There is no demo data to remove.',
  },
});
