/** Interface strings of campaign archives (export link, import page), French first; English has the same keys. */
export const fr = {
  'campaignArchive.export': 'Exporter l’archive',
  'campaignArchive.exportHint':
    'Un fichier avec le questionnaire, les structures concernées, les réponses et leurs révisions, les contrôles et les publications, à importer dans un autre Panorama.',
  'campaignArchive.importLink': 'Importer une archive',
  'campaignArchive.title': 'Importer une archive de campagne',
  'campaignArchive.intro':
    'Choisissez un fichier .panorama-campaign.json.gz exporté d’un autre Panorama. Rien n’est enregistré avant votre confirmation ; l’import se fait en une seule fois, tout ou rien.',
  'campaignArchive.file': 'Archive de campagne',
  'campaignArchive.reading': 'Lecture et vérification de l’archive…',
  'campaignArchive.tooLarge':
    'Ce fichier dépasse {limit} Mio : ce n’est pas une archive de campagne acceptée ici.',
  'campaignArchive.previewTitle': 'Ce que l’import va faire',
  'campaignArchive.campaign': 'Campagne',
  'campaignArchive.survey': 'Questionnaire',
  'campaignArchive.period': 'Période',
  'campaignArchive.exported': 'Exportée le {date} (Panorama {version}, base {dialect})',
  'campaignArchive.answersLabel': 'Réponses',
  'campaignArchive.answers':
    '{responses} {responses|réponse|réponses} dont {submitted} {submitted|envoyée|envoyées}, {revisions} {revisions|révision|révisions}, {reviews} {reviews|contrôle|contrôles}, {snapshots} {snapshots|publication|publications}',
  'campaignArchive.questionnaire.match': 'Déjà présent ici avec le même contenu : il est réutilisé.',
  'campaignArchive.questionnaire.create': 'Nouveau ici : il sera créé (version {version}).',
  'campaignArchive.structures': 'Structures',
  'campaignArchive.structuresSummary':
    '{create} {create|sera créée|seront créées}, {match} {match|reconnue|reconnues} par son identifiant de registre',
  'campaignArchive.territories': 'Territoires',
  'campaignArchive.territoriesSummary':
    '{create} {create|sera créé|seront créés}, {match} {match|reconnu|reconnus} par son code',
  'campaignArchive.details': 'Voir le détail ({n})',
  'campaignArchive.col.id': 'Identifiant',
  'campaignArchive.col.name': 'Nom dans l’archive',
  'campaignArchive.col.action': 'Action',
  'campaignArchive.col.code': 'Code',
  'campaignArchive.col.level': 'Niveau',
  'campaignArchive.action.create': 'Créée',
  'campaignArchive.action.match': 'Reconnue',
  'campaignArchive.conflicts': 'À savoir',
  'campaignArchive.conflict.structure_name':
    'La structure {subject} s’appelle « {existing} » ici et « {archived} » dans l’archive : le nom d’ici est gardé.',
  'campaignArchive.conflict.territory_name':
    'Le territoire {subject} s’appelle « {existing} » ici et « {archived} » dans l’archive : le nom d’ici est gardé.',
  'campaignArchive.conflict.token_reused':
    '{subject} {subject|lien de réponse existe|liens de réponse existent} déjà ici : de nouveaux liens seront créés pour ces structures.',
  'campaignArchive.conflict.public_link':
    'Le lien public anonyme n’est pas repris : rouvrez-le depuis la campagne si besoin.',
  'campaignArchive.already':
    'Cette campagne est déjà présente ici : « {name} ». L’import est impossible ; supprimez d’abord cette campagne pour la remplacer.',
  'campaignArchive.openExisting': 'Ouvrir la campagne existante',
  'campaignArchive.confirm': 'Importer la campagne',
  'campaignArchive.importing': 'Import en cours…',
  'campaignArchive.cancel': 'Choisir un autre fichier',
  'campaignArchive.done': 'Campagne « {name} » importée.',
  'campaignArchive.openImported': 'Ouvrir la campagne importée',
};

export const en: Record<keyof typeof fr, string> = {
  'campaignArchive.export': 'Export the archive',
  'campaignArchive.exportHint':
    'One file with the questionnaire, the structures concerned, the answers and their revisions, reviews and publications, to import into another Panorama.',
  'campaignArchive.importLink': 'Import an archive',
  'campaignArchive.title': 'Import a campaign archive',
  'campaignArchive.intro':
    'Choose a .panorama-campaign.json.gz file exported from another Panorama. Nothing is saved before you confirm; the import is all or nothing.',
  'campaignArchive.file': 'Campaign archive',
  'campaignArchive.reading': 'Reading and checking the archive…',
  'campaignArchive.tooLarge': 'This file exceeds {limit} MiB: it is not a campaign archive accepted here.',
  'campaignArchive.previewTitle': 'What the import will do',
  'campaignArchive.campaign': 'Campaign',
  'campaignArchive.survey': 'Questionnaire',
  'campaignArchive.period': 'Period',
  'campaignArchive.exported': 'Exported on {date} (Panorama {version}, {dialect} database)',
  'campaignArchive.answersLabel': 'Answers',
  'campaignArchive.answers':
    '{responses} {responses|answer|answers} of which {submitted} submitted, {revisions} {revisions|revision|revisions}, {reviews} {reviews|review|reviews}, {snapshots} {snapshots|publication|publications}',
  'campaignArchive.questionnaire.match': 'Already here with the same content: it is reused.',
  'campaignArchive.questionnaire.create': 'New here: it will be created (version {version}).',
  'campaignArchive.structures': 'Structures',
  'campaignArchive.structuresSummary': '{create} will be created, {match} matched by their registry id',
  'campaignArchive.territories': 'Territories',
  'campaignArchive.territoriesSummary': '{create} will be created, {match} matched by their code',
  'campaignArchive.details': 'Show the details ({n})',
  'campaignArchive.col.id': 'Id',
  'campaignArchive.col.name': 'Name in the archive',
  'campaignArchive.col.action': 'Action',
  'campaignArchive.col.code': 'Code',
  'campaignArchive.col.level': 'Level',
  'campaignArchive.action.create': 'Created',
  'campaignArchive.action.match': 'Matched',
  'campaignArchive.conflicts': 'Good to know',
  'campaignArchive.conflict.structure_name':
    'The structure {subject} is named “{existing}” here and “{archived}” in the archive: the name here is kept.',
  'campaignArchive.conflict.territory_name':
    'The territory {subject} is named “{existing}” here and “{archived}” in the archive: the name here is kept.',
  'campaignArchive.conflict.token_reused':
    '{subject} answer {subject|link already exists|links already exist} here: new links will be made for these structures.',
  'campaignArchive.conflict.public_link':
    'The anonymous public link is not carried over: reopen it from the campaign if needed.',
  'campaignArchive.already':
    'This campaign is already here: “{name}”. It cannot be imported; delete that campaign first to replace it.',
  'campaignArchive.openExisting': 'Open the existing campaign',
  'campaignArchive.confirm': 'Import the campaign',
  'campaignArchive.importing': 'Importing…',
  'campaignArchive.cancel': 'Choose another file',
  'campaignArchive.done': 'Campaign “{name}” imported.',
  'campaignArchive.openImported': 'Open the imported campaign',
};
