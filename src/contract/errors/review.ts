import { defineErrors } from './define.js';

/**
 * Review of submitted answers by correspondents (src/app/review): decisions on an answer that is
 * not there, that changed meanwhile, or that name questions the survey does not have.
 */

const quoted = (names: string[], open: string, close: string) =>
  (Array.isArray(names) ? names : []).map((n) => `${open}${n}${close}`).join(', ');

export const reviewErrors = defineErrors({
  review_not_submitted: {
    status: 409,
    fr: (p: { structure: string }) =>
      `« ${p.structure} » n'a pas encore envoyé sa réponse à cette campagne : il n'y a rien à vérifier.`,
    en: (p: { structure: string }) =>
      `"${p.structure}" has not submitted its answer to this campaign yet: there is nothing to review.`,
  },
  review_stale: {
    status: 409,
    fr: (p: { structure: string; current: number; seen: number }) =>
      `La réponse de « ${p.structure} » a changé pendant votre vérification (envoi n° ${p.current}, vous regardiez l'envoi n° ${p.seen}) : rouvrez-la avant de décider.`,
    en: (p: { structure: string; current: number; seen: number }) =>
      `The answer of "${p.structure}" changed while you were reviewing it (submission #${p.current}, you were looking at #${p.seen}): open it again before deciding.`,
  },
  review_unknown_questions: {
    status: 422,
    fr: (p: { questions: string[] }) =>
      `La demande de correction nomme des questions absentes du questionnaire : ${quoted(p.questions, '« ', ' »')}.`,
    en: (p: { questions: string[] }) =>
      `The correction request names questions that are not in the survey: ${quoted(p.questions, '"', '"')}.`,
  },
});
