/** Interface strings of this area, French first; English has exactly the same keys. */
export const fr = {
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
} as const;

export const en: Record<keyof typeof fr, string> = {
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
};
