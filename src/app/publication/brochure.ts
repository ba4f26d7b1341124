import type { Campaign as StoredCampaign, CampaignPublication, Store } from '../../store/index.js';
import type { Audience, BrochureModel, Campaign, IndicatorFile } from '../../publish/index.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { BROCHURE_FORMATS } from '../../contract/publication.js';
import type { Renderer } from '../reports/document.js';
import { downloadName, type Download } from '../download.js';
import { campaignData } from './data.js';
import type { DocumentCover } from '../identity/cover.js';

export { BROCHURE_FORMATS };
export type BrochureFormat = (typeof BROCHURE_FORMATS)[number];

export const BROCHURE_CONTENT_TYPES: Record<BrochureFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface PreparedPublication {
  campaign: Campaign;
  file: IndicatorFile;
  publication: CampaignPublication;
}

/** The campaign's data and its stored indicator file; 409 when no indicator file was uploaded yet. */
export async function preparePublication(store: Store, stored: StoredCampaign): Promise<PreparedPublication> {
  const publication = await store.publications.get(stored.id);
  if (!publication || publication.indicators === null) {
    throw new PanoramaError('publication_no_indicators', { campaign: stored.name });
  }
  const { parseIndicatorFile } = await import('../../publish/index.js');
  const campaign = await campaignData(store, stored);
  return { campaign, file: parseIndicatorFile(publication.indicators), publication };
}

/** Builds the brochure of the whole network (territory undefined) or of one territory. */
export async function brochureModel(
  prepared: PreparedPublication,
  options: {
    territory?: string;
    level?: string;
    audience: Audience;
    lang?: 'fr' | 'en';
    /** The territory's structures, resolved by territory id (names may repeat). */
    structureIds?: ReadonlySet<string>;
  },
): Promise<BrochureModel> {
  const { buildBrochure, UnknownTerritoryError } = await import('../../publish/index.js');
  const level = options.level ?? prepared.file.territoryAttribute;
  try {
    return buildBrochure(prepared.campaign, prepared.file, {
      territory: options.territory ? { level, name: options.territory } : null,
      audience: options.audience,
      lang: options.lang ?? 'fr',
      ...(options.structureIds ? { structureIds: options.structureIds } : {}),
      ...(prepared.publication.k !== null ? { k: prepared.publication.k } : {}),
    });
  } catch (err) {
    if (err instanceof UnknownTerritoryError) {
      throw new PanoramaError('unknown_territory', {
        territory: err.territory,
        level: err.level,
        known: err.known,
      });
    }
    throw err;
  }
}

/**
 * The one format dispatch of brochures (admin API, public site, `panorama brochure`): JSON here,
 * indented, as the report model; HTML (map, charts), PDF and DOCX through `render` (the render
 * pool's worker threads on the server, the calling thread in the CLI).
 */
export async function brochureBytes(
  model: BrochureModel,
  format: BrochureFormat,
  render: Renderer,
  /** The federation on the cover (src/app/identity); the Panorama identity when absent. */
  cover?: DocumentCover,
): Promise<Buffer> {
  if (format === 'json') {
    const { brochureJson } = await import('../../publish/index.js');
    return Buffer.from(`${JSON.stringify(brochureJson(model), null, 2)}\n`, 'utf8');
  }
  return render({ kind: 'brochure', format, model, ...(cover ? { cover } : {}) });
}

/** A brochure's bytes as a download: "observatoire-nord-2021-flandre.pdf". */
export function brochureDownload(
  campaignName: string,
  territory: string | undefined,
  format: BrochureFormat,
  body: Buffer,
): Download {
  return {
    body,
    contentType: BROCHURE_CONTENT_TYPES[format],
    fileName: `${downloadName('brochure', campaignName, territory)}.${format}`,
    inline: format === 'json' || format === 'html',
  };
}
