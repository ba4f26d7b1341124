/** Interface strings of this area (own account, reset page, account administration), French first. */
export const fr = {
  'account.nav': 'Mon compte',
  'account.title': 'Mon compte',
  'account.identity': 'Vos informations',
  'account.role': 'Rôle',
  'account.change': 'Changer mon mot de passe',
  'account.current': 'Mot de passe actuel',
  'account.new': 'Nouveau mot de passe',
  'account.confirm': 'Confirmer le nouveau mot de passe',
  'account.rules':
    'Au moins 12 caractères. Les mots de passe courants (liste des plus répandus) et ceux faits d’un seul caractère répété sont refusés. Une phrase de plusieurs mots est un bon choix.',
  'account.mismatch': 'Les deux saisies du nouveau mot de passe sont différentes.',
  'account.tooShort': 'Le nouveau mot de passe doit contenir au moins 12 caractères (il en a {n}).',
  'account.submit': 'Changer le mot de passe',
  'account.pending': 'Enregistrement…',
  'account.changed': 'Mot de passe changé. Vos autres sessions ont été fermées.',
  'account.mustChange':
    'Votre mot de passe est temporaire : choisissez votre propre mot de passe pour continuer.',
  'reset.title': 'Choisir un nouveau mot de passe',
  'reset.intro': 'Ce lien, envoyé par un administrateur, ne sert qu’une fois.',
  'reset.noToken':
    'Ce lien est incomplet : ouvrez le lien exact reçu, ou demandez-en un nouveau à un administrateur.',
  'reset.submit': 'Enregistrer le mot de passe',
  'reset.done': 'Mot de passe enregistré pour {email}. Vous pouvez maintenant vous connecter.',
  'reset.login': 'Aller à la connexion',
  'login.forgot':
    'Mot de passe oublié ? Demandez à un administrateur de Panorama de vous envoyer un lien de réinitialisation.',
  'users.reset': 'Mot de passe…',
  'users.resetFor': 'Réinitialiser le mot de passe de {name}',
  'users.resetEmail': 'Envoyer un lien par e-mail',
  'users.resetLink': 'Afficher un lien',
  'users.resetTemporary': 'Mot de passe temporaire',
  'users.resetSent': 'Lien de réinitialisation envoyé à {email} (valable jusqu’au {until}).',
  'users.resetShown':
    'Lien de réinitialisation pour {email}, affiché une seule fois, valable jusqu’au {until} : {link}',
  'users.resetTemporaryShown':
    'Mot de passe temporaire pour {email} (affiché une seule fois ; à changer à la prochaine connexion) : {password}',
  'users.confirmSelfDisable':
    'Vous allez désactiver votre propre compte : vous serez déconnecté et ne pourrez plus vous reconnecter sans l’aide d’un autre administrateur. Continuer ?',
  'users.you': '(vous)',
  'users.temporary': 'Mot de passe temporaire',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'account.nav': 'My account',
  'account.title': 'My account',
  'account.identity': 'Your details',
  'account.role': 'Role',
  'account.change': 'Change my password',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.confirm': 'Confirm the new password',
  'account.rules':
    'At least 12 characters. Common passwords (list of the most used) and passwords made of one repeated character are refused. A sentence of several words is a good choice.',
  'account.mismatch': 'The two entries of the new password differ.',
  'account.tooShort': 'The new password must have at least 12 characters (it has {n}).',
  'account.submit': 'Change the password',
  'account.pending': 'Saving…',
  'account.changed': 'Password changed. Your other sessions were closed.',
  'account.mustChange': 'Your password is temporary: choose your own password to go on.',
  'reset.title': 'Choose a new password',
  'reset.intro': 'This link, sent by an administrator, works only once.',
  'reset.noToken':
    'This link is incomplete: open the exact link you received, or ask an administrator for a new one.',
  'reset.submit': 'Save the password',
  'reset.done': 'Password saved for {email}. You can now log in.',
  'reset.login': 'Go to log in',
  'login.forgot': 'Forgot your password? Ask a Panorama administrator to send you a reset link.',
  'users.reset': 'Password…',
  'users.resetFor': 'Reset the password of {name}',
  'users.resetEmail': 'E-mail a link',
  'users.resetLink': 'Show a link',
  'users.resetTemporary': 'Temporary password',
  'users.resetSent': 'Reset link sent to {email} (valid until {until}).',
  'users.resetShown': 'Reset link for {email}, shown once, valid until {until}: {link}',
  'users.resetTemporaryShown':
    'Temporary password for {email} (shown once; to be changed at the next log-in): {password}',
  'users.confirmSelfDisable':
    'You are about to disable your own account: you will be logged out and cannot log in again without another administrator. Continue?',
  'users.you': '(you)',
  'users.temporary': 'Temporary password',
};
