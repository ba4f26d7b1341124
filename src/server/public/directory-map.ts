/**
 * The directory's map, drawn on the server as SVG: no tile server, no script, nothing fetched
 * from the internet. Places with coordinates are projected (equirectangular, longitudes scaled by
 * the cosine of the mean latitude, as src/publish/map does for boundaries) inside a frame with a
 * light graticule, in the palette of the publications' maps; each marker carries the number of its entry in the list, which stays the
 * accessible way through the results (the map says so in its description).
 */
import { escapeHtml as escapeXml } from './layout.js';

// The palette of the publications' maps (src/publish/map), for a directory that looks like them.
const MAP_FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';
const MAP_COLORS = { ink: '#1f2d3d', bubble: '#2f6fb0', land: '#eef2f6' };

export interface MapPoint {
  /** The number shown on the marker and in the list. */
  index: number;
  name: string;
  latitude: number;
  longitude: number;
  open: boolean;
}

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = 36;
const OPEN_COLOR = '#1a7f37';

function projection(points: MapPoint[]) {
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  // A lone place or places in one street still get a readable frame (about 2 km around).
  const pad = 0.02;
  const minLat = Math.min(...lats) - pad;
  const maxLat = Math.max(...lats) + pad;
  const minLon = Math.min(...lons) - pad;
  const maxLon = Math.max(...lons) + pad;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * k;
  const spanY = maxLat - minLat;
  const scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (HEIGHT - 2 * MARGIN) / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  return (lon: number, lat: number): [number, number] => [
    offsetX + (lon - minLon) * k * scale,
    offsetY + (maxLat - lat) * scale,
  ];
}

/** The SVG map, or undefined when no place has coordinates. `id` keeps title ids unique on a page. */
export function directoryMapSvg(
  points: MapPoint[],
  options: { id: string; title: string },
): string | undefined {
  if (points.length === 0) return undefined;
  const project = projection(points);
  const grid: string[] = [];
  for (let x = 80; x < WIDTH; x += 80) grid.push(`<line x1="${x}" y1="0" x2="${x}" y2="${HEIGHT}"/>`);
  for (let y = 80; y < HEIGHT; y += 80) grid.push(`<line x1="0" y1="${y}" x2="${WIDTH}" y2="${y}"/>`);
  const markers = points.map((p) => {
    const [x, y] = project(p.longitude, p.latitude);
    const fill = p.open ? OPEN_COLOR : MAP_COLORS.bubble;
    const label = `${p.index}. ${p.name}${p.open ? ' — ouvert maintenant' : ''}`;
    return (
      `<g><title>${escapeXml(label)}</title>` +
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="17" fill="${fill}" stroke="#fff" stroke-width="2"/>` +
      `<text x="${x.toFixed(1)}" y="${(y + 6).toFixed(1)}" text-anchor="middle" font-size="17" font-weight="700" fill="#fff">${p.index}</text></g>`
    );
  });
  // A lone place: its name under the marker, the frame alone says little.
  if (points.length === 1) {
    const [x, y] = project(points[0]!.longitude, points[0]!.latitude);
    markers.push(
      `<text x="${x.toFixed(1)}" y="${(y + 40).toFixed(1)}" text-anchor="middle" font-size="17" fill="${MAP_COLORS.ink}">${escapeXml(points[0]!.name)}</text>`,
    );
  }
  const open = points.filter((p) => p.open).length;
  const desc =
    `${points.length} lieu${points.length > 1 ? 'x' : ''} sur la carte` +
    (open ? `, dont ${open} ouvert${open > 1 ? 's' : ''} maintenant (en vert)` : '') +
    '. Les numéros renvoient à la liste.';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" ` +
    `aria-labelledby="${options.id}-t ${options.id}-d" font-family="${MAP_FONT}" class="dir-map">` +
    `<title id="${options.id}-t">${escapeXml(options.title)}</title><desc id="${options.id}-d">${escapeXml(desc)}</desc>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" rx="8" fill="${MAP_COLORS.land}"/>` +
    `<g stroke="#dde3ea" stroke-width="1">${grid.join('')}</g>` +
    `<text x="${WIDTH - 10}" y="${HEIGHT - 10}" text-anchor="end" font-size="14" fill="${MAP_COLORS.ink}">N ↑</text>` +
    markers.join('') +
    `</svg>`
  );
}
