/** Interface strings of this area, French first; English has exactly the same keys. */
export const fr = {
  'dashboard.title': 'Tableau de bord',
  'dashboard.empty': 'Aucune campagne pour le moment.',
  'dashboard.newCampaign': 'Nouvelle campagne',
  'dashboard.live': 'Participation mise à jour toutes les 30 secondes.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'dashboard.title': 'Dashboard',
  'dashboard.empty': 'No campaign yet.',
  'dashboard.newCampaign': 'New campaign',
  'dashboard.live': 'Participation refreshed every 30 seconds.',
};
