import type { Store } from '../../store/index.js';
import { DEFAULT_IDENTITY, identityInput } from '../../contract/identity.js';
import type { DocumentCover } from '../../report/render/cover.js';

export type { DocumentCover };

/** The cover of reports and brochures: the federation's name, colour and logo (renderers do no I/O). */
export async function documentCover(store: Store): Promise<DocumentCover> {
  const [stored, logo] = await Promise.all([store.identity.get(), store.identity.getLogo()]);
  const parsed = stored ? identityInput.safeParse(stored.settings) : undefined;
  const identity = parsed?.success ? parsed.data : DEFAULT_IDENTITY;
  const cover: DocumentCover = { name: identity.name, primaryColour: identity.primaryColour };
  if (logo) {
    const bitmap = logo.png ?? logo.content;
    cover.logo = {
      bitmap,
      bitmapType: logo.png || logo.type === 'image/png' ? 'png' : 'jpg',
      dataUrl: `data:${logo.type};base64,${logo.content}`,
      width: logo.width,
      height: logo.height,
    };
  }
  return cover;
}
