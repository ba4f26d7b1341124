import type { ConversionIssue, IssueCode } from './issues.js';

/**
 * The reason of each conversion issue in French and English. Pure (no Node API): the command line
 * and the web interface both word the report with it.
 */
type Lang = 'fr' | 'en';

const REASONS: Record<IssueCode, Record<Lang, string>> = {
  question_type_unsupported: {
    fr: "ce type de question n'a pas d'équivalent dans Panorama : la question n'est pas importée",
    en: 'this question type has no equivalent in Panorama: the question is not imported',
  },
  question_type_approximated: {
    fr: 'converti sous une forme voisine',
    en: 'converted to a close form',
  },
  condition_not_converted: {
    fr: "la condition n'a pas pu être traduite : la question sera toujours affichée",
    en: 'the condition could not be translated: the question will always be shown',
  },
  setting_not_converted: {
    fr: "ce réglage n'est pas repris",
    en: 'this setting is not carried over',
  },
  choice_comments_dropped: {
    fr: 'les commentaires par choix ne sont pas repris (seuls les choix cochés le sont)',
    en: 'the per-choice comments are not carried over (only the ticked choices are)',
  },
  translation_missing: {
    fr: 'texte absent dans cette langue : le texte de la langue principale est utilisé',
    en: 'text missing in this language: the main language text is used',
  },
  response_incomplete_skipped: {
    fr: 'réponses non terminées (sans date de soumission) : non importées',
    en: 'unfinished responses (no submission date): not imported',
  },
  response_value_unknown: {
    fr: "valeur absente des choix de la question : la valeur n'est pas importée",
    en: 'value not among the question choices: the value is not imported',
  },
  response_encrypted: {
    fr: 'réponses chiffrées par LimeSurvey (illisibles sans la clé du serveur) : non importées',
    en: 'answers encrypted by LimeSurvey (unreadable without the server key): not imported',
  },
  tokens_without_structure: {
    fr: "les participants n'indiquent aucune structure (attribut « structure ») : pas de structures.csv, réponses anonymes",
    en: 'the participants name no structure (a "structure" attribute): no structures.csv, responses are anonymous',
  },
  repeat_flattened: {
    fr: 'groupe répété : ses questions sont importées une seule fois (pas de répétition)',
    en: 'repeated group: its questions are imported once (no repetition)',
  },
  calculation_not_converted: {
    fr: "calcul non repris (Panorama n'enregistre pas de valeurs calculées)",
    en: 'calculation not carried over (Panorama stores no calculated values)',
  },
  choice_list_missing: {
    fr: "la liste de choix n'existe pas dans la feuille choices : la question n'est pas importée",
    en: 'the choice list is not in the choices sheet: the question is not imported',
  },
  question_renamed: {
    fr: 'nom de question renommé pour rester unique et valide',
    en: 'question name changed to stay unique and valid',
  },
  validator_not_converted: {
    fr: "la règle de validation n'a pas pu être traduite : elle n'est pas reprise",
    en: 'the validation rule could not be translated: it is not carried over',
  },
};

/**
 * The converters name features and approximations in English (LimeSurvey's type names, the
 * reason an expression was not translated…): the French report words them here, phrase by phrase.
 * Source text (an equation, a value, a column name) is never translated.
 */
