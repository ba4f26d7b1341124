import type { Lang } from '../../contract/lang.js';
import type { PrivacyCategoryId, RetentionCategory } from '../../contract/privacy.js';

/**
 * The categories of personal data Panorama holds, worded for the federation's register of
 * processing (registre des traitements, GDPR art. 30). The legal bases are the usual ones for a
 * federation running an observatory of its members; the administrator adapts the register if the
 * federation decided otherwise.
 */
export const DEFAULT_RETENTION_DAYS: Record<RetentionCategory, number> = {
  accounts: 365,
  structure_contacts: 730,
  mail: 730,
  audit: 365,
  sessions: 30,
};

interface Wording {
  name: string;
  data: string[];
  purpose: string;
  legalBasis: string;
  recipients: string;
  /** The rule, `{days}` being replaced by the period in force. */
  retention: string;
}

const fr: Record<PrivacyCategoryId, Wording> = {
  accounts: {
    name: 'Comptes des utilisateurs',
    data: [
      'nom',
      'adresse e-mail',
      'rôle',
      'territoires',
      'empreinte du mot de passe (argon2id)',
      'date de création',
    ],
    purpose:
      'Donner accès à Panorama aux salariés et bénévoles de la fédération et de ses partenaires, selon leur rôle et leurs territoires.',
    legalBasis: 'Intérêt légitime de la fédération (gestion des accès à son outil d’observation).',
    recipients: 'Administrateurs de Panorama ; chaque utilisateur voit son propre compte.',
    retention:
      'Tant que le compte est actif ; un compte désactivé est anonymisé après {days} jours sans aucune activité.',
  },
  structure_contacts: {
    name: 'Contacts des structures',
    data: [
      'adresse e-mail de contact de la structure (répertoire)',
      'autres attributs de contact du répertoire (téléphone, responsable, référent…)',
      'adresse e-mail et téléphone publiés dans l’annuaire de solidarité numérique',
    ],
    purpose:
      'Inviter les structures aux campagnes d’observation, les relancer, publier l’annuaire des lieux.',
    legalBasis:
      'Intérêt légitime de la fédération (animation de son réseau et observation de ses adhérents).',
    recipients:
      'Administrateurs ; correspondants et lecteurs des territoires de la structure ; annuaire public pour les coordonnées publiées.',
    retention:
      'Tant que la structure est au répertoire ; effacés {days} jours après l’archivage de la structure.',
  },
  mail: {
    name: 'Journal des envois et boîte d’envoi',
    data: [
      'adresse du destinataire de chaque invitation et relance',
      'objet, date et statut de l’envoi',
      'adresse recopiée sur l’invitation à la campagne',
      'messages écrits dans le dossier outbox (sans serveur SMTP)',
    ],
    purpose:
      'Prouver qu’une structure a été invitée ou relancée, ne pas écrire deux fois, diagnostiquer les échecs.',
    legalBasis: 'Intérêt légitime de la fédération (suivi des campagnes).',
    recipients: 'Administrateurs ; correspondants pour les structures de leurs territoires.',
    retention:
      'Adresses effacées du journal {days} jours après l’envoi, des invitations {days} jours après la clôture de la campagne ; fichiers outbox supprimés après {days} jours.',
  },
  households: {
    name: 'Contacts des ménages (solidarité numérique)',
    data: [
      'contact facultatif d’un ménage équipé ou accompagné (téléphone ou e-mail)',
      'code pseudonyme du ménage',
    ],
    purpose: 'Rappeler un ménage pour le retour d’un prêt ou le suivi d’un accompagnement.',
    legalBasis: 'Consentement du ménage, recueilli par la structure.',
    recipients: 'La structure qui accompagne le ménage ; administrateurs.',
    retention: 'Durée fixée pour chaque programme d’équipement ; contacts effacés à son échéance.',
  },
  audit: {
    name: 'Journal d’audit',
    data: [
      'auteur de chaque action (compte)',
      'action, date et objet (campagne, structure, réponse, compte)',
      'adresse IP et adresse saisie lors des connexions et des échecs de connexion',
    ],
    purpose:
      'Sécurité de Panorama et traçabilité des décisions (vérification des réponses, publications, comptes).',
    legalBasis: 'Obligation de sécurité (RGPD art. 32) et intérêt légitime de la fédération.',
    recipients: 'Administrateurs.',
    retention:
      'Traces de connexion (IP, adresse saisie) supprimées après {days} jours ; les autres actions sont gardées avec les données qu’elles concernent, leur auteur pseudonymisé à l’effacement de son compte.',
  },
  sessions: {
    name: 'Sessions et liens de réinitialisation',
    data: [
      'empreinte du cookie de session',
      'dates de connexion et de dernière activité',
      'empreinte des liens de réinitialisation du mot de passe',
    ],
    purpose: 'Maintenir la connexion d’un utilisateur ; réinitialiser un mot de passe oublié.',
    legalBasis: 'Intérêt légitime (fonctionnement et sécurité du service).',
    recipients: 'Personne (usage technique) ; administrateurs via la base de données.',
    retention: 'Jusqu’à leur expiration, puis supprimés {days} jours après.',
  },
};

