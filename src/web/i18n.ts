import { useSyncExternalStore } from 'react';

/** Every UI string, French first. `{name}` placeholders are filled by `t(key, { name })`. */
const fr = {
  'app.name': 'Panorama',
  'app.tagline': 'Observatoire des centres sociaux',
  'app.skip': 'Aller au contenu',
  'app.crashed':
    'La page n’a pas pu s’afficher (une nouvelle version de Panorama a peut-être été installée). Rechargez la page ; vos réponses déjà enregistrées sont conservées.',
  'app.reload': 'Recharger la page',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'common.loading': 'Chargement…',
  'common.save': 'Enregistrer',
  'common.cancel': 'Annuler',
  'common.close': 'Fermer',
  'common.edit': 'Modifier',
  'common.search': 'Rechercher',
  'common.all': 'Tous',
  'common.none': 'Aucun',
  'common.yes': 'Oui',
  'common.no': 'Non',
  'common.saved': 'Enregistré.',
  'common.error': 'Erreur',
  'common.back': 'Retour',
  'common.name': 'Nom',
  'common.email': 'Adresse e-mail',
  'common.actions': 'Actions',
  'common.id': 'Identifiant',
  'common.download': 'Télécharger',
  'common.retry': 'Réessayer',
  'common.labelled': '{label}\u00a0: {value}',
  'nav.main': 'Navigation principale',
  'nav.dashboard': 'Tableau de bord',
  'nav.registry': 'Référentiel',
  'nav.surveys': 'Questionnaires',
  'nav.campaigns': 'Campagnes',
  'nav.users': 'Utilisateurs',
  'nav.logout': 'Se déconnecter',
  'nav.notFound': 'Page introuvable.',
  'role.admin': 'Administrateur',
  'role.correspondent': 'Correspondant territorial',
  'role.viewer': 'Lecture seule',
  'login.title': 'Connexion',
  'login.intro': 'Connectez-vous pour gérer le référentiel, les campagnes et les résultats.',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.pending': 'Connexion…',
  'login.respondentHint':
    'Vous répondez pour une structure ? Utilisez le lien personnel reçu par e-mail, sans compte.',
  'dashboard.title': 'Tableau de bord',
  'dashboard.empty': 'Aucune campagne pour le moment.',
  'dashboard.newCampaign': 'Nouvelle campagne',
  'dashboard.live': 'Participation mise à jour toutes les 30 secondes.',
  'campaign.state.open': 'Ouverte',
  'campaign.state.not_yet_open': 'Pas encore ouverte',
  'campaign.state.closed': 'Close',
  'campaign.period': 'Du {from} au {to}',
  'campaign.participation': '{submitted} {submitted|réponse|réponses} sur {total} ({rate})',
  'campaign.inProgress': '{n} en cours',
  'campaign.open': 'Voir la participation',
  'campaign.results': 'Résultats',
  'campaigns.title': 'Campagnes',
  'campaigns.name': 'Campagne',
  'campaigns.survey': 'Questionnaire',
  'campaigns.state': 'État',
  'campaigns.dates': 'Période',
  'campaigns.progress': 'Participation',
  'campaignNew.title': 'Nouvelle campagne',
  'campaignNew.name': 'Nom de la campagne',
  'campaignNew.survey': 'Questionnaire',
  'campaignNew.chooseSurvey': '— Choisir un questionnaire —',
  'campaignNew.noSurvey': 'Déposez d’abord un questionnaire.',
  'campaignNew.opensAt': 'Ouverture (heure de Paris)',
  'campaignNew.closesAt': 'Clôture (fin de journée, heure de Paris)',
  'campaignNew.population': 'Population',
  'campaignNew.populationHint': 'Sans territoire coché, toutes les structures du référentiel sont invitées.',
  'campaignNew.territories': 'Territoires',
  'campaignNew.attribute': 'Attribut',
  'campaignNew.attributeValue': 'Valeur',
  'campaignNew.anyType': 'Tous les types',
  'campaignNew.anyQpv': 'QPV ou non',
  'campaignNew.qpvOnly': 'En QPV seulement',
  'campaignNew.qpvNo': 'Hors QPV seulement',
  'campaignNew.structureType': 'Type de structure',
  'campaignNew.matching': '{n} {n|structure sera invitée|structures seront invitées}.',
  'campaignNew.anonymous': 'Créer aussi un lien public anonyme',
  'campaignNew.submit': 'Ouvrir la campagne',
  'campaignNew.datesOrder': 'La date de clôture doit suivre la date d’ouverture.',
  'campaignDetail.participation': 'Participation',
  'campaignDetail.byGroup': 'Participation — {by}',
  'campaignDetail.groupBy': 'Regrouper par',
  'campaignDetail.group': 'Groupe',
  'campaignDetail.population': 'Structures',
  'campaignDetail.responses': 'Réponses',
  'campaignDetail.rate': 'Taux',
  'campaignDetail.overall':
    '{responses} {responses|réponse|réponses} sur {population} {population|structure|structures} — taux de réponse {rate}',
  'campaignDetail.chartLabel': 'Taux de réponse par groupe (graphique)',
  'campaignDetail.structures': 'Structures invitées',
  'campaignDetail.filterStatus': 'Statut',
  'campaignDetail.status': 'Statut',
  'campaignDetail.submittedAt': 'Envoyée le',
  'campaignDetail.link': 'Lien personnel',
  'campaignDetail.copyLink': 'Copier le lien',
  'campaignDetail.copied': 'Lien copié.',
  'campaignDetail.remind': 'Relancer',
  'campaignDetail.remindAll': 'Relancer les non-répondants',
  'campaignDetail.remindConfirm': 'Envoyer un e-mail de relance à {n} structures ?',
  'campaignDetail.reminded': '{n} {n|relance envoyée|relances envoyées}.',
  'campaignDetail.withoutEmail': 'Sans adresse e-mail : {names}.',
  'campaignDetail.lastReminder': 'relancée {n} fois',
  'campaignDetail.exportCsv': 'Exporter les non-répondants (CSV)',
  'campaignDetail.publicLink': 'Lien public anonyme',
  'campaignDetail.dates': 'Dates',
  'campaignDetail.saveDates': 'Modifier les dates',
  'campaignDetail.seeResults': 'Voir les résultats',
  'group.territoire': 'Territoire',
  'group.departement': 'Département',
  'group.region': 'Région',
  'group.type': 'Type de structure',
  'group.qpv': 'QPV',
  'file.choose': 'Choisir un fichier…',
  'file.none': 'Aucun fichier choisi',
  'status.not_started': 'Pas commencé',
  'status.in_progress': 'En cours',
  'status.submitted': 'Répondu',
  'results.title': 'Résultats — {name}',
  'results.filters': 'Filtres',
  'results.addFilter': 'Ajouter un filtre',
  'results.removeFilter': 'Retirer le filtre',
  'results.filterKey': 'Critère',
  'results.filterValue': 'Valeur',
  'results.by': 'Ventiler par',
  'results.noBreakdown': '— Aucune ventilation —',
  'results.registryGroup': 'Référentiel',
  'results.questionsGroup': 'Questions',
  'results.lang': 'Langue du rapport',
  'results.apply': 'Afficher le rapport',
  'results.downloads': 'Télécharger',
  'results.frameTitle': 'Rapport de la campagne',
  'results.csv': 'Réponses brutes (CSV)',
  'registry.title': 'Référentiel',
  'registry.territories': 'Territoires',
  'registry.allTerritories': 'Tout le réseau',
  'registry.structures': 'Structures',
  'registry.search': 'Rechercher une structure (nom, identifiant, commune)',
  'registry.count': '{n} {n|structure|structures}',
  'registry.type': 'Type',
  'registry.territory': 'Territoire',
  'registry.commune': 'Commune (code INSEE)',
  'registry.address': 'Adresse',
  'registry.qpv': 'Quartier prioritaire (QPV)',
  'registry.managerType': 'Gestion',
  'registry.attributes': 'Autres attributs',
  'registry.edit': 'Modifier la structure',
  'registry.unknown': 'Non renseigné',
  'registry.addTerritory': 'Ajouter un territoire',
  'registry.territoryName': 'Nom du territoire',
  'registry.territoryLevel': 'Niveau',
  'registry.territoryParent': 'Rattaché à',
  'registry.noParent': '— Aucun (racine) —',
  'import.title': 'Importer un référentiel (CSV ou XLSX)',
  'import.help':
    'Colonnes reconnues : id, nom, type (CS/EVS), adresse, commune (code INSEE), territoire, qpv (oui/non), gestion, email ; les autres colonnes sont gardées comme attributs.',
  'import.file': 'Fichier du référentiel',
  'import.preview': 'Aperçu',
  'import.previewing': 'Lecture du fichier…',
  'import.summary':
    '{total} {total|ligne|lignes} : {create} {create|structure|structures} à créer, {update} à mettre à jour.',
  'import.firstRows': 'Premières lignes ({n} sur {total})',
  'import.errors':
    '{n} {n|erreur|erreurs} : corrigez le fichier puis choisissez-le à nouveau. Rien n’a été importé.',
  'import.line': 'Ligne',
  'import.column': 'Colonne',
  'import.value': 'Valeur',
  'import.reason': 'Raison',
  'import.confirm': 'Confirmer l’import',
  'import.importing': 'Import en cours…',
  'import.done':
    'Import terminé : {created} {created|créée|créées}, {updated} {updated|mise à jour|mises à jour}, {territories} {territories|territoire créé|territoires créés}.',
  'import.nothingWritten': 'Rien n’est enregistré avant la confirmation.',
  'surveys.title': 'Questionnaires',
  'surveys.upload': 'Déposer un questionnaire SurveyJS (JSON)',
  'surveys.file': 'Fichier JSON du questionnaire',
  'surveys.newVersion': 'Déposer une nouvelle version',
  'surveys.uploaded': 'Questionnaire « {title} » enregistré (version {version}).',
  'surveys.problems': 'Le questionnaire n’a pas été enregistré :',
  'surveys.questions': '{n} {n|question|questions}',
  'surveys.version': 'version {n}',
  'surveys.preview': 'Aperçu',
  'surveys.previewTitle': 'Aperçu tel que le verra un répondant',
  'surveys.empty': 'Aucun questionnaire.',
  'surveys.where': 'ligne {line}, colonne {column}',
  'users.title': 'Utilisateurs',
  'users.role': 'Rôle',
  'users.territories': 'Territoires',
  'users.create': 'Créer un utilisateur',
  'users.password': 'Mot de passe (laisser vide pour en générer un)',
  'users.generated': 'Mot de passe généré pour {email} (affiché une seule fois) : {password}',
  'users.disabled': 'Désactivé',
  'users.disable': 'Désactiver',
  'users.enable': 'Réactiver',
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
  'respond.notFound': 'Ce lien n’est pas valide. Vérifiez l’adresse reçue par e-mail.',
  'respond.alreadySubmitted': 'Vous avez déjà répondu le {date}.',
  'respond.starting': 'Ouverture du questionnaire anonyme…',
} as const;

