import { defineErrors } from './define.js';

/**
 * Digital solidarity (directory, equipment programmes, resources): each message names the file,
 * line, column and value, or the structure and the field of the national standard.
 */
const q = (text: string) => `« ${text} »`;

const FIELD_FR: Record<string, string> = {
  pivot: 'le SIRET ou le RNA',
  code_postal: 'le code postal',
  adresse: "l'adresse",
  commune: 'la commune',
  telephone: 'le téléphone',
};

export const solidarityErrors = defineErrors({
  solidarity_file_missing: {
    status: 422,
    fr: (p: { file: string; dir: string }) => `Le fichier ${p.file} manque dans le dossier ${q(p.dir)}.`,
    en: (p: { file: string; dir: string }) => `The file ${p.file} is missing from the folder "${p.dir}".`,
  },
  solidarity_column_missing: {
    status: 422,
    fr: (p: { file: string; column: string }) =>
      `Le fichier ${p.file} n'a pas la colonne obligatoire ${q(p.column)}.`,
    en: (p: { file: string; column: string }) =>
      `The file ${p.file} lacks the required column "${p.column}".`,
  },
  solidarity_value_invalid: {
    status: 422,
    fr: (p: { column: string; value: string; expected: string }) =>
      `Colonne ${q(p.column)} : la valeur ${q(p.value)} n'est pas valide (attendu : ${p.expected}).`,
    en: (p: { column: string; value: string; expected: string }) =>
      `Column "${p.column}": the value "${p.value}" is not valid (expected: ${p.expected}).`,
  },
  solidarity_folder_invalid: {
    status: 422,
    fr: (p: { dir: string; count: number }) =>
      `Le dossier ${q(p.dir)} contient ${p.count} erreur${p.count > 1 ? 's' : ''} : corrigez-les puis recommencez (liste détaillée ci-dessous).`,
    en: (p: { dir: string; count: number }) =>
      `The folder "${p.dir}" has ${p.count} error${p.count > 1 ? 's' : ''}: fix them and try again (detailed list below).`,
  },
  solidarity_place_field_missing: {
    status: 422,
    fr: (p: { place: string; field: string; detail?: string }) =>
      `La structure ${q(p.place)} : il manque ${FIELD_FR[p.field] ?? p.field} (champ ${q(p.field)} obligatoire du standard)` +
      (p.detail ? ` : la commune a plusieurs codes postaux (${p.detail}), précisez le bon.` : '.'),
    en: (p: { place: string; field: string; detail?: string }) =>
      `The structure "${p.place}" has no ${p.field} (required by the standard)` +
      (p.detail ? `: the commune has several postal codes (${p.detail}), give the right one.` : '.'),
  },
  solidarity_place_field_invalid: {
    status: 422,
    fr: (p: { place: string; field: string; value: string }) =>
      `La structure ${q(p.place)} : la valeur ${q(p.value)} du champ ${q(p.field)} n'a pas le format attendu par le standard.`,
    en: (p: { place: string; field: string; value: string }) =>
      `The structure "${p.place}": ${p.field} "${p.value}" does not have the format the standard expects.`,
  },
  solidarity_export_incomplete: {
    status: 422,
    fr: (p: { count: number }) =>
      `${p.count} information${p.count > 1 ? 's' : ''} manque${p.count > 1 ? 'nt' : ''} pour exporter l'annuaire au standard national : ` +
      'les structures concernées sont listées ci-dessous.',
    en: (p: { count: number }) =>
      `${p.count} item${p.count > 1 ? 's are' : ' is'} missing to export the directory in the national standard: ` +
      'the structures concerned are listed below.',
  },
  solidarity_export_invalid: {
    status: 500,
    fr: (p: { format: string; count: number }) =>
      `L'export ${p.format} ne respecte pas le schéma officiel (${p.count} écart${p.count > 1 ? 's' : ''}) : il n'a pas été écrit.`,
    en: (p: { format: string; count: number }) =>
      `The ${p.format} export does not follow the official schema (${p.count} violation${p.count > 1 ? 's' : ''}): it was not written.`,
  },
  solidarity_hours_invalid: {
    status: 422,
    fr: (p: { value: string; position: number; found: string; expected: string }) =>
      `Horaires ${q(p.value)} : au caractère ${p.position}, ${q(p.found)} n'est pas compris ; attendu ${p.expected}. ` +
      'Exemple : « Mo,We 10:00-12:00 » (lundi et mercredi, 10 h – 12 h).',
    en: (p: { value: string; position: number; found: string; expected: string }) =>
      `Opening hours "${p.value}": at character ${p.position}, "${p.found}" is not understood; expected ${p.expected}. ` +
      'Example: "Mo,We 10:00-12:00".',
  },
  solidarity_not_found: {
    status: 404,
    fr: (p: { what: string; id: string }) => `${p.what} ${q(p.id)} introuvable.`,
    en: (p: { what: string; id: string }) => `${p.what} "${p.id}" not found.`,
  },
  solidarity_item_unavailable: {
    status: 409,
    fr: (p: { item: string }) =>
      `Le matériel ${q(p.item)} est déjà donné ou prêté : enregistrez d'abord son retour.`,
    en: (p: { item: string }) => `The item "${p.item}" is already given or lent: record its return first.`,
  },
  solidarity_loan_state: {
    status: 409,
    fr: (p: { reason: string }) => `Opération impossible sur ce prêt : ${p.reason}.`,
    en: (p: { reason: string }) => `This operation is not possible on this loan: ${p.reason}.`,
  },
  solidarity_duplicate: {
    status: 409,
    fr: (p: { what: string; id: string }) => `${p.what} ${q(p.id)} existe déjà.`,
    en: (p: { what: string; id: string }) => `${p.what} "${p.id}" already exists.`,
  },
});
