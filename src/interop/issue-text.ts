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
      ? `${issue.feature} : ${issueReason(issue.code, lang)}`
      : `${issue.feature}: ${issueReason(issue.code, lang)}`,
  );
  let text = parts.join(' — ');
  if (issue.detail) text += lang === 'fr' ? ` (${issue.detail})` : ` (${issue.detail})`;
  if (issue.count && issue.count > 1) text += lang === 'fr' ? ` × ${issue.count}` : ` × ${issue.count}`;
  return text;
}
