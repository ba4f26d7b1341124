/** Interface strings of this area, French first; English has exactly the same keys. */
export const fr = {
  'login.title': 'Connexion',
  'login.intro': 'Connectez-vous pour gérer le référentiel, les campagnes et les résultats.',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.pending': 'Connexion…',
  'login.respondentHint':
    'Vous répondez pour une structure ? Utilisez le lien personnel reçu par e-mail, sans compte.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'login.title': 'Log in',
  'login.intro': 'Log in to manage the registry, campaigns and results.',
  'login.email': 'E-mail address',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.pending': 'Logging in…',
  'login.respondentHint':
    'Answering for a structure? Use the personal link you received by e-mail; no account needed.',
};
