import { defineErrors } from './define.js';
import type { Lang } from '../lang.js';
import { problemText } from './files.js';
import { wordFieldIssue, type FieldIssue } from './zod.js';

/**
 * Mistakes on the command line of one command (admin, survey, solidarity, brochure, check, import,
 * backup), and the refusals of `panorama import`: each message names the option, the value, the
 * file or the folder, and says what to write instead. Status 400 (exit code 2) for the command line,
 * 409/422 for a refused import.
 */
const q = (text: unknown) => `« ${String(text)} »`;
const dq = (text: unknown) => `"${String(text)}"`;
const list = (items: unknown) => [items ?? []].flat().map(String).join(', ');

/** What a command expects as its one argument. */
export type CliArgument = 'email' | 'survey_file' | 'backup_file' | 'postgres_url';
const ARGUMENTS: Record<CliArgument, Record<Lang, string>> = {
  email: { fr: 'une seule adresse e-mail', en: 'exactly one e-mail address' },
  survey_file: { fr: 'un seul fichier de questionnaire', en: 'exactly one questionnaire file' },
  backup_file: { fr: 'un seul fichier de sauvegarde', en: 'exactly one backup file' },
  postgres_url: { fr: "l'URL de la base PostgreSQL", en: 'the URL of the PostgreSQL database' },
};

/** An error carried inside another (its code and parameters), worded in the same language. */
export interface CarriedError {
  code: string;
  params?: unknown;
}
const carried = (e: CarriedError | undefined, lang: Lang) =>
  e ? problemText({ message: e.code, code: e.code, params: e.params ?? {} }, lang) : '';

