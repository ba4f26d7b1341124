import { defineErrors } from './define.js';
import { problemText, type CodedText } from './files.js';

/**
 * Bad input: registry files, JSON bodies and files, survey definitions, answers. Each message names
 * what the user must fix (file, line, column, question, value). Codes named `registry_*` also word
 * the problems listed one by one in a registry preview (status unused there).
 */
const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);
const q = (text: string) => `« ${text} »`;

export const inputErrors = defineErrors({
  // ----- JSON, wherever it comes from (request bodies, survey and response files)
  json_too_deep: {
    status: 400,
    fr: (p: { depth: number; limit: number; source?: string; line?: number; column?: number }) =>
      `Le contenu JSON${p.source ? ` de ${q(p.source)}` : ''} est imbriqué trop profondément : ` +
      `profondeur ${p.depth} atteinte${p.line !== undefined ? ` ligne ${p.line}, colonne ${p.column}` : ''}, ` +
      `alors que ${p.limit} niveaux au plus sont acceptés. Simplifiez sa structure.`,
    en: (p: { depth: number; limit: number; source?: string; line?: number; column?: number }) =>
      `The JSON content${p.source ? ` of "${p.source}"` : ''} is nested too deeply: ` +
      `depth ${p.depth} reached${p.line !== undefined ? ` at line ${p.line}, column ${p.column}` : ''}, ` +
      `while at most ${p.limit} levels are accepted. Simplify its structure.`,
  },

  // ----- Survey definitions and answers
  reserved_question_name: {
    status: 422,
    fr: (p: { name: string; path?: string }) =>
      `Le nom de question ${q(p.name)}${p.path ? ` (${p.path})` : ''} est réservé : il casserait l'enregistrement ` +
      'des réponses. Renommez la question (par exemple en ajoutant un préfixe).',
    en: (p: { name: string; path?: string }) =>
      `The question name "${p.name}"${p.path ? ` (${p.path})` : ''} is reserved: it would break how answers ` +
      'are stored. Rename the question (for instance with a prefix).',
  },
  invalid_answers: {
    status: 422,
    fr: (p: { questions: string[] }) =>
      `Certaines réponses ne sont pas acceptées (${[p.questions].flat().map(q).join(', ')}) : corrigez-les puis ` +
      "envoyez à nouveau. Rien n'a été enregistré.",
    en: (p: { questions: string[] }) =>
      `Some answers are not accepted (${[p.questions]
        .flat()
        .map((n) => `"${n}"`)
        .join(', ')}): correct them and ` + 'send again. Nothing was saved.',
  },
  invalid_draft: {
    status: 422,
    fr: (p: { questions: string[] }) =>
      `Le brouillon n'a pas été enregistré : certaines réponses ne sont pas acceptées ` +
      `(${[p.questions].flat().map(q).join(', ')}). Corrigez-les ; vos réponses précédentes sont conservées.`,
    en: (p: { questions: string[] }) =>
      `The draft was not saved: some answers are not accepted (${[p.questions]
        .flat()
        .map((n) => `"${n}"`)
        .join(', ')}). ` + 'Correct them; your previous answers are kept.',
  },

  // ----- Registry files (one problem each; listed in the import preview)
  registry_no_id_column: {
    status: 422,
    fr: (p: { found: string }) =>
      `colonne obligatoire « id » absente (ou « identifiant », « code structure ») ; colonnes trouvées : ${p.found}`,
    en: (p: { found: string }) =>
      `the mandatory "id" column is missing (or "identifiant", "code structure"); columns found: ${p.found}`,
  },
  registry_no_name_column: {
    status: 422,
    fr: (p: { found: string }) =>
      `colonne « nom » absente (ou « name », « raison sociale ») ; colonnes trouvées : ${p.found}`,
    en: (p: { found: string }) =>
      `the "nom" column is missing (or "name", "raison sociale"); columns found: ${p.found}`,
  },
  registry_name_needed: {
    status: 422,
    fr: (p: { id: string }) =>
      `la structure ${q(p.id)} n'existe pas encore : pour la créer, ajoutez une colonne « nom » et remplissez-la`,
    en: (p: { id: string }) =>
      `structure "${p.id}" does not exist yet: to create it, add a "nom" column and fill it in`,
  },
  registry_same_field: {
    status: 422,
    fr: (p: { first: string; second: string }) =>
      `les colonnes ${q(p.first)} et ${q(p.second)} donnent la même information : gardez-en une seule`,
    en: (p: { first: string; second: string }) =>
      `the columns "${p.first}" and "${p.second}" give the same information: keep only one`,
  },
  registry_duplicate_column: {
    status: 422,
    fr: (p: { column: string; first: number; second: number }) =>
      `la colonne ${q(p.column)} apparaît deux fois (colonnes ${p.first} et ${p.second})`,
    en: (p: { column: string; first: number; second: number }) =>
      `the column "${p.column}" appears twice (columns ${p.first} and ${p.second})`,
  },
  registry_unnamed_column: {
    status: 422,
    fr: () => 'cette colonne contient des valeurs mais pas de nom dans la ligne d’en-tête',
    en: () => 'this column has values but no header name',
  },
  registry_reserved_column: {
    status: 422,
    fr: (p: { column: string }) => `le nom de colonne ${q(p.column)} est réservé : renommez la colonne`,
    en: (p: { column: string }) => `the column name "${p.column}" is reserved: rename the column`,
  },
  registry_empty_id: {
    status: 422,
    fr: () => 'identifiant vide',
    en: () => 'the structure id is empty',
  },
  registry_duplicate_id: {
    status: 422,
    fr: (p: { id: string; first: number; line: number; sheet?: boolean }) =>
      `l'identifiant ${q(p.id)} est utilisé deux fois (${p.sheet ? 'rangées' : 'lignes'} ${p.first} et ${p.line})`,
    en: (p: { id: string; first: number; line: number; sheet?: boolean }) =>
      `the id "${p.id}" is used twice (${p.sheet ? 'rows' : 'lines'} ${p.first} and ${p.line})`,
  },
  registry_empty_name: {
    status: 422,
    fr: (p: { id: string }) => `le nom de la structure ${q(p.id)} est vide`,
    en: (p: { id: string }) => `the name of structure "${p.id}" is empty`,
  },
  registry_bad_type: {
    status: 422,
    fr: (p: { value: string }) =>
      `type ${q(p.value)} inconnu : attendu CS (centre social) ou EVS (espace de vie sociale)`,
    en: (p: { value: string }) =>
      `unknown type "${p.value}": expected CS (centre social) or EVS (espace de vie sociale)`,
  },
  registry_bad_yes_no: {
    status: 422,
    fr: (p: { value: string }) => `valeur ${q(p.value)} inconnue : attendu oui ou non`,
    en: (p: { value: string }) => `unknown value "${p.value}": expected oui or non (yes or no)`,
  },
  registry_bad_email: {
    status: 422,
    fr: (p: { value: string }) => `${q(p.value)} n'est pas une adresse e-mail valide`,
    en: (p: { value: string }) => `"${p.value}" is not a valid e-mail address`,
  },
  registry_bad_commune_code: {
    status: 422,
    fr: (p: { value: string }) =>
      `${q(p.value)} n'est pas un code commune INSEE (5 caractères, par exemple 59350)`,
    en: (p: { value: string }) => `"${p.value}" is not an INSEE commune code (5 characters, e.g. 59350)`,
  },
  registry_unknown_commune_code: {
    status: 422,
    fr: (p: { value: string }) => `${q(p.value)} n'est pas un code commune INSEE connu`,
    en: (p: { value: string }) => `"${p.value}" is not a known INSEE commune code`,
  },

  // ----- Registry import as a whole
  registry_unsupported_format: {
    status: 400,
    fr: (p: { file: string }) =>
      `Format de fichier non pris en charge (${q(p.file)}) : envoyez un fichier .csv ou .xlsx.`,
    en: (p: { file: string }) => `Unsupported file format ("${p.file}"): send a .csv or .xlsx file.`,
  },
  registry_unreadable: {
    status: 422,
    fr: (p: { file: string; cause: CodedText }) =>
      `Le fichier ${q(p.file)} est illisible : ${problemText(p.cause, 'fr')}`,
    en: (p: { file: string; cause: CodedText }) =>
      `The file "${p.file}" cannot be read: ${problemText(p.cause, 'en')}`,
  },
  registry_no_file: {
    status: 400,
    fr: () => 'Aucun fichier reçu : joignez le fichier dans le champ « file ».',
    en: () => 'No file received: attach the file in the "file" field.',
  },
  registry_empty: {
    status: 422,
    fr: (p: { file: string }) => `Le fichier ${q(p.file)} ne contient aucune structure.`,
    en: (p: { file: string }) => `The file "${p.file}" holds no structure.`,
  },
  registry_invalid: {
    status: 422,
    fr: (p: { file: string; count: number; line: number; column: string; reason: string }) =>
      `Le fichier ${q(p.file)} comporte ${p.count} ${plural(p.count, 'erreur', 'erreurs')} : rien n'a été importé. ` +
      `Première erreur ligne ${p.line}${p.column ? `, colonne ${q(p.column)}` : ''} : ${p.reason}.`,
    en: (p: { file: string; count: number; line: number; column: string; reason: string }) =>
      `The file "${p.file}" has ${p.count} ${plural(p.count, 'error', 'errors')}: nothing was imported. ` +
      `First error at line ${p.line}${p.column ? `, column "${p.column}"` : ''}: ${p.reason}.`,
  },
  registry_refused: {
    status: 422,
    fr: (p: { cause: CodedText }) => `Import refusé, rien n'a été écrit : ${problemText(p.cause, 'fr')}`,
    en: (p: { cause: CodedText }) => `Import refused, nothing was written: ${problemText(p.cause, 'en')}`,
  },
});

/** The codes that word one problem of a registry file. */
export type RegistryProblemCode = Extract<keyof typeof inputErrors, `registry_${string}`>;
