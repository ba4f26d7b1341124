/** A small indicator file for the demo survey, by département (Nord, Pas-de-Calais). */
export const DEMO_INDICATORS = {
  title: 'Observatoire de démonstration',
  territoryAttribute: 'departement',
  indicators: [
    {
      id: 'reponses',
      label: 'Réponses',
      kind: 'count',
      of: 'responses',
      unit: 'réponses',
      text: '{value} réponses',
    },
    {
      id: 'etp_moyen',
      label: 'Salariés (ETP) en moyenne',
      kind: 'mean',
      question: 'etp_salaries',
      unit: 'ETP',
      decimals: 1,
    },
  ],
  sections: [{ title: 'Les structures', indicators: ['etp_moyen'], charts: ['publics'] }],
};
