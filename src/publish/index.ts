/**
 * The front door of the publication engine: what the rest of Panorama (src/app, src/server,
 * src/cli, src/runtime) may use of it. Modules outside src/publish import from here only, never
 * a file inside (ESLint enforces it), so the engine's files can move without touching them.
 *
 * The models, loaders and confidentiality constants are re-exported as they are. The document
 * renderers (HTML with ECharts, pdfmake, docx) take about a second to import: they are wrappers
 * that load their module on first use, so importing this file never pulls them in.
 */
import type { BrochureModel } from './brochure/model.js';
import type { StructureSheet } from './sheet/model.js';
import type { DocumentCover } from '../report/render/cover.js';

export { readCampaignFolder, type Campaign } from './input.js';
export type { IndicatorFile } from './indicators/schema.js';
export {
  checkReferences,
  IndicatorFileError,
  loadIndicatorFile,
  parseIndicatorFile,
  type IndicatorProblem,
} from './indicators/load.js';
export { DEFAULT_K, MIN_K, type Audience } from './suppression.js';
export { buildBrochure, UnknownTerritoryError, type BrochureModel } from './brochure/model.js';
export { brochureJson } from './brochure/json.js';
export { levelLabel, territoryDisplayName } from './brochure/names.js';
export { buildStructureSheet, UnknownStructureError, type StructureSheet } from './sheet/model.js';
export { GeoJsonError, parseBoundaries, type Boundaries } from './map/geojson.js';
export { NETWORK, type CellNode, type SnapshotContent } from './snapshot/model.js';
export { buildSnapshotContent } from './snapshot/build.js';

export async function renderBrochureHtml(model: BrochureModel, cover?: DocumentCover): Promise<string> {
  return (await import('./brochure/html.js')).renderBrochureHtml(model, cover);
}

export async function renderBrochurePdf(model: BrochureModel, cover?: DocumentCover): Promise<Buffer> {
  return (await import('./brochure/pdf.js')).renderBrochurePdf(model, cover);
}

export async function renderBrochureDocx(model: BrochureModel, cover?: DocumentCover): Promise<Buffer> {
  return (await import('./brochure/docx.js')).renderBrochureDocx(model, cover);
}

export async function renderSheetHtml(sheet: StructureSheet): Promise<string> {
  return (await import('./sheet/render.js')).renderSheetHtml(sheet);
}

export async function renderSheetPdf(sheet: StructureSheet): Promise<Buffer> {
  return (await import('./sheet/render.js')).renderSheetPdf(sheet);
}