export const commandErrors = defineErrors({
  // ----- Server configuration (panorama.config.json, environment variables)
  config_json_invalid: {
    status: 400,
    fr: (p: { file: string; line: number; column: number }) =>
      `${p.file} : JSON invalide ligne ${p.line}, colonne ${p.column} : corrigez le fichier de configuration.`,
    en: (p: { file: string; line: number; column: number }) =>
      `${p.file}: invalid JSON at line ${p.line}, column ${p.column}: correct the configuration file.`,
  },
  config_invalid: {
    status: 400,
    fr: (p: { settings: { name: string; issue: FieldIssue }[] }) =>
      `configuration invalide :\n${[p.settings]
        .flat()
        .map((s) => `  ${s.name} : ${wordFieldIssue({ ...s.issue, field: '' }, 'fr')}`)
        .join('\n')}`,
    en: (p: { settings: { name: string; issue: FieldIssue }[] }) =>
      `invalid configuration:\n${[p.settings]
        .flat()
        .map((s) => `  ${s.name}: ${wordFieldIssue({ ...s.issue, field: '' }, 'en')}`)
        .join('\n')}`,
  },

  cli_unknown_subcommand: {
    status: 400,
    fr: (p: { command: string; sub: string; allowed: string[] }) =>
      `sous-commande ${q(p.sub)} inconnue ; possibles : ${list(p.allowed)}. ` +
      `Lancez « panorama ${p.command} --help » pour l'usage.`,
    en: (p: { command: string; sub: string; allowed: string[] }) =>
      `unknown ${p.command} subcommand "${p.sub}"; use one of: ${list(p.allowed)}. ` +
      `Run "panorama ${p.command} --help" for the usage.`,
  },
  cli_one_argument: {
    status: 400,
    fr: (p: { command: string; what: CliArgument; count: number }) =>
      `indiquez ${(ARGUMENTS[p.what] ?? ARGUMENTS.email).fr} (reçu : ${p.count}). ` +
      `Lancez « panorama ${p.command} --help » pour l'usage.`,
    en: (p: { command: string; what: CliArgument; count: number }) =>
      `give ${(ARGUMENTS[p.what] ?? ARGUMENTS.email).en} (got ${p.count}). ` +
      `Run "panorama ${p.command} --help" for the usage.`,
  },
  cli_option_missing: {
    status: 400,
    fr: (p: { option: string; example: string }) =>
      `l'option --${p.option} est obligatoire, par exemple ${p.example}.`,
    en: (p: { option: string; example: string }) =>
      `the --${p.option} option is required, e.g. ${p.example}.`,
  },
  cli_option_needs: {
    status: 400,
    fr: (p: { option: string; needs: string }) => `--${p.option} ne s'emploie qu'avec --${p.needs}.`,
    en: (p: { option: string; needs: string }) => `--${p.option} goes with --${p.needs}.`,
  },
  cli_email_invalid: {
    status: 400,
    fr: (p: { value: string }) =>
      `--email : une adresse e-mail valide est obligatoire (reçu : ${q(p.value)}).`,
    en: (p: { value: string }) => `--email: a valid e-mail address is required (got "${p.value}").`,
  },
  cli_correspondent_in_web: {
    status: 400,
    fr: () =>
      "--role correspondent : créez les correspondants dans l'interface web (Utilisateurs), où l'on choisit leurs territoires.",
    en: () =>
      '--role correspondent: create correspondents in the web interface (Utilisateurs), where territories are chosen.',
  },
  cli_whole_number: {
    status: 400,
    fr: (p: { option: string; value: string; min: number; example?: string }) =>
      `--${p.option} ${q(p.value)} : un nombre entier d'au moins ${p.min} est attendu` +
      `${p.example ? ` (par exemple ${p.example})` : ''}.`,
    en: (p: { option: string; value: string; min: number; example?: string }) =>
      `--${p.option} "${p.value}": a whole number of at least ${p.min} is expected` +
      `${p.example ? ` (e.g. ${p.example})` : ''}.`,
  },
  cli_brochure_k_too_small: {
    status: 400,
    fr: (p: { value: string }) =>
      `--k ${q(p.value)} est trop petit pour une plaquette publique : au moins 3 structures par chiffre (5 par défaut) ; --audience admin pour une version interne.`,
    en: (p: { value: string }) =>
      `--k "${p.value}" is too small for a public brochure: at least 3 structures per figure (default 5); --audience admin for an internal version.`,
  },
  cli_date_expected: {
    status: 400,
    fr: (p: { option: string; value: string }) =>
      `--${p.option} ${q(p.value)} : une date AAAA-MM-JJ est attendue.`,
    en: (p: { option: string; value: string }) =>
      `--${p.option} "${p.value}": a YYYY-MM-DD date is expected.`,
  },
  cli_not_a_file: {
    status: 400,
    fr: (p: { path: string }) => `${q(p.path)} n'existe pas ou n'est pas un fichier.`,
    en: (p: { path: string }) => `${p.path} does not exist or is not a file.`,
  },
  cli_out_not_folder: {
    status: 400,
    fr: (p: { path: string }) => `--out ${p.path} : existe déjà et n'est pas un dossier.`,
    en: (p: { path: string }) => `--out ${p.path}: exists and is not a folder.`,
  },
  cli_settings_file_invalid: {
    status: 400,
    fr: (p: { file: string; issues: FieldIssue[] }) =>
      `${p.file} : ${[p.issues]
        .flat()
        .map((i) => wordFieldIssue(i, 'fr'))
        .join(' ; ')}`,
    en: (p: { file: string; issues: FieldIssue[] }) =>
      `${p.file}: ${[p.issues]
        .flat()
        .map((i) => wordFieldIssue(i, 'en'))
        .join('; ')}`,
  },
  cli_indicators_missing: {
    status: 400,
    fr: (p: { folder: string }) =>
      `pas d'option --indicators FICHIER ni de fichier indicators.json dans ${p.folder} (voir docs/indicators.md).`,
    en: (p: { folder: string }) =>
      `no --indicators FILE given and no indicators.json in ${p.folder} (see docs/indicators.md).`,
  },
  cli_needs_registry: {
    status: 400,
    fr: (p: { option: string; folder: string; territory?: string }) =>
      `--${p.option} demande un répertoire (structures.csv) dans ${p.folder}` +
      (p.territory ? ` pour savoir quelles structures appartiennent à ${q(p.territory)}.` : '.'),
    en: (p: { option: string; folder: string; territory?: string }) =>
      `--${p.option} needs a registry (structures.csv) in ${p.folder}` +
      (p.territory ? ` to know which structures belong to "${p.territory}".` : '.'),
  },
  cli_level_unknown: {
    status: 400,
    fr: (p: { level: string; known: string[] }) =>
      `--level ${q(p.level)} n'est pas une colonne du répertoire ; colonnes connues : ${list(p.known)}.`,
    en: (p: { level: string; known: string[] }) =>
      `--level "${p.level}" is not a column of the registry; known columns: ${list(p.known)}.`,
  },
  cli_sheet_format: {
    status: 400,
    fr: (p: { format: string }) =>
      `la fiche structure n'existe pas au format ${q(p.format)} : choisissez json, html ou pdf.`,
    en: (p: { format: string }) =>
      `the structure sheet is not available as ${dq(p.format)}: use json, html or pdf.`,
  },

  // ----- panorama import: refusals (nothing is stored)
  import_nothing_stored: {
    status: 422,
    fr: (p: { cause: CarriedError }) => `${carried(p.cause, 'fr')}\nRien n'a été enregistré.`,
    en: (p: { cause: CarriedError }) => `${carried(p.cause, 'en')}\nNothing was stored.`,
  },
  import_campaign_exists: {
    status: 409,
    fr: (p: { name: string }) =>
      `une campagne nommée ${q(p.name)} existe déjà : choisissez un autre --name, ou ajoutez --replace pour la remplacer avec ses réponses.`,
    en: (p: { name: string }) =>
      `a campaign named "${p.name}" already exists: choose another --name, or add --replace to replace it and its answers.`,
  },
  import_answered_twice: {
    status: 422,
    fr: (p: { duplicates: { structure: string; first: string; second: string }[] }) =>
      `une campagne garde une seule réponse par structure :\n${[p.duplicates]
        .flat()
        .map(
          (d) =>
            `  - la structure ${q(d.structure)} a répondu deux fois (réponses ${q(d.first)} et ${q(d.second)})`,
        )
        .join('\n')}`,
    en: (p: { duplicates: { structure: string; first: string; second: string }[] }) =>
      `a campaign keeps one answer per structure:\n${[p.duplicates]
        .flat()
        .map(
          (d) => `  - structure "${d.structure}" answered twice (responses "${d.first}" and "${d.second}")`,
        )
        .join('\n')}`,
  },
  import_unknown_structures: {
    status: 422,
    fr: (p: { count: number; folder: string; ids: string[] }) =>
      `${p.count} réponse(s) nomment des structures absentes de la base comme du structures.csv de ${p.folder} : ${list(p.ids)}`,
    en: (p: { count: number; folder: string; ids: string[] }) =>
      `${p.count} answer(s) name structures that are neither in the database nor in a structures.csv of ${p.folder}: ${list(p.ids)}`,
  },
});
