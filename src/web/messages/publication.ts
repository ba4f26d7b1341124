/** Interface strings of this area, French first; English has exactly the same keys. */
export const fr = {
  'publication.title': 'Publication (plaquettes et site public)',
  'publication.hasFile': 'Fichier d’indicateurs déposé.',
  'publication.noFile': 'Aucun fichier d’indicateurs : déposez-en un (voir docs/indicators.md).',
  'publication.onPublicSite': 'Publiée sur le site public',
  'publication.notPublished': 'Non publiée sur le site public.',
  'publication.k': 'Seuil de confidentialité (structures, 3 au minimum)',
  'publication.file': 'Fichier d’indicateurs (JSON)',
  'publication.badJson': '{file} n’est pas un JSON valide : {reason}',
  'publication.saved': 'Fichier d’indicateurs enregistré.',
  'publication.published': 'La campagne est publiée sur le site public.',
  'publication.unpublished': 'La campagne n’est plus publiée.',
  'publication.view': 'Voir la plaquette du réseau',
  'publication.publish': 'Publier sur le site public',
  'publication.unpublish': 'Retirer du site public',
  'publication.openCampaign':
    'La campagne est encore ouverte : ses résultats pourront être publiés après sa clôture (les chiffres changeraient à chaque réponse).',
  'publication.snapshot':
    'Résultats figés le {date} par {name} ({responses} réponses, seuil {k} structures) : c’est ce que montre le site public.',
  'publication.republish': 'Publier à nouveau (nouvel instantané)',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'publication.title': 'Publication (brochures and public site)',
  'publication.hasFile': 'Indicator file uploaded.',
  'publication.noFile': 'No indicator file yet: upload one (see docs/indicators.md).',
  'publication.onPublicSite': 'Published on the public site',
  'publication.notPublished': 'Not published on the public site.',
  'publication.k': 'Confidentiality threshold (structures, at least 3)',
  'publication.file': 'Indicator file (JSON)',
  'publication.badJson': '{file} is not valid JSON: {reason}',
  'publication.saved': 'Indicator file saved.',
  'publication.published': 'The campaign is published on the public site.',
  'publication.unpublished': 'The campaign is no longer published.',
  'publication.view': 'View the network brochure',
  'publication.publish': 'Publish on the public site',
  'publication.unpublish': 'Remove from the public site',
  'publication.openCampaign':
    'The campaign is still open: its results can be published once it closes (the figures would change with each answer).',
  'publication.snapshot':
    'Results frozen on {date} by {name} ({responses} responses, threshold {k} structures): this is what the public site shows.',
  'publication.republish': 'Publish again (new snapshot)',
};
