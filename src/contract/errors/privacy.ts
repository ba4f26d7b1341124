import { defineErrors } from './define.js';

/** Personal data (src/app/privacy): register, retention, a person's export and erasure, audit log. */
export const privacyErrors = defineErrors({
  privacy_erase_confirm: {
    status: 422,
    fr: (p: { email: string }) =>
      `Confirmation incorrecte : retapez exactement l’adresse ${p.email} pour confirmer l’effacement (il est définitif).`,
    en: (p: { email: string }) =>
      `Wrong confirmation: type the address ${p.email} again exactly to confirm the erasure (it cannot be undone).`,
  },
  privacy_erase_self: {
    status: 409,
    fr: () =>
      'Vous ne pouvez pas effacer votre propre compte pendant que vous l’utilisez : demandez-le à un autre administrateur.',
    en: () => 'You cannot erase your own account while using it: ask another administrator.',
  },
  privacy_erase_last_admin: {
    status: 409,
    fr: (p: { email: string }) =>
      `${p.email} est le dernier administrateur actif : son compte ne peut pas être effacé. Nommez d’abord un autre administrateur.`,
    en: (p: { email: string }) =>
      `${p.email} is the last active administrator: the account cannot be erased. Make someone else an administrator first.`,
  },
  privacy_nothing_held: {
    status: 404,
    fr: (p: { email: string }) => `Panorama ne détient aucune donnée liée à l’adresse ${p.email}.`,
    en: (p: { email: string }) => `Panorama holds no data linked to the address ${p.email}.`,
  },
  privacy_bad_cursor: {
    status: 400,
    fr: () => 'Lien de page du journal invalide : revenez à la première page du journal.',
    en: () => 'Invalid audit log page link: go back to the first page of the log.',
  },
  privacy_bad_dates: {
    status: 422,
    fr: (p: { from: string; to: string }) =>
      `Période du journal : la date de début (${p.from}) est après la date de fin (${p.to}).`,
    en: (p: { from: string; to: string }) =>
      `Audit log period: the start date (${p.from}) is after the end date (${p.to}).`,
  },
  privacy_bad_date: {
    status: 422,
    fr: (p: { value: string }) =>
      `Période du journal : « ${p.value} » n’est pas une date du calendrier (attendu AAAA-MM-JJ, par exemple 2026-03-31).`,
    en: (p: { value: string }) =>
      `Audit log period: "${p.value}" is not a calendar date (expected YYYY-MM-DD, for example 2026-03-31).`,
  },
  privacy_cli_email: {
    status: 400,
    fr: (p: { command: string }) =>
      `panorama privacy ${p.command} : indiquez l’adresse de la personne avec --email ADRESSE.`,
    en: (p: { command: string }) =>
      `panorama privacy ${p.command}: give the person's address with --email ADDRESS.`,
  },
});
