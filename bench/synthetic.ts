/**
 * Seeded synthetic data for benchmarks: a network of structures in territories, a survey with a
 * chosen mix of question types (conditions hide some questions) and responses with skewed,
 * realistic distributions and French free text. Same seed → same data, on every machine.
 */
import type { SurveyJson } from '../src/survey/definition-schema.js';
import type { Registry, ResponseRecord, Structure } from '../src/survey/records.js';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface QuestionMix {
  single: number;
  multiple: number;
  numeric: number;
  likert: number;
  comment: number;
}

/** The mix named in issue 5 for the 10 k – 1 M benchmarks. */
export const CONSULTATION_MIX: QuestionMix = { single: 20, multiple: 5, numeric: 4, likert: 0, comment: 2 };
/** A SENACS-like annual observatory: 150 questions. */
export const SENACS_MIX: QuestionMix = { single: 70, multiple: 20, numeric: 40, likert: 12, comment: 8 };

const TERRITORIES = [
  ['Nord', 'Métropole Européenne de Lille'],
  ['Nord', 'Flandre'],
  ['Nord', 'Cambrésis Sambre Avesnois'],
  ['Nord', 'Pévèle - Bassin minier'],
  ['Pas-de-Calais', 'Artois'],
  ['Pas-de-Calais', 'Côte d’Opale'],
  ['Somme', 'Amiénois'],
  ['Oise', 'Beauvaisis'],
] as const;

export function generateRegistry(structures: number, seed = 1): Registry {
  const random = mulberry32(seed);
  const list: Structure[] = [];
  for (let i = 0; i < structures; i++) {
    const [departement, territoire] = TERRITORIES[Math.floor(random() ** 1.6 * TERRITORIES.length)]!;
    list.push({
      id: `S${String(i + 1).padStart(5, '0')}`,
      name: `Centre social ${i + 1}`,
      attributes: {
        departement,
        territoire,
        type: random() < 0.8 ? 'CS' : 'EVS',
        qpv: random() < 0.55 ? 'oui' : 'non',
      },
    });
  }
  return { structures: list, attributes: ['departement', 'territoire', 'type', 'qpv'] };
}

const CHOICE_WORDS = [
  'familles',
  'jeunes',
  'seniors',
  'numérique',
  'santé',
  'logement',
  'emploi',
  'culture',
  'sport',
  'parentalité',
  'mobilité',
  'alimentation',
];

/** A survey whose question names encode their type: s1…, m1…, n1…, l1…, c1…. */
export function generateSurvey(mix: QuestionMix): SurveyJson {
  const elements: Record<string, unknown>[] = [];
  for (let i = 1; i <= mix.single; i++) {
    const size = 2 + (i % 6);
    elements.push({
      type: 'radiogroup',
      name: `s${i}`,
      title: `Question à choix unique ${i}`,
      choices: Array.from({ length: size }, (_, k) => ({ value: `v${k + 1}`, text: `Modalité ${k + 1}` })),
      // Every fifth question is only asked to those who answered v1 to the previous one.
      ...(i % 5 === 0 ? { visibleIf: `{s${i - 1}} = 'v1'` } : {}),
    });
  }
  for (let i = 1; i <= mix.multiple; i++) {
    elements.push({
      type: 'checkbox',
      name: `m${i}`,
      title: `Question à choix multiples ${i}`,
      choices: CHOICE_WORDS.slice(0, 6 + (i % 6)).map((w, k) => ({ value: `c${k + 1}`, text: w })),
      showOtherItem: true,
      otherText: 'Autre',
      ...(i % 3 === 0 ? { visibleIf: `{s1} != 'v2'` } : {}),
    });
  }
  for (let i = 1; i <= mix.numeric; i++) {
    elements.push({
      type: 'text',
      inputType: 'number',
      name: `n${i}`,
      title: `Valeur numérique ${i}`,
      min: 0,
    });
  }
  for (let i = 1; i <= mix.likert; i++) {
    elements.push({
      type: 'radiogroup',
      name: `l${i}`,
      title: `Êtes-vous d’accord avec l’affirmation ${i} ?`,
      choices: ['pas_du_tout', 'plutot_non', 'plutot_oui', 'tout_a_fait'].map((v) => ({ value: v, text: v })),
    });
  }
  for (let i = 1; i <= mix.comment; i++) {
    elements.push({ type: 'comment', name: `c${i}`, title: `Commentaire libre ${i}` });
  }
  return { title: 'Enquête synthétique', locale: 'fr', pages: [{ name: 'p1', elements: elements as never }] };
}

const SUBJECTS = [
  'Les familles',
  'Le centre social',
  'Les habitants',
  'Les bénévoles',
  'L’équipe',
  'Les jeunes',
];
const VERBS = [
  'ont besoin d’',
  'demandent un',
  'participent à l’',
  'souhaitent davantage d’',
  'proposent un',
];
const OBJECTS = [
  'accompagnement aux démarches en ligne',
  'accès aux droits',
  'atelier numérique',
  'accueil de loisirs',
  'espace de parole pour les parents',
  'soutien de la conférence des financeurs',
  'logement adapté',
  'lien social dans le quartier',
];
const TAILS = [
  '',
  ' depuis la crise sanitaire',
  ' avec la CAF',
  ' chaque semaine',
  ' en partenariat avec le CCAS',
];

function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return `${pick(SUBJECTS)} ${pick(VERBS)}${pick(OBJECTS)}${pick(TAILS)}.`;
}

/** A skewed pick: the first choices are the most frequent, as in real surveys. */
function skewedIndex(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(random() ** 1.8 * size));
}

/** Lazily yields R responses (nothing is kept), so memory measurements see only the engine. */
export function* generateResponses(
  survey: SurveyJson,
  registry: Registry,
  count: number,
  seed = 2,
): Generator<ResponseRecord> {
  const random = mulberry32(seed);
  const elements = (survey.pages?.[0]?.elements ?? []) as unknown as Array<{
    type: string;
    name: string;
    choices?: { value: string }[];
    visibleIf?: string;
  }>;
  for (let r = 0; r < count; r++) {
    const data: Record<string, unknown> = {};
    for (const q of elements) {
      if (q.visibleIf) {
        const previous = /\{(\w+)\} (!?=) '(\w+)'/.exec(q.visibleIf)!;
        const equal = data[previous[1]!] === previous[3];
        if (previous[2] === '=' ? !equal : equal) continue;
      }
      if (random() < 0.06) continue; // unanswered
      if (q.type === 'radiogroup') {
        data[q.name] = q.choices![skewedIndex(random, q.choices!.length)]!.value;
      } else if (q.type === 'checkbox') {
        const picked = q.choices!.filter((_, k) => random() < 0.55 / (1 + k * 0.3)).map((c) => c.value);
        if (random() < 0.08) {
          picked.push('other');
          data[`${q.name}-Comment`] = sentence(random);
        }
        if (picked.length > 0) data[q.name] = picked;
      } else if (q.type === 'text') {
        data[q.name] = Math.round(Math.exp(3 + random() * 4));
      } else if (q.type === 'comment') {
        if (random() < 0.5)
          data[q.name] = random() < 0.5 ? sentence(random) : `${sentence(random)} ${sentence(random)}`;
      }
    }
    const structure = registry.structures[r % registry.structures.length]!;
    yield { id: `R${r + 1}`, structure: structure.id, data };
  }
}
