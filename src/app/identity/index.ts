import type { Store } from '../../store/index.js';
import { PanoramaError } from '../../contract/errors/index.js';
import {
  DEFAULT_IDENTITY,
  MIN_CONTRAST,
  contrastRatio,
  identityInput,
  type Identity,
  type IdentityInput,
  type LogoType,
} from '../../contract/identity.js';
import { checkLogo } from './logo.js';

export { documentCover, type DocumentCover } from './cover.js';

/**
 * The federation's identity: what the public site and the documents' covers show. Until an
 * administrator sets it, the Panorama identity (DEFAULT_IDENTITY) stands in.
 */
export async function getIdentity(store: Store): Promise<Identity> {
  const [stored, logo] = await Promise.all([store.identity.get(), store.identity.getLogo()]);
  const parsed = stored ? identityInput.safeParse(stored.settings) : undefined;
  return {
    ...(parsed?.success ? parsed.data : withoutMeta(DEFAULT_IDENTITY)),
    logo: logo
      ? {
          type: logo.type as LogoType,
          width: logo.width,
          height: logo.height,
          bytes: Buffer.byteLength(logo.content, 'base64'),
          updatedAt: logo.updatedAt,
        }
      : null,
    custom: Boolean(parsed?.success),
    updatedAt: stored?.updatedAt ?? null,
  };
}

function withoutMeta(identity: Identity): IdentityInput {
  const { name, primaryColour, secondaryColour, contact, accessibility } = identity;
  return { name, primaryColour, secondaryColour, contact, accessibility };
}

/**
 * Both colours meet WCAG AA against white: the primary one is the header's background under white
 * text, the secondary one the colour of links and buttons on white pages.
 */
export function checkContrasts(input: Pick<IdentityInput, 'primaryColour' | 'secondaryColour'>): void {
  for (const which of ['primary', 'secondary'] as const) {
    const colour = which === 'primary' ? input.primaryColour : input.secondaryColour;
    const ratio = contrastRatio(colour, '#ffffff');
    if (ratio < MIN_CONTRAST)
      throw new PanoramaError('identity_low_contrast', { which, colour, ratio, minimum: MIN_CONTRAST });
  }
}

export async function saveIdentity(
  store: Store,
  input: IdentityInput,
  actor: string,
  now: Date = new Date(),
): Promise<Identity> {
  checkContrasts(input);
  const at = now.toISOString();
  await store.identity.set(input, actor, at);
  await store.audit.record(
    { actor, action: 'identity.update', target: 'federation', details: { name: input.name } },
    at,
  );
  return getIdentity(store);
}

export async function saveLogo(
  store: Store,
  upload: { filename: string; content: Buffer },
  actor: string,
  now: Date = new Date(),
): Promise<Identity> {
  const logo = checkLogo(upload.filename, upload.content);
  const at = now.toISOString();
  await store.identity.setLogo({
    type: logo.type,
    width: logo.width,
    height: logo.height,
    content: logo.bytes.toString('base64'),
    png: logo.png ? logo.png.toString('base64') : null,
    updatedAt: at,
    updatedBy: actor,
  });
  await store.audit.record(
    {
      actor,
      action: 'identity.logo',
      target: 'federation',
      details: { file: upload.filename, type: logo.type },
    },
    at,
  );
  return getIdentity(store);
}

export async function removeLogo(store: Store, actor: string, now: Date = new Date()): Promise<Identity> {
  await store.identity.removeLogo();
  await store.audit.record(
    { actor, action: 'identity.logo.remove', target: 'federation' },
    now.toISOString(),
  );
  return getIdentity(store);
}

/** The logo file as served to browsers, or undefined when none was set. */
export async function logoFile(
  store: Store,
): Promise<{ type: string; bytes: Buffer; updatedAt: string } | undefined> {
  const logo = await store.identity.getLogo();
  return logo
    ? { type: logo.type, bytes: Buffer.from(logo.content, 'base64'), updatedAt: logo.updatedAt }
    : undefined;
}
