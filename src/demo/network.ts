import type { StructureInput, TerritoryInput } from '../store/index.js';
import type { Prng } from './prng.js';

/**
 * A synthetic network of social centres in Hauts-de-France: real communes (so commune codes
 * resolve) but invented structures, names and figures.
 */
interface TerritorySeed {
  id: string;
  name: string;
  departement: 'nord' | 'pdc';
  communes: [code: string, name: string, quartiers: string[]][];
}

const TERRITORIES: TerritorySeed[] = [
  {
    id: 'demo-t-metropole',
    name: 'Métropole lilloise',
    departement: 'nord',
    communes: [
      [
        '59350',
        'Lille',
        ['Moulins', 'Wazemmes', 'Fives', 'Lille-Sud', 'Bois-Blancs', 'Faubourg de Béthune', 'Saint-Maurice'],
      ],
      ['59512', 'Roubaix', ['Épeule', 'Alma', 'Pile', 'Trois-Ponts', 'Hommelet']],
      ['59599', 'Tourcoing', ['Bourgogne', 'Belencontre', 'Blanc-Seau']],
      ['59009', "Villeneuve-d'Ascq", ['Pont-de-Bois', 'Résidence']],
    ],
  },
  {
    id: 'demo-t-flandre',
    name: 'Flandre-Lys',
    departement: 'nord',
    communes: [
      ['59017', 'Armentières', ['Route Nationale', 'Salengro']],
      ['59295', 'Hazebrouck', ['Centre', 'Pasteur', 'Saint-Éloi']],
      ['59183', 'Dunkerque', ['Basse-Ville', 'Petite-Synthe', 'Malo', 'Rosendaël']],
    ],
  },
  {
    id: 'demo-t-hainaut',
    name: 'Hainaut-Cambrésis',
    departement: 'nord',
    communes: [
      ['59606', 'Valenciennes', ['Dutemple', 'Chasse-Royale', 'Faubourg de Cambrai']],
      ['59392', 'Maubeuge', ['Sous-le-Bois', 'Provinces françaises', 'Pont-Allant']],
      ['59122', 'Cambrai', ['Martin-Martine', 'Saint-Roch']],
      ['59178', 'Douai', ['Frais-Marais', 'Gayant', 'Dorignies']],
    ],
  },
  {
    id: 'demo-t-artois',
    name: 'Artois',
    departement: 'pdc',
    communes: [
      ['62498', 'Lens', ['Grande Résidence', 'Sellier', 'Cité 12-14']],
      ['62510', 'Liévin', ['Calonne', 'Saint-Amé', 'Marichelles']],
      ['62119', 'Béthune', ['Mont-Liébaut', 'Quartier du Perroy']],
      ['62427', 'Hénin-Beaumont', ['Quartier Est']],
      ['62178', 'Bruay-la-Buissière', ['Les Terrasses']],
    ],
  },
  {
    id: 'demo-t-opale',
    name: "Côte d'Opale",
    departement: 'pdc',
    communes: [
      ['62193', 'Calais', ['Beau-Marais', 'Fort-Nieulay', 'Saint-Pierre', 'Petit-Courgain']],
      ['62160', 'Boulogne-sur-Mer', ['Transition', 'Chemin-Vert', 'Damrémont']],
      ['62108', 'Berck', ['Centre']],
    ],
  },
  {
    id: 'demo-t-arrageois',
    name: 'Arrageois et Audomarois',
    departement: 'pdc',
    communes: [
      ['62041', 'Arras', ['Saint-Michel', 'Blancs-Monts', 'Baudimont', 'Jean Jaurès']],
      ['62765', 'Saint-Omer', ['Saint-Sépulcre']],
    ],
  },
];

export const DEMO_TERRITORIES: TerritoryInput[] = [
  { id: 'demo-r-hdf', name: 'Hauts-de-France', level: 'region', code: '32', parentId: null },
  { id: 'demo-d-nord', name: 'Nord', level: 'departement', code: '59', parentId: 'demo-r-hdf' },
  { id: 'demo-d-pdc', name: 'Pas-de-Calais', level: 'departement', code: '62', parentId: 'demo-r-hdf' },
  ...TERRITORIES.map((t) => ({
    id: t.id,
    name: t.name,
    level: 'territoire',
    code: null,
    parentId: t.departement === 'nord' ? 'demo-d-nord' : 'demo-d-pdc',
  })),
];

const CENTRE_NAMES = [
  'Les Tilleuls',
  'La Passerelle',
  'Arc-en-ciel',
  'Le Fil d’Ariane',
  'Les Glycines',
  'Agora',
  'Mosaïque',
  'L’Escale',
  'La Source',
  'Le Trait d’Union',
  'Horizon',
  'Les Hirondelles',
];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** About 60 structures: one per quartier, centres sociaux mostly, some EVS. */
export function demoStructures(rng: Prng): StructureInput[] {
  const out: StructureInput[] = [];
  const counters = { nord: 0, pdc: 0 };
  for (const territory of TERRITORIES) {
    for (const [code, commune, quartiers] of territory.communes) {
      for (const quartier of quartiers) {
        const isEvs = rng.chance(0.22);
        const dep = territory.departement === 'nord' ? '59' : '62';
        const n = ++counters[territory.departement];
        const id = `${isEvs ? 'EVS' : 'CS'}${dep}-${String(n).padStart(3, '0')}`;
        const label = rng.pick(CENTRE_NAMES);
        const name = isEvs
          ? `EVS ${label} – ${commune} ${quartier}`
          : `Centre social ${label} – ${commune} ${quartier}`;
        out.push({
          id,
          name,
          type: isEvs ? 'EVS' : 'CS',
          address: `${rng.int(1, 180)} rue ${rng.pick(['Jean Jaurès', 'Victor Hugo', 'de la République', 'Pasteur', 'des Écoles', 'Gambetta', 'Jules Guesde'])}, ${commune}`,
          communeCode: code,
          territoryId: territory.id,
          qpv: rng.chance(isEvs ? 0.45 : 0.7),
          managerType: isEvs
            ? 'associative'
            : rng.weighted([
                ['associative', 6],
                ['municipale', 3],
                ['CAF', 1],
              ] as const),
          attributes: {
            // A few structures have no address on file: reminders list them instead.
            ...(rng.chance(0.93) ? { email: `contact@${slug(id)}.example.org` } : {}),
            quartier,
            commune,
            agrement: String(rng.int(2019, 2025)),
          },
        });
      }
    }
  }
  return out;
}
