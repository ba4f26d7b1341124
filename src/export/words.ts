/** The few words of an export's headers and labels, French first. */
export interface ExportWords {
  id: string;
  structure: string;
  structureName: string;
  submittedAt: string;
  comment: string;
  yes: string;
  no: string;
  attribute(key: string): string;
  answersSheet: string;
  variablesSheet: string;
  variableHeaders: [string, string, string, string];
}

const FR_ATTRIBUTES: Record<string, string> = {
  type: 'Type de structure',
  qpv: 'QPV',
  manager_type: 'Type de gestionnaire',
  commune_code: 'Code commune (INSEE)',
  region: 'Région',
  departement: 'Département',
  territoire: 'Territoire',
};
const EN_ATTRIBUTES: Record<string, string> = {
  type: 'Structure type',
  qpv: 'Priority neighbourhood (QPV)',
  manager_type: 'Manager type',
  commune_code: 'Commune code (INSEE)',
  region: 'Region',
  departement: 'Département',
  territoire: 'Territory',
};

export const EXPORT_WORDS: Record<'fr' | 'en', ExportWords> = {
  fr: {
    id: 'Identifiant de la réponse',
    structure: 'Code de la structure',
    structureName: 'Structure',
    submittedAt: 'Envoyée le (heure de Paris)',
    comment: '(précision)',
    yes: 'Oui',
    no: 'Non',
    attribute: (key) => FR_ATTRIBUTES[key] ?? key,
    answersSheet: 'Réponses',
    variablesSheet: 'Variables',
    variableHeaders: ['Variable', 'Libellé', 'Type', 'Codes'],
  },
  en: {
    id: 'Response id',
    structure: 'Structure code',
    structureName: 'Structure',
    submittedAt: 'Submitted at (Paris time)',
    comment: '(details)',
    yes: 'Yes',
    no: 'No',
    attribute: (key) => EN_ATTRIBUTES[key] ?? key,
    answersSheet: 'Answers',
    variablesSheet: 'Variables',
    variableHeaders: ['Variable', 'Label', 'Type', 'Codes'],
  },
};