const en: Record<PrivacyCategoryId, Wording> = {
  accounts: {
    name: 'User accounts',
    data: ['name', 'e-mail address', 'role', 'territories', 'password hash (argon2id)', 'creation date'],
    purpose:
      'Give the federation’s and its partners’ staff and volunteers access to Panorama, by role and territory.',
    legalBasis: 'Legitimate interest of the federation (access to its observatory tool).',
    recipients: 'Panorama administrators; each user sees their own account.',
    retention:
      'While the account is active; a disabled account is anonymised after {days} days without any activity.',
  },
  structure_contacts: {
    name: 'Contacts of structures',
    data: [
      'contact e-mail address of the structure (registry)',
      'other contact attributes of the registry (phone, manager, referent…)',
      'e-mail address and phone published in the digital-solidarity directory',
    ],
    purpose: 'Invite structures to observation campaigns, remind them, publish the directory of places.',
    legalBasis: 'Legitimate interest of the federation (running its network and observing its members).',
    recipients:
      'Administrators; correspondents and viewers of the structure’s territories; the public directory for published details.',
    retention: 'While the structure is in the registry; erased {days} days after the structure is archived.',
  },
  mail: {
    name: 'Send log and outbox',
    data: [
      'recipient address of each invitation and reminder',
      'subject, date and status of the message',
      'address copied onto the campaign invitation',
      'messages written to the outbox folder (without an SMTP server)',
    ],
    purpose: 'Prove that a structure was invited or reminded, never write twice, diagnose failures.',
    legalBasis: 'Legitimate interest of the federation (running campaigns).',
    recipients: 'Administrators; correspondents for the structures of their territories.',
    retention:
      'Addresses erased from the log {days} days after sending, from invitations {days} days after the campaign closed; outbox files deleted after {days} days.',
  },
  households: {
    name: 'Household contacts (digital solidarity)',
    data: [
      'optional contact of an equipped or supported household (phone or e-mail)',
      'pseudonymous household code',
    ],
    purpose: 'Call a household back about a loan’s return or a support follow-up.',
    legalBasis: 'Consent of the household, collected by the structure.',
    recipients: 'The structure supporting the household; administrators.',
    retention: 'Period set for each equipment programme; contacts erased when it ends.',
  },
  audit: {
    name: 'Audit log',
    data: [
      'author of each action (account)',
      'action, date and object (campaign, structure, response, account)',
      'IP address and typed address at sign-ins and failed sign-ins',
    ],
    purpose: 'Security of Panorama and accountability of decisions (answer review, publications, accounts).',
    legalBasis: 'Security obligation (GDPR art. 32) and legitimate interest of the federation.',
    recipients: 'Administrators.',
    retention:
      'Sign-in traces (IP, typed address) deleted after {days} days; other actions are kept with the data they concern, their author pseudonymised when the account is erased.',
  },
  sessions: {
    name: 'Sessions and reset links',
    data: ['hash of the session cookie', 'sign-in and last activity dates', 'hash of password reset links'],
    purpose: 'Keep a user signed in; reset a forgotten password.',
    legalBasis: 'Legitimate interest (running and securing the service).',
    recipients: 'Nobody (technical use); administrators through the database.',
    retention: 'Until they expire, then deleted {days} days later.',
  },
};

export const CATEGORY_IDS: readonly PrivacyCategoryId[] = [
  'accounts',
  'structure_contacts',
  'mail',
  'households',
  'audit',
  'sessions',
];

export function categoryWording(lang: Lang, id: PrivacyCategoryId): Wording {
  return (lang === 'en' ? en : fr)[id];
}