export type MessageKey = keyof typeof fr;
type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Panorama',
  'app.tagline': 'Social centres observatory',
  'app.skip': 'Skip to content',
  'app.crashed':
    'The page could not be displayed (Panorama may have been upgraded). Reload the page; answers already saved are kept.',
  'app.reload': 'Reload the page',
  'lang.switch': 'Français',
  'lang.switchLabel': 'Passer en français',
  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.edit': 'Edit',
  'common.search': 'Search',
  'common.all': 'All',
  'common.none': 'None',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.saved': 'Saved.',
  'common.error': 'Error',
  'common.back': 'Back',
  'common.name': 'Name',
  'common.email': 'E-mail address',
  'common.actions': 'Actions',
  'common.id': 'Identifier',
  'common.download': 'Download',
  'common.retry': 'Retry',
  'common.labelled': '{label}: {value}',
  'nav.main': 'Main navigation',
  'nav.dashboard': 'Dashboard',
  'nav.registry': 'Registry',
  'nav.surveys': 'Surveys',
  'nav.campaigns': 'Campaigns',
  'nav.users': 'Users',
  'nav.logout': 'Log out',
  'nav.notFound': 'Page not found.',
  'role.admin': 'Administrator',
  'role.correspondent': 'Territorial correspondent',
  'role.viewer': 'Read-only',
  'login.title': 'Log in',
  'login.intro': 'Log in to manage the registry, campaigns and results.',
  'login.email': 'E-mail address',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.pending': 'Logging in…',
  'login.respondentHint':
    'Answering for a structure? Use the personal link you received by e-mail; no account needed.',
  'dashboard.title': 'Dashboard',
  'dashboard.empty': 'No campaign yet.',
  'dashboard.newCampaign': 'New campaign',
  'dashboard.live': 'Participation refreshed every 30 seconds.',
  'campaign.state.open': 'Open',
  'campaign.state.not_yet_open': 'Not yet open',
  'campaign.state.closed': 'Closed',
  'campaign.period': 'From {from} to {to}',
  'campaign.participation': '{submitted} {submitted|response|responses} out of {total} ({rate})',
  'campaign.inProgress': '{n} in progress',
  'campaign.open': 'See participation',
  'campaign.results': 'Results',
  'campaigns.title': 'Campaigns',
  'campaigns.name': 'Campaign',
  'campaigns.survey': 'Survey',
  'campaigns.state': 'State',
  'campaigns.dates': 'Period',
  'campaigns.progress': 'Participation',
  'campaignNew.title': 'New campaign',
  'campaignNew.name': 'Campaign name',
  'campaignNew.survey': 'Survey',
  'campaignNew.chooseSurvey': '— Choose a survey —',
  'campaignNew.noSurvey': 'Upload a survey first.',
  'campaignNew.opensAt': 'Opens (Paris time)',
  'campaignNew.closesAt': 'Closes (end of day, Paris time)',
  'campaignNew.population': 'Population',
  'campaignNew.populationHint': 'With no territory ticked, every structure of the registry is invited.',
  'campaignNew.territories': 'Territories',
  'campaignNew.attribute': 'Attribute',
  'campaignNew.attributeValue': 'Value',
  'campaignNew.anyType': 'All types',
  'campaignNew.anyQpv': 'QPV or not',
  'campaignNew.qpvOnly': 'QPV only',
  'campaignNew.qpvNo': 'Outside QPV only',
  'campaignNew.structureType': 'Structure type',
  'campaignNew.matching': '{n} {n|structure|structures} will be invited.',
  'campaignNew.anonymous': 'Also create an anonymous public link',
  'campaignNew.submit': 'Open the campaign',
  'campaignNew.datesOrder': 'The closing date must follow the opening date.',
  'campaignDetail.participation': 'Participation',
  'campaignDetail.byGroup': 'Participation — {by}',
  'campaignDetail.groupBy': 'Group by',
  'campaignDetail.group': 'Group',
  'campaignDetail.population': 'Structures',
  'campaignDetail.responses': 'Responses',
  'campaignDetail.rate': 'Rate',
  'campaignDetail.overall':
    '{responses} {responses|response|responses} out of {population} {population|structure|structures} — response rate {rate}',
  'campaignDetail.chartLabel': 'Response rate by group (chart)',
  'campaignDetail.structures': 'Invited structures',
  'campaignDetail.filterStatus': 'Status',
  'campaignDetail.status': 'Status',
  'campaignDetail.submittedAt': 'Submitted on',
  'campaignDetail.link': 'Personal link',
  'campaignDetail.copyLink': 'Copy link',
  'campaignDetail.copied': 'Link copied.',
  'campaignDetail.remind': 'Send reminder',
  'campaignDetail.remindAll': 'Remind non-respondents',
  'campaignDetail.remindConfirm': 'Send a reminder e-mail to {n} structures?',
  'campaignDetail.reminded': '{n} {n|reminder|reminders} sent.',
  'campaignDetail.withoutEmail': 'No e-mail address: {names}.',
  'campaignDetail.lastReminder': 'reminded {n} times',
  'campaignDetail.exportCsv': 'Export non-respondents (CSV)',
  'campaignDetail.publicLink': 'Anonymous public link',
  'campaignDetail.dates': 'Dates',
  'campaignDetail.saveDates': 'Change dates',
  'campaignDetail.seeResults': 'See results',
  'group.territoire': 'Territory',
  'group.departement': 'Département',
  'group.region': 'Region',
  'group.type': 'Structure type',
  'group.qpv': 'QPV',
  'file.choose': 'Choose a file…',
  'file.none': 'No file chosen',
  'status.not_started': 'Not started',
  'status.in_progress': 'In progress',
  'status.submitted': 'Answered',
  'results.title': 'Results — {name}',
  'results.filters': 'Filters',
  'results.addFilter': 'Add a filter',
  'results.removeFilter': 'Remove filter',
  'results.filterKey': 'Criterion',
  'results.filterValue': 'Value',
  'results.by': 'Break down by',
  'results.noBreakdown': '— No breakdown —',
  'results.registryGroup': 'Registry',
  'results.questionsGroup': 'Questions',
  'results.lang': 'Report language',
  'results.apply': 'Show the report',
  'results.downloads': 'Download',
  'results.frameTitle': 'Campaign report',
  'results.csv': 'Raw answers (CSV)',
  'registry.title': 'Registry',
  'registry.territories': 'Territories',
  'registry.allTerritories': 'Whole network',
  'registry.structures': 'Structures',
  'registry.search': 'Search a structure (name, identifier, commune)',
  'registry.count': '{n} {n|structure|structures}',
  'registry.type': 'Type',
  'registry.territory': 'Territory',
  'registry.commune': 'Commune (INSEE code)',
  'registry.address': 'Address',
  'registry.qpv': 'Priority neighbourhood (QPV)',
  'registry.managerType': 'Management',
  'registry.attributes': 'Other attributes',
  'registry.edit': 'Edit structure',
  'registry.unknown': 'Not specified',
  'registry.addTerritory': 'Add a territory',
  'registry.territoryName': 'Territory name',
  'registry.territoryLevel': 'Level',
  'registry.territoryParent': 'Parent',
  'registry.noParent': '— None (root) —',
  'import.title': 'Import a registry (CSV or XLSX)',
  'import.help':
    'Recognised columns: id, nom, type (CS/EVS), adresse, commune (INSEE code), territoire, qpv (oui/non), gestion, email; other columns are kept as attributes.',
  'import.file': 'Registry file',
  'import.preview': 'Preview',
  'import.previewing': 'Reading the file…',
  'import.summary':
    '{total} {total|row|rows}: {create} {create|structure|structures} to create, {update} to update.',
  'import.firstRows': 'First rows ({n} of {total})',
  'import.errors': '{n} {n|error|errors}: fix the file and choose it again. Nothing was imported.',
  'import.line': 'Line',
  'import.column': 'Column',
  'import.value': 'Value',
  'import.reason': 'Reason',
  'import.confirm': 'Confirm import',
  'import.importing': 'Importing…',
  'import.done': 'Import done: {created} created, {updated} updated, {territories} territories created.',
  'import.nothingWritten': 'Nothing is saved before you confirm.',
  'surveys.title': 'Surveys',
  'surveys.upload': 'Upload a SurveyJS survey (JSON)',
  'surveys.file': 'Survey JSON file',
  'surveys.newVersion': 'Upload a new version',
  'surveys.uploaded': 'Survey “{title}” saved (version {version}).',
  'surveys.problems': 'The survey was not saved:',
  'surveys.questions': '{n} {n|question|questions}',
  'surveys.version': 'version {n}',
  'surveys.preview': 'Preview',
  'surveys.previewTitle': 'Preview as a respondent will see it',
  'surveys.empty': 'No survey.',
  'surveys.where': 'line {line}, column {column}',
  'users.title': 'Users',
  'users.role': 'Role',
  'users.territories': 'Territories',
  'users.create': 'Create a user',
  'users.password': 'Password (leave empty to generate one)',
  'users.generated': 'Generated password for {email} (shown once): {password}',
  'users.disabled': 'Disabled',
  'users.disable': 'Disable',
  'users.enable': 'Enable',
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
  'respond.notFound': 'This link is not valid. Check the address you received by e-mail.',
  'respond.alreadySubmitted': 'You already answered on {date}.',
  'respond.starting': 'Opening the anonymous survey…',
};

