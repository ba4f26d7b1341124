/** Interface strings of this area, French first; English has exactly the same keys. */
export const fr = {
  'respond.loading': 'Chargement du questionnaire…',
  'respond.for': 'Réponse pour {name}',
  'respond.anonymous': 'Réponse anonyme',
  'respond.closesAt': 'Vous pouvez répondre jusqu’au {date}.',
  'respond.savedAt': 'Enregistré à {time}',
  'respond.saving': 'Enregistrement…',
  'respond.saveFailed': 'Brouillon non enregistré ({message}) — nouvel essai automatique.',
  'respond.closed':
    'Cette campagne est close depuis le {date} : les réponses ne peuvent plus être modifiées. Voici vos réponses.',
  'respond.notYetOpen': 'Cette campagne ouvrira le {date}. Revenez à partir de cette date.',
  'respond.rejected': 'Certaines réponses ont été refusées : corrigez les questions signalées.',
  'respond.rejectedValue': 'Réponse refusée ({value}) : {message}',
  'respond.confirmTitle': 'Merci, vos réponses sont enregistrées.',
  'respond.confirmText': 'Réponses envoyées le {date}. Vous pouvez les modifier jusqu’au {closes}.',
  'respond.edit': 'Modifier mes réponses',
  'respond.copy': 'Télécharger une copie (PDF)',
  'respond.compare': 'Se situer par rapport aux autres',
  'respond.compareLater':
    'Votre fiche « Se situer par rapport aux autres » sera disponible ici quand les résultats de la campagne seront publiés, après sa clôture.',
  'respond.notFound': 'Ce lien n’est pas valide. Vérifiez l’adresse reçue par e-mail.',
  'respond.alreadySubmitted': 'Vous avez déjà répondu le {date}.',
  'respond.starting': 'Ouverture du questionnaire anonyme…',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'respond.loading': 'Loading the survey…',
  'respond.for': 'Answering for {name}',
  'respond.anonymous': 'Anonymous response',
  'respond.closesAt': 'You can answer until {date}.',
  'respond.savedAt': 'Saved at {time}',
  'respond.saving': 'Saving…',
  'respond.saveFailed': 'Draft not saved ({message}); retrying automatically.',
  'respond.closed':
    'This campaign closed on {date}: answers can no longer be changed. Here are your answers.',
  'respond.notYetOpen': 'This campaign opens on {date}. Please come back then.',
  'respond.rejected': 'Some answers were rejected: please correct the flagged questions.',
  'respond.rejectedValue': 'Answer rejected ({value}): {message}',
  'respond.confirmTitle': 'Thank you, your answers are saved.',
  'respond.confirmText': 'Answers sent on {date}. You can change them until {closes}.',
  'respond.edit': 'Change my answers',
  'respond.copy': 'Download a copy (PDF)',
  'respond.compare': 'See how you compare with others',
  'respond.compareLater':
    'Your “compare with others” sheet will be available here once the results of the campaign are published, after it closes.',
  'respond.notFound': 'This link is not valid. Check the address you received by e-mail.',
  'respond.alreadySubmitted': 'You already answered on {date}.',
  'respond.starting': 'Opening the anonymous survey…',
};
