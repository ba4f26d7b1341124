import { Resvg } from '@resvg/resvg-js';

/** A plain SVG logo, 200 × 80: a coloured badge with a circle. */
export function svgLogo(colour: string, extra = ''): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80">` +
      `<rect width="200" height="80" rx="12" fill="${colour}"/><circle cx="40" cy="40" r="24" fill="#ffffff"/>` +
      `<path d="M80 25h90v10H80zM80 45h70v10H80z" fill="#ffffff"/>${extra}</svg>`,
    'utf8',
  );
}

/** A real PNG (drawn by resvg from the SVG logo). */
export function pngLogo(colour: string, width = 200): Buffer {
  return new Resvg(svgLogo(colour).toString('utf8'), { fitTo: { mode: 'width', value: width } })
    .render()
    .asPng();
}

/** The header of a baseline JPEG (SOI, APP0 JFIF, SOF0 giving 320 × 120): enough to read its size. */
export function jpegHeader(): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00,
  ]);
  const sof0 = Buffer.from([
    0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x01, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03,
    0x11, 0x01,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xd9])]);
}