const FRENCH: [RegExp, string][] = [
  // LimeSurvey type names, as LimeSurvey's French interface calls them.
  [/\(array dual scale\)/, '(tableau à double échelle)'],
  [/\(5 point choice\)/, '(choix sur 5 points)'],
  [/\(array 5 point\)/, '(tableau à 5 points)'],
  [/\(array 10 point\)/, '(tableau à 10 points)'],
  [/\(array yes\/uncertain\/no\)/, '(tableau oui/incertain/non)'],
  [/\(array increase\/same\/decrease\)/, '(tableau augmenter/identique/diminuer)'],
  [/\(array by column\)/, '(tableau par colonne)'],
  [/\(array \(numbers\)\)/, '(tableau de nombres)'],
  [/\(array \(texts\)\)/, '(tableau de textes)'],
  [/\(array\)/, '(tableau)'],
  [/\(date\)/, '(date)'],
  [/\(gender\)/, '(genre)'],
  [/\(language switch\)/, '(changement de langue)'],
  [/\(multiple numerical input\)/, '(entrées numériques multiples)'],
  [/\(list \(radio\)\)/, '(liste, boutons radio)'],
  [/\(list \(dropdown\)\)/, '(liste déroulante)'],
  [/\(list with comment\)/, '(liste avec commentaire)'],
  [/\(multiple choice with comments\)/, '(choix multiple avec commentaires)'],
  [/\(multiple choice\)/, '(choix multiple)'],
  [/\(numerical input\)/, '(entrée numérique)'],
  [/\(multiple short text\)/, '(textes courts multiples)'],
  [/\(ranking\)/, '(classement)'],
  [/\(short free text\)/, '(texte court)'],
  [/\(long free text\)/, '(texte long)'],
  [/\(huge free text\)/, '(texte très long)'],
  [/\(text display\)/, '(affichage de texte)'],
  [/\(yes\/no\)/, '(oui/non)'],
  [/\(file upload\)/, '(envoi de fichier)'],
  [/\(equation\)/, '(équation)'],
  [/\(unknown\)/, '(inconnu)'],
  [/^LimeSurvey type /, 'type LimeSurvey '],
  // Approximations.
  [/^one question per subquestion, in a panel$/, 'une question par sous-question, dans un panneau'],
  [/^array by column shown as an array by row$/, 'tableau par colonne présenté en tableau par ligne'],
  [/^dual scale split into two arrays$/, 'double échelle séparée en deux tableaux'],
  [/^one question per cell, in a panel$/, 'une question par cellule, dans un panneau'],
  [/^one drop-down list per rank, in a panel$/, 'une liste déroulante par rang, dans un panneau'],
  [/^a yes\/no question$/, 'une question oui/non'],
  [/^row without list_name or name$/, 'ligne sans list_name ni name'],
  // Features.
  [/ \(metadata\)$/, ' (métadonnée)'],
  [/^choices, row (\d+)$/, 'choices, ligne $1'],
  [/^row (.*)$/, 'ligne $1'],
  [/^condition on "(.*)", which is not imported$/, 'condition sur « $1 », qui n’est pas importée'],
  [/^rule on "(.*)", which is not imported$/, 'règle sur « $1 », qui n’est pas importée'],
  // Why an expression was not translated.
  [/: the property \.(\w+) is not translated$/, ' : la propriété .$1 n’est pas traduite'],
  [/: the function (\S+) is not translated$/, ' : la fonction $1 n’est pas traduite'],
  [/: function (\S+) is not translated$/, ' : la fonction $1 n’est pas traduite'],
  [/: the operator (\S+) is not translated$/, ' : l’opérateur $1 n’est pas traduit'],
  [/: (\S+) is not a question of this survey$/, ' : $1 n’est pas une question de ce questionnaire'],
  [/: unexpected text after the end$/, ' : texte inattendu après la fin'],
  [/: unexpected end$/, ' : fin inattendue'],
  [/: unexpected (".*")$/, ' : $1 inattendu'],
  [/: missing "\)"$/, ' : « ) » manquante'],
  [/: (".*") expected$/, ' : $1 attendu'],
  [
    /: embedded \{…\} expressions are not translated$/,
    ' : les expressions {…} imbriquées ne sont pas traduites',
  ],
  [/: a ticked choice must be compared with "Y"$/, ' : un choix coché doit être comparé à « Y »'],
  [
    /: a ticked choice compared with something else than "Y"$/,
    ' : un choix coché comparé à autre chose que « Y »',
  ],
  [/: a ticked choice compared with an order$/, ' : un choix coché comparé par ordre'],
  [/: is_empty\(\) of something else than a question$/, ' : is_empty() d’autre chose qu’une question'],
  [/: selected\(\) needs a literal value$/, ' : selected() demande une valeur littérale'],
  [/: unary minus on something else than a number$/, ' : moins unaire sur autre chose qu’un nombre'],
  [/: "\." outside a constraint$/, ' : « . » hors d’une contrainte'],
  [/: a question reference \$\{…\} expected$/, ' : référence de question ${…} attendue'],
  [/: the expression cannot be parsed$/, ' : l’expression ne peut pas être analysée'],
  [/: (.*) expressions are not translated$/, ' : les expressions $1 ne sont pas traduites'],
  [/: contains on something else than a question$/, ' : contains sur autre chose qu’une question'],
  [
    /: \{(.*)\}: matrix cells have no XLSForm equivalent$/,
    ' : {$1} : les cellules de tableau n’ont pas d’équivalent XLSForm',
  ],
];

/** A feature or approximation named by a converter, in the report's language. */
export function issueWords(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  let out = text;
  for (const [pattern, french] of FRENCH) out = out.replace(pattern, french);
  return out;
}

export function issueReason(code: IssueCode, lang: Lang): string {
  return REASONS[code][lang];
}

/** One line of the report: question, feature, reason, detail and count. */
export function issueText(issue: ConversionIssue, lang: Lang): string {
  const parts: string[] = [];
  if (issue.question)
    parts.push(lang === 'fr' ? `Question « ${issue.question} »` : `Question "${issue.question}"`);
  parts.push(
    lang === 'fr'
      ? `${issueWords(issue.feature, lang)} : ${issueReason(issue.code, lang)}`
      : `${issue.feature}: ${issueReason(issue.code, lang)}`,
  );
  let text = parts.join(' — ');
  if (issue.detail)
    text += ` (${issue.code === 'question_type_approximated' || issue.code === 'setting_not_converted' ? issueWords(issue.detail, lang) : issue.detail})`;
  if (issue.count && issue.count > 1) text += lang === 'fr' ? ` × ${issue.count}` : ` × ${issue.count}`;
  return text;
}
