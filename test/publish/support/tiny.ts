import { buildSurveyModel } from '../../../src/survey/model.js';
import type { Registry, ResponseRecord } from '../../../src/survey/records.js';

/** A hand-made campaign: 3 territories (A: 12 centres, B: 3, C: 10), every centre answered. */
export const tinySurvey = buildSurveyModel({
  title: 'Mini',
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'text', inputType: 'number', name: 'budget' },
        { type: 'radiogroup', name: 'jardin', choices: ['oui', 'non'] },
        { type: 'checkbox', name: 'partenaires', choices: ['caf', 'ars', 'europe'] },
      ],
    },
  ],
});

const sizes: [string, number][] = [
  ['A', 12],
  ['B', 3],
  ['C', 10],
];

export function tinyRegistry(): Registry {
  const structures = sizes.flatMap(([t, n]) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${t}${i + 1}`,
      name: `Centre ${t}${i + 1}`,
      attributes: { territoire: t },
    })),
  );
  return { structures, attributes: ['territoire'] };
}

/** Budget = 100 × rank in territory; jardin 'oui' for the first 4 of each territory (all of B). */
export function tinyResponses(): ResponseRecord[] {
  return tinyRegistry().structures.map((s, i) => {
    const rank = Number(s.id.slice(1));
    return {
      id: `R${i + 1}`,
      structure: s.id,
      data: {
        budget: rank * 100,
        jardin: rank <= 4 ? 'oui' : 'non',
        partenaires: rank % 2 ? ['caf'] : ['caf', 'ars'],
      },
    };
  });
}
