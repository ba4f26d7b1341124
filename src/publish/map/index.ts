import type { Boundaries } from './geojson.js';
import { boundaryMapSvg } from './geojson.js';
import { schematicMapSvg } from './schematic.js';
import type { TerritoryCount } from './territories.js';

export { schematicMapSvg } from './schematic.js';
export { boundaryMapSvg, parseBoundaries, GeoJsonError, type Boundaries } from './geojson.js';
export { territoryCounts, type TerritoryCount } from './territories.js';

/** The brochure's map: a choropleth when boundaries are given, else the schematic bubble map. */
export function territoryMapSvg(
  territories: readonly TerritoryCount[],
  options: {
    title: string;
    unit: string;
    lang?: 'fr' | 'en';
    respondentsLabel?: string;
    boundaries?: Boundaries;
    property?: string;
    totalLabel?: string;
  },
): string {
  const { boundaries, ...rest } = options;
  return boundaries ? boundaryMapSvg(boundaries, territories, rest) : schematicMapSvg(territories, rest);
}
