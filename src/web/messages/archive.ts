/** Interface strings of deletion, archiving and demo removal, French first; English has the same keys. */
export const fr = {
  'archive.remove': 'Supprimer',
  'archive.removeNamed': 'Supprimer ou archiver « {name} »',
  'archive.restore': 'Restaurer',
  'archive.restoreNamed': 'Restaurer « {name} »',
  'archive.archived': 'Archivée',
  'archive.showArchives': 'Afficher les archives',
  'archive.dialogTitle': 'Supprimer « {name} » ?',
  'archive.checking': 'Vérification de ce que contient cet élément…',
  'archive.confirmDelete': 'Supprimer définitivement',
  'archive.confirmArchive': 'Archiver',
  'archive.cancel': 'Annuler',
  'archive.close': 'Fermer',
  'archive.working': 'En cours…',
  'archive.structure.archive':
    '{submitted} {submitted|réponse envoyée|réponses envoyées} et {drafts} {drafts|brouillon|brouillons} seront conservés, la structure sera archivée : elle quitte le répertoire, l’annuaire public et les prochaines campagnes, et reste dans les rapports passés. Vous pourrez la restaurer.',
  'archive.structure.solidarity': 'Ses données de solidarité numérique ({n}) sont conservées aussi.',
  'archive.structure.delete':
    'Cette structure n’a aucune réponse : elle sera supprimée définitivement, avec ses {invitations} {invitations|invitation|invitations} sans réponse.',
  'archive.campaign.archive':
    '{submitted} {submitted|réponse sera conservée|réponses seront conservées} ({drafts} {drafts|brouillon|brouillons}), la campagne sera archivée : masquée de la liste, ses rapports restent disponibles. Vous pourrez la restaurer.',
  'archive.campaign.delete':
    'Cette campagne n’a aucune réponse : elle sera supprimée définitivement, avec ses {invitations} {invitations|invitation|invitations}.',
  'archive.territory.delete': 'Ce territoire est vide : il sera supprimé définitivement.',
  'archive.territory.refuse':
    'Ce territoire ne peut pas être supprimé : il contient encore {structures} {structures|structure|structures}, {children} {children|sous-territoire|sous-territoires} et {users} {users|compte|comptes}. Déplacez-les ou supprimez-les d’abord.',
  'archive.survey.delete':
    'Aucune campagne n’utilise ce questionnaire : il sera supprimé définitivement, avec toutes ses versions.',
  'archive.survey.refuse':
    'Ce questionnaire ne peut pas être supprimé : il est utilisé par {campaigns}. Il est conservé avec les réponses de ces campagnes.',
  'archive.done.deleted': '« {name} » a été supprimé.',
  'archive.done.archived': '« {name} » a été archivé.',
  'archive.done.restored': '« {name} » a été restauré.',
  'archive.demo.title': 'Données de démonstration',
  'archive.demo.text':
    'Panorama contient un réseau fictif : {structures} structures, {territories} territoires, {campaigns} {campaigns|campagne|campagnes} et leurs réponses. Retirez-le avant d’importer vos données réelles.',
  'archive.demo.action': 'Retirer les données de démonstration',
  'archive.demo.confirm':
    'Les {structures} structures fictives, {territories} territoires, {campaigns} {campaigns|campagne|campagnes}, {surveys} {surveys|questionnaire|questionnaires} de démonstration et leurs réponses seront supprimés définitivement. L’annuaire public ne montrera plus que vos structures réelles.',
  'archive.demo.spared': 'Seront conservés, car modifiés ou utilisés depuis :',
  'archive.demo.reason.edited': 'modifié',
  'archive.demo.reason.answered': 'réponses réelles',
  'archive.demo.reason.used': 'contient des données réelles',
  'archive.demo.reason.solidarity': 'données de solidarité',
  'archive.demo.reason.users': 'rattaché à des comptes',
  'archive.demo.done':
    'Données de démonstration retirées : {structures} structures, {campaigns} {campaigns|campagne|campagnes}.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'archive.remove': 'Delete',
  'archive.removeNamed': 'Delete or archive "{name}"',
  'archive.restore': 'Restore',
  'archive.restoreNamed': 'Restore "{name}"',
  'archive.archived': 'Archived',
  'archive.showArchives': 'Show archives',
  'archive.dialogTitle': 'Delete "{name}"?',
  'archive.checking': 'Checking what this item holds…',
  'archive.confirmDelete': 'Delete permanently',
  'archive.confirmArchive': 'Archive',
  'archive.cancel': 'Cancel',
  'archive.close': 'Close',
  'archive.working': 'Working…',
  'archive.structure.archive':
    '{submitted} {submitted|submitted answer|submitted answers} and {drafts} {drafts|draft|drafts} will be kept, the structure will be archived: it leaves the registry, the public directory and future campaigns, and stays in past reports. You can restore it.',
  'archive.structure.solidarity': 'Its digital solidarity data ({n}) is kept too.',
  'archive.structure.delete':
    'This structure has no answers: it will be deleted permanently, with its {invitations} unanswered {invitations|invitation|invitations}.',
  'archive.campaign.archive':
    '{submitted} {submitted|answer|answers} will be kept ({drafts} {drafts|draft|drafts}), the campaign will be archived: hidden from the list, its reports stay available. You can restore it.',
  'archive.campaign.delete':
    'This campaign has no answers: it will be deleted permanently, with its {invitations} {invitations|invitation|invitations}.',
  'archive.territory.delete': 'This territory is empty: it will be deleted permanently.',
  'archive.territory.refuse':
    'This territory cannot be deleted: it still holds {structures} {structures|structure|structures}, {children} {children|sub-territory|sub-territories} and {users} {users|account|accounts}. Move or delete them first.',
  'archive.survey.delete':
    'No campaign uses this questionnaire: it will be deleted permanently, with all its versions.',
  'archive.survey.refuse':
    'This questionnaire cannot be deleted: {campaigns} uses it. It is kept with the answers of those campaigns.',
  'archive.done.deleted': '"{name}" was deleted.',
  'archive.done.archived': '"{name}" was archived.',
  'archive.done.restored': '"{name}" was restored.',
  'archive.demo.title': 'Demo data',
  'archive.demo.text':
    'Panorama holds a fictitious network: {structures} structures, {territories} territories, {campaigns} {campaigns|campaign|campaigns} and their answers. Remove it before importing your real data.',
  'archive.demo.action': 'Remove the demo data',
  'archive.demo.confirm':
    'The {structures} fictitious structures, {territories} territories, {campaigns} demo {campaigns|campaign|campaigns}, {surveys} {surveys|questionnaire|questionnaires} and their answers will be deleted permanently. The public directory will then show only your real structures.',
  'archive.demo.spared': 'Kept, because changed or used since:',
  'archive.demo.reason.edited': 'edited',
  'archive.demo.reason.answered': 'real answers',
  'archive.demo.reason.used': 'holds real data',
  'archive.demo.reason.solidarity': 'solidarity data',
  'archive.demo.reason.users': 'linked to accounts',
  'archive.demo.done':
    'Demo data removed: {structures} structures, {campaigns} {campaigns|campaign|campaigns}.',
};
