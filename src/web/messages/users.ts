/** Interface strings of this area, French first; English has exactly the same keys. */
export const fr = {
  'users.title': 'Utilisateurs',
  'users.role': 'Rôle',
  'users.territories': 'Territoires',
  'users.create': 'Créer un utilisateur',
  'users.password': 'Mot de passe (laisser vide pour en générer un)',
  'users.generated': 'Mot de passe généré pour {email} (affiché une seule fois) : {password}',
  'users.disabled': 'Désactivé',
  'users.disable': 'Désactiver',
  'users.enable': 'Réactiver',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'users.title': 'Users',
  'users.role': 'Role',
  'users.territories': 'Territories',
  'users.create': 'Create a user',
  'users.password': 'Password (leave empty to generate one)',
  'users.generated': 'Generated password for {email} (shown once): {password}',
  'users.disabled': 'Disabled',
  'users.disable': 'Disable',
  'users.enable': 'Enable',
};
