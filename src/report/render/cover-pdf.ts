import type { Content } from 'pdfmake/interfaces.js';
import { PANORAMA_COVER, logoBox, type DocumentCover } from './cover.js';

/** The federation's logo and name at the top of a PDF title page (see cover.ts). */
export function coverPdf(cover: DocumentCover = PANORAMA_COVER): Content[] {
  const logo = cover.logo;
  const mime = logo?.bitmapType === 'jpg' ? 'image/jpeg' : 'image/png';
  const box = logo ? logoBox(logo) : undefined;
  return [
    ...(logo
      ? [
          {
            image: `data:${mime};base64,${logo.bitmap}`,
            fit: [box!.width, box!.height],
            margin: [0, 0, 0, 8],
          } as Content,
        ]
      : []),
    { text: cover.name, bold: true, fontSize: 13, color: cover.primaryColour, margin: [0, 0, 0, 4] },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: 505, y2: 0, lineWidth: 2.5, lineColor: cover.primaryColour },
      ],
      margin: [0, 0, 0, 0],
    },
  ];
}
