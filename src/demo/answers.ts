import type { StructureInput } from '../store/index.js';
import type { Prng } from './prng.js';

const PROJETS = [
  "Création d'un jardin partagé avec les habitants du quartier et l'école voisine.",
  "Mise en place d'un café des parents tous les mardis matin, très fréquenté.",
  'Séjour familial à la mer pour douze familles qui ne partaient jamais en vacances.',
  "Ouverture d'un espace numérique avec des ateliers d'accompagnement aux démarches en ligne.",
  'Fête de quartier co-organisée par les jeunes et les bénévoles, plus de 400 participants.',
  'Accompagnement à la scolarité renforcé avec les collèges et les familles.',
  'Projet vidéo réalisé par les jeunes sur la mémoire du quartier.',
  'Ateliers cuisine et santé avec les seniors, en lien avec le CCAS.',
];
const ATTENTES = [
  'Des formations pour les bénévoles et les administrateurs.',
  'Un appui pour les dossiers de financement et le renouvellement de l’agrément.',
  'Plus de rencontres entre centres sociaux du territoire.',
  'Un plaidoyer auprès des financeurs sur les moyens du projet social.',
  'Des outils pour mesurer notre impact et valoriser nos actions.',
  'Un accompagnement sur le numérique et la protection des données.',
];

/** Answers consistent with the demo survey's conditions, shaped by the structure's profile. */
export function demoAnswers(rng: Prng, structure: StructureInput): Record<string, unknown> {
  const isEvs = structure.type === 'EVS';
  const data: Record<string, unknown> = {};
  data.statut = rng.weighted([
    ['association', isEvs ? 9 : 6],
    ['collectivite', isEvs ? 1 : 3],
    ['caf', isEvs ? 0.1 : 1],
    ['other', 0.4],
  ] as const);
  if (data.statut === 'other') data['statut-Comment'] = rng.pick(['SCIC', 'Fondation', 'Régie de quartier']);
  if (rng.chance(0.85)) data.annee_creation = rng.int(1965, 2022);
  data.etp_salaries = isEvs ? rng.around(2.5, 2, 0, 8, 1) : rng.around(14, 9, 3, 45, 1);
  if (rng.chance(0.9)) data.nb_benevoles = isEvs ? rng.around(15, 10, 2, 40) : rng.around(45, 30, 5, 150);
  data.publics = rng.subset(
    [
      ['familles', 0.9],
      ['enfants', 0.8],
      ['jeunes', 0.6],
      ['seniors', 0.55],
      ['handicap', 0.2],
      ['other', 0.08],
    ] as const,
    1,
  );
  if ((data.publics as string[]).includes('other')) data['publics-Comment'] = 'Personnes migrantes';
  data.activites = rng.subset(
    [
      ['accueil', 0.95],
      ['scolaire', isEvs ? 0.35 : 0.75],
      ['insertion', 0.45],
      ['numerique', 0.6],
      ['culture', 0.7],
      ['parentalite', 0.65],
      ['droits', 0.5],
      ['other', 0.1],
    ] as const,
    2,
  );
  if ((data.activites as string[]).includes('other'))
    data['activites-Comment'] = rng.pick(['Épicerie solidaire', 'Ludothèque', 'Jardin partagé']);
  if ((data.activites as string[]).includes('numerique')) {
    data.conseiller_numerique = rng.weighted([
      ['oui', 5],
      ['non', 3],
      ['en_cours', 1],
    ] as const);
  }
  data.france_services = rng.chance(isEvs ? 0.05 : 0.2);
  if (data.france_services) data.france_services_depuis = rng.int(2020, 2025);
  data.partenaires = rng.chance(0.04)
    ? ['none']
    : rng.subset(
        [
          ['mairie', 0.9],
          ['departement', 0.6],
          ['caf', 0.85],
          ['ecoles', 0.65],
          ['bailleurs', 0.45],
        ] as const,
        1,
      );
  data.budget = isEvs
    ? rng.weighted([
        ['moins_200k', 8],
        ['200k_500k', 2],
      ] as const)
    : rng.weighted([
        ['moins_200k', 1],
        ['200k_500k', 4],
        ['500k_1m', 4],
        ['plus_1m', 2],
      ] as const);
  if (rng.chance(0.9))
    data.satisfaction_locaux = rng.weighted([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 4],
      [5, 2],
    ] as const);
  data.difficultes = rng.subset([
    ['recrutement', 0.55],
    ['financement', 0.7],
    ['locaux', 0.3],
    ['benevoles', 0.45],
    ['habitants', 0.25],
    ['other', 0.06],
  ] as const);
  if ((data.difficultes as string[]).includes('other'))
    data['difficultes-Comment'] = 'Transport des habitants';
  if ((data.difficultes as string[]).length === 0) delete data.difficultes;
  data.frequentation = rng.weighted([
    ['hausse', 5],
    ['stable', 4],
    ['baisse', 2],
  ] as const);
  if (rng.chance(0.6)) data.projet_phare = rng.pick(PROJETS);
  if (rng.chance(0.4)) data.attentes = rng.pick(ATTENTES);
  return data;
}

/** The first page only: what a respondent who stopped half-way has saved. */
export function partialAnswers(full: Record<string, unknown>): Record<string, unknown> {
  const keep = [
    'statut',
    'statut-Comment',
    'annee_creation',
    'etp_salaries',
    'nb_benevoles',
    'publics',
    'publics-Comment',
  ];
  return Object.fromEntries(Object.entries(full).filter(([k]) => keep.includes(k)));
}
