import { CONSULTATION_MIX, SENACS_MIX, type QuestionMix } from '../synthetic.js';

/** The question mixes every benchmark accepts as `--mix`. */
export const MIXES: Record<string, QuestionMix> = {
  consultation: CONSULTATION_MIX,
  senacs: SENACS_MIX,
  closed: { ...CONSULTATION_MIX, comment: 0 },
};
