import { defineErrors } from './define.js';

/** Accounts of a structure's staff (role "structure"). */
export const solidarityStaffErrors = defineErrors({
  account_structure_required: {
    status: 400,
    fr: () => 'Un compte de structure doit être rattaché à une structure du référentiel.',
    en: () => 'A structure account must be attached to a structure of the registry.',
  },
  account_structure_unknown: {
    status: 404,
    fr: (p: { structure: string }) => `La structure « ${p.structure} » n'existe pas dans le référentiel.`,
    en: (p: { structure: string }) => `The structure "${p.structure}" is not in the registry.`,
  },
});
