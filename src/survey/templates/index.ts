import flash from './flash.json' with { type: 'json' };
import annualObservatory from './observatoire-annuel.json' with { type: 'json' };
import digitalSolidarity from './solidarite-numerique.json' with { type: 'json' };
import type { SurveyJson } from '../definition-schema.js';

/**
 * Ready questionnaires written by the Panorama team, used to start a new questionnaire in the
 * editor. Each is a plain SurveyJS JSON file beside this module; the name and the one-line
 * description shown in the template list are here, in both interface languages.
 */
export interface SurveyTemplate {
  id: string;
  name: { fr: string; en: string };
  description: { fr: string; en: string };
  definition: SurveyJson;
}

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'enquete-flash',
    name: { fr: 'Enquête flash', en: 'Flash survey' },
    description: {
      fr: 'Quelques questions sur la continuité de l’activité et la mobilisation, à lancer en quelques jours.',
      en: 'A few questions on continuity of activity and mobilisation, to run within a few days.',
    },
    definition: flash,
  },
  {
    id: 'observatoire-annuel',
    name: { fr: 'Observatoire annuel', en: 'Annual observatory' },
    description: {
      fr: 'Squelette d’observatoire annuel (type SENACS) : identité, agrément, QPV, publics, actions, partenariats, bénévoles, salariés et budget.',
      en: 'Annual observatory skeleton (SENACS-like): identity, accreditation, QPV, publics, actions, partnerships, volunteers, staff and budget.',
    },
    definition: annualObservatory,
  },
  {
    id: 'solidarite-numerique',
    name: { fr: 'Solidarité numérique', en: 'Digital solidarity' },
    description: {
      fr: 'Équipement, ateliers, publics accompagnés et besoins en inclusion numérique.',
      en: 'Equipment, workshops, people supported and needs in digital inclusion.',
    },
    definition: digitalSolidarity,
  },
];
