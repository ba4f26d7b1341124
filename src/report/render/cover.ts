import { escapeHtml } from './escape.js';

/**
 * The federation on a document's title page (reports and brochures, HTML, DOCX and PDF): its logo
 * and name in its colour. Plain data, given by the caller with the model (src/app/identity reads
 * it from the store); renderers do no I/O. Without one, documents carry the Panorama identity.
 */
export interface DocumentCover {
  name: string;
  /** `#rrggbb`, checked for contrast against white when it was set. */
  primaryColour: string;
  logo?: {
    /** PNG or JPEG bytes, base64 (Word, PDF): an SVG logo's PNG rendering. */
    bitmap: string;
    bitmapType: 'png' | 'jpg';
    /** data: URL of the file as uploaded (HTML). */
    dataUrl: string;
    width: number;
    height: number;
  };
}

export const PANORAMA_COVER: DocumentCover = {
  name: 'Panorama — observatoire des centres sociaux',
  primaryColour: '#0b2f5e',
};

/** The logo's box on a cover, in points (PDF) or pixels (DOCX, HTML): at most 170 × 70. */
export function logoBox(logo: NonNullable<DocumentCover['logo']>): { width: number; height: number } {
  const scale = Math.min(170 / logo.width, 70 / logo.height, 1);
  return { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
}

export function coverHtml(cover: DocumentCover = PANORAMA_COVER): string {
  const logo = cover.logo;
  const box = logo ? logoBox(logo) : undefined;
  // The logo is decorative: the federation's name is written beside it.
  const img = logo
    ? `<img src="${escapeHtml(logo.dataUrl)}" alt="" width="${box!.width}" height="${box!.height}" style="display:block;margin-bottom:.5rem">`
    : '';
  return `<div class="cover-identity" style="border-bottom:4px solid ${escapeHtml(cover.primaryColour)};padding-bottom:.5rem;margin-bottom:1.5rem">${img}<p style="margin:0;font-weight:700;color:${escapeHtml(cover.primaryColour)}">${escapeHtml(cover.name)}</p></div>`;
}
