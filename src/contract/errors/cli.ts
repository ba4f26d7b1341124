import { defineErrors } from './define.js';

/**
 * Mistakes on the `panorama` command line: each message names the option, the value or the file,
 * and says what to write instead. Status 400 (exit code 2 for the command line).
 */
const q = (text: string) => `« ${text} »`;
const list = (items: string[] | undefined) => [items ?? []].flat().join(', ');

export const cliErrors = defineErrors({
  cli_unknown_command: {
    status: 400,
    fr: (p: { command: string }) =>
      `commande ${q(p.command)} inconnue. Lancez « panorama --help » pour la liste des commandes.`,
    en: (p: { command: string }) =>
      `unknown command "${p.command}". Run "panorama --help" for the list of commands.`,
  },
  cli_unknown_option: {
    status: 400,
    fr: (p: { option: string; command?: string }) =>
      `option ${q(p.option)} inconnue. Lancez « panorama ${p.command ?? '<commande>'} --help » pour les options.`,
    en: (p: { option: string; command?: string }) =>
      `unknown option "${p.option}". Run "panorama ${p.command ?? '<command>'} --help" for the options.`,
  },
  cli_option_value: {
    status: 400,
    fr: (p: { option: string; command?: string }) =>
      `l'option ${q(p.option)} attend une valeur. Lancez « panorama ${p.command ?? '<commande>'} --help » pour les options.`,
    en: (p: { option: string; command?: string }) =>
      `option "${p.option}" needs a value. Run "panorama ${p.command ?? '<command>'} --help" for the options.`,
  },
  cli_unexpected_argument: {
    status: 400,
    fr: (p: { argument: string; command?: string }) =>
      `argument ${q(p.argument)} inattendu. Lancez « panorama ${p.command ?? '<commande>'} --help » pour l'usage.`,
    en: (p: { argument: string; command?: string }) =>
      `unexpected argument "${p.argument}". Run "panorama ${p.command ?? '<command>'} --help" for the usage.`,
  },
  cli_option_choice: {
    status: 400,
    fr: (p: { option: string; value: string; allowed: string[] }) =>
      `--${p.option} ${q(p.value)} n'est pas pris en charge ; valeurs possibles : ${list(p.allowed)}.`,
    en: (p: { option: string; value: string; allowed: string[] }) =>
      `--${p.option} "${p.value}" is not supported; use one of: ${list(p.allowed)}.`,
  },
  cli_not_a_folder: {
    status: 400,
    fr: (p: { path: string }) => `le dossier ${q(p.path)} n'existe pas ou n'est pas un dossier.`,
    en: (p: { path: string }) => `the folder ${p.path} does not exist or is not a folder.`,
  },
  cli_one_folder: {
    status: 400,
    fr: (p: { count: number; command: string }) =>
      `indiquez exactement un dossier d'entrée (reçu : ${p.count}). Lancez « panorama ${p.command} --help » pour l'usage.`,
    en: (p: { count: number; command: string }) =>
      `give exactly one input folder (got ${p.count}). Run "panorama ${p.command} --help" for the usage.`,
  },
  cli_file_not_found: {
    status: 400,
    fr: (p: { option: string; path: string }) => `--${p.option} ${p.path} : fichier introuvable.`,
    en: (p: { option: string; path: string }) => `--${p.option} ${p.path}: file not found.`,
  },
  cli_cannot_read_config: {
    status: 400,
    fr: (p: { path: string; reason: string }) =>
      `impossible de lire la configuration ${p.path} (${p.reason}).`,
    en: (p: { path: string; reason: string }) => `cannot read the configuration ${p.path} (${p.reason}).`,
  },
  cli_cannot_write: {
    status: 400,
    fr: (p: { path: string; reason: string }) =>
      `impossible d'écrire ${p.path} (${p.reason}) : vérifiez que son dossier existe et est accessible en écriture.`,
    en: (p: { path: string; reason: string }) =>
      `cannot write ${p.path} (${p.reason}): check that its folder exists and is writable.`,
  },
  cli_binary_needs_out: {
    status: 400,
    fr: (p: { format: string }) =>
      `--format ${p.format} est un format binaire : indiquez --out FICHIER (ou redirigez la sortie).`,
    en: (p: { format: string }) =>
      `--format ${p.format} is a binary format: give --out FILE (or redirect the output).`,
  },
});
