import { defineErrors } from './define.js';

/**
 * Refusals of the federation's identity (src/app/identity): colours the public site could not show
 * legibly, and logo files that are not a plain image. Each message says what to do instead.
 */
const q = (text: string) => `« ${text} »`;
const frNumber = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
const enNumber = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const colourFr = { primary: 'principale', secondary: 'secondaire' } as const;
const useFr = {
  primary: "le fond de l'en-tête du site public, sous un texte blanc",
  secondary: 'les liens et les boutons, sur fond blanc',
} as const;
const useEn = {
  primary: "the public site's header background, under white text",
  secondary: 'links and buttons, on white',
} as const;

type Contrast = { which: 'primary' | 'secondary'; colour: string; ratio: number; minimum: number };

export const identityErrors = defineErrors({
  identity_low_contrast: {
    status: 400,
    fr: (p: Contrast) =>
      `La couleur ${colourFr[p.which]} ${p.colour} n'est pas assez contrastée avec le blanc : ` +
      `${frNumber(p.ratio)}:1 alors que le niveau AA du RGAA (WCAG) demande au moins ${frNumber(p.minimum)}:1. ` +
      `Elle sert pour ${useFr[p.which]} : choisissez une teinte plus foncée.`,
    en: (p: Contrast) =>
      `The ${p.which} colour ${p.colour} does not contrast enough with white: ` +
      `${enNumber(p.ratio)}:1 where WCAG AA asks at least ${enNumber(p.minimum)}:1. ` +
      `It is used for ${useEn[p.which]}: choose a darker shade.`,
  },
  identity_logo_type: {
    status: 415,
    fr: (p: { file: string }) =>
      `Le fichier ${q(p.file)} n'est pas une image PNG, JPEG ou SVG. Enregistrez le logo dans l'un de ces formats.`,
    en: (p: { file: string }) =>
      `The file "${p.file}" is not a PNG, JPEG or SVG image. Save the logo in one of these formats.`,
  },
  identity_logo_too_large: {
    status: 413,
    fr: (p: { file: string; kilobytes: number; limitKilobytes: number }) =>
      `Le logo ${q(p.file)} pèse ${frNumber(p.kilobytes)} Ko, au-delà de la limite de ${frNumber(p.limitKilobytes)} Ko. ` +
      'Réduisez sa taille (un logo de 600 pixels de large suffit) ou envoyez-le en SVG.',
    en: (p: { file: string; kilobytes: number; limitKilobytes: number }) =>
      `The logo "${p.file}" weighs ${enNumber(p.kilobytes)} KB, beyond the limit of ${enNumber(p.limitKilobytes)} KB. ` +
      'Make it smaller (600 pixels wide is enough) or send it as SVG.',
  },
  identity_logo_dimensions: {
    status: 400,
    fr: (p: { file: string; width: number; height: number; limit: number }) =>
      `Le logo ${q(p.file)} mesure ${p.width} × ${p.height} pixels : chaque côté doit faire entre 16 et ${p.limit} pixels.`,
    en: (p: { file: string; width: number; height: number; limit: number }) =>
      `The logo "${p.file}" is ${p.width} × ${p.height} pixels: each side must be between 16 and ${p.limit} pixels.`,
  },
  identity_logo_unsafe_svg: {
    status: 400,
    fr: (p: { file: string; found: string }) =>
      `Le logo SVG ${q(p.file)} est refusé : il contient ${q(p.found)}, qui pourrait exécuter du code ou charger ` +
      'un contenu extérieur. Exportez-le à nouveau en « SVG simple » depuis votre logiciel de dessin, ou envoyez un PNG.',
    en: (p: { file: string; found: string }) =>
      `The SVG logo "${p.file}" is refused: it contains "${p.found}", which could run code or load outside content. ` +
      'Export it again as "plain SVG" from your drawing software, or send a PNG.',
  },
  identity_logo_unreadable: {
    status: 400,
    fr: (p: { file: string }) =>
      `Le logo ${q(p.file)} ne peut pas être lu comme une image (fichier abîmé ou tronqué). Enregistrez-le à nouveau.`,
    en: (p: { file: string }) =>
      `The logo "${p.file}" cannot be read as an image (damaged or truncated file). Save it again.`,
  },
});