export type Lang = 'fr' | 'en';
const dictionaries: Record<Lang, Messages> = { fr, en };
const STORAGE_KEY = 'panorama.lang';
const listeners = new Set<() => void>();

function initialLang(): Lang {
  try {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    // Storage disabled (private mode): French by default.
  }
  return 'fr';
}

let current: Lang = initialLang();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // The choice then lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

/** French treats 0 and 1 as singular, English only 1. */
function isSingular(lang: Lang, n: number): boolean {
  return lang === 'fr' ? Math.abs(n) < 2 : n === 1;
}

/**
 * `{name}` is replaced by the value; `{name|singular|plural}` by the form matching that number
 * ("{n} {n|réponse|réponses}").
 */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = dictionaries[lang][key];
  return text.replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one?: string, many?: string) => {
      if (!(name in vars)) return whole;
      if (one === undefined || many === undefined) return String(vars[name]);
      return isSingular(lang, Number(vars[name])) ? one : many;
    },
  );
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The current language and a bound `t`, re-rendering when the language changes. */
export function useI18n(): { lang: Lang; t: Translate } {
  const lang = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getLang);
  return { lang, t: (key, vars) => translate(lang, key, vars) };
}

const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(locales[lang], { timeZone: 'Europe/Paris', dateStyle: 'long' });
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locales[lang], {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

export function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleTimeString(locales[lang], {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "66,67 %" in French, "66.67%" in English; "—" when unknown. */
export function formatRate(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  const text = rate.toLocaleString(locales[lang], { maximumFractionDigits: 1 });
  return lang === 'fr' ? `${text}\u00a0%` : `${text}%`;
}
