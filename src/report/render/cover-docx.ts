import { ImageRun, Paragraph, TextRun } from 'docx';
import { PANORAMA_COVER, logoBox, type DocumentCover } from './cover.js';

/** The federation's logo and name at the top of a Word title page (see cover.ts). */
export function coverDocx(cover: DocumentCover = PANORAMA_COVER): Paragraph[] {
  const colour = cover.primaryColour.slice(1).toUpperCase();
  const logo = cover.logo;
  return [
    ...(logo
      ? [
          new Paragraph({
            spacing: { after: 160 },
            children: [
              new ImageRun({
                type: logo.bitmapType,
                data: Buffer.from(logo.bitmap, 'base64'),
                transformation: logoBox(logo),
                altText: { name: 'logo', title: cover.name, description: `Logo : ${cover.name}` },
              }),
            ],
          }),
        ]
      : []),
    new Paragraph({
      border: { bottom: { style: 'single', size: 18, color: colour, space: 6 } },
      children: [new TextRun({ text: cover.name, bold: true, size: 26, color: colour })],
    }),
  ];
}
