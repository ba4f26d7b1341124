import { defineErrors } from './define.js';

/** The questionnaire editor and its template library. */
export const editorErrors = defineErrors({
  survey_template_not_found: {
    status: 404,
    fr: (p: { id: string }) =>
      `Le modèle de questionnaire « ${p.id} » n'existe pas : choisissez un modèle de la liste.`,
    en: (p: { id: string }) =>
      `The survey template "${p.id}" does not exist: choose a template from the list.`,
  },
});
