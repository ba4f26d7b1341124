import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  boundaryMapSvg,
  parseBoundaries,
  schematicMapSvg,
  territoryCounts,
} from '../../src/publish/map/index.js';
import { svgToPng } from '../../src/report/charts/index.js';
import { tinyRegistry, tinyResponses, tinySurvey } from './support/tiny.js';

const square = (name: string, lon: number, lat: number) => ({
  type: 'Feature',
  properties: { nom: name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 1, lat],
        [lon + 1, lat + 1],
        [lon, lat + 1],
        [lon, lat],
      ],
    ],
  },
});

const campaign = {
  survey: tinySurvey,
  responses: tinyResponses().filter((r) => r.structure !== 'C1'),
  registry: tinyRegistry(),
};

describe('territory maps', () => {
  it('counts structures and respondents per territory, largest first', () => {
    const counts = territoryCounts(campaign, 'territoire', undefined, 'B');
    assert.deepEqual(
      counts.map((t) => [t.name, t.structures, t.respondents, t.highlighted]),
      [
        ['A', 12, 12, false],
        ['C', 10, 9, false],
        ['B', 3, 3, true],
      ],
    );
  });

  it('schematic map shows every territory label with its count and the total', () => {
    const svg = schematicMapSvg(territoryCounts(campaign, 'territoire'), {
      title: 'Carte des centres',
      unit: 'centres sociaux',
      totalLabel: 'NOMBRE TOTAL',
    });
    for (const [label, n] of [
      ['A', 12],
      ['B', 3],
      ['C', 10],
    ] as const) {
      assert.match(svg, new RegExp(`>${label}</text>`));
      assert.match(svg, new RegExp(`>${n} centres sociaux</text>`));
    }
    assert.match(svg, /NOMBRE TOTAL<\/tspan> 25 centres sociaux/);
    assert.equal((svg.match(/<circle /g) ?? []).length, 3);
    assert.ok(svgToPng(svg, 320).length > 1000, 'the SVG rasterises');
  });

  it('boundary map draws 3 squares side by side, in proportion, coloured by count', () => {
    const boundaries = parseBoundaries(
      { type: 'FeatureCollection', features: [square('A', 2, 50), square('B', 3, 50), square('C', 4, 50)] },
      'squares.geojson',
    );
    const svg = boundaryMapSvg(boundaries, territoryCounts(campaign, 'territoire'), {
      title: 'Carte',
      unit: 'centres',
      width: 640,
      height: 440,
    });
    const paths = [...svg.matchAll(/<path d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/g)].map(
      (m) => m.slice(1).map(Number),
    );
    assert.equal(paths.length, 3);
    // Equal squares in lon/lat: same projected width, x increasing A → B → C, y equal.
    const widths = paths.map((p) => p[2]! - p[0]!);
    assert.ok(Math.abs(widths[0]! - widths[1]!) < 0.2 && Math.abs(widths[1]! - widths[2]!) < 0.2);
    assert.ok(paths[0]![0]! < paths[1]![0]! && paths[1]![0]! < paths[2]![0]!);
    // At 50.5° N a degree of longitude is cos(50.5°) ≈ 0.636 of a degree of latitude.
    const heightPx = Math.abs(paths[0]![5]! - paths[0]![3]!);
    assert.ok(
      Math.abs(widths[0]! / heightPx - Math.cos((50.5 * Math.PI) / 180)) < 0.01,
      `${widths[0]} / ${heightPx}`,
    );
    for (const [label, n] of [
      ['A', 12],
      ['B', 3],
      ['C', 10],
    ] as const) {
      assert.match(svg, new RegExp(`>${label}</text>`));
      assert.match(svg, new RegExp(`>${n} centres</text>`));
    }
    // The largest territory gets the darkest class, the smallest a light one.
    const fills = [...svg.matchAll(/<path d="[^"]+" fill="(#[0-9a-f]+)"/g)].map((m) => m[1]);
    assert.equal(fills[0], '#1b4a7a');
    assert.notEqual(fills[1], fills[0]);
  });

  it('lists territories without a boundary and rejects a file that is not GeoJSON', () => {
    const boundaries = parseBoundaries(
      { type: 'FeatureCollection', features: [square('A', 2, 50)] },
      'one.geojson',
    );
    const svg = boundaryMapSvg(boundaries, territoryCounts(campaign, 'territoire'), {
      title: 'Carte',
      unit: 'centres',
    });
    assert.match(svg, /Sans contour : C \(10\), B \(3\)/);
    assert.throws(
      () => parseBoundaries({ type: 'Feature' }, 'bad.geojson'),
      /bad\.geojson : ce n'est pas une FeatureCollection GeoJSON/,
    );
  });
});
