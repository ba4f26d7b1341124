import { z } from 'zod';

/**
 * The federation's identity (src/app/identity): its name, logo, colours and contact, shown by the
 * public site and on the covers of reports and brochures; and the facts of its accessibility
 * statement (RGAA). Shared with the web admin page, which checks contrasts as the server does.
 */

/** Colour as `#rrggbb`. */
export const hexColour = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'colour as #rrggbb')
  .transform((c) => c.toLowerCase());

/** WCAG AA for normal text: what the public site's header text and links need against white. */
export const MIN_CONTRAST = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21), rounded down to 0.01. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return Math.floor(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

export const CONFORMITY = ['total', 'partial', 'none'] as const;
export type Conformity = (typeof CONFORMITY)[number];

const text = (max: number) => z.string().trim().max(max);
const optionalUrl = z.union([z.literal(''), z.string().trim().url().max(300).startsWith('http')]);
const optionalEmail = z.union([z.literal(''), z.string().trim().email().max(200)]);

/** The facts of the accessibility statement an administrator fills in (RGAA's model). */
export const accessibilityFacts = z.object({
  /** "totalement", "partiellement" or "non" conforme; without an audit RGAA says "non". */
  conformity: z.enum(CONFORMITY),
  /** Share of RGAA criteria met in the last audit (0–100), when one was made. */
  rate: z.number().min(0).max(100).nullable(),
  /** Day of the audit, YYYY-MM-DD, or empty. */
  auditDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  /** Who made the audit (a firm, the federation itself). */
  auditor: text(200),
  /** Non-accessible contents, one per line. */
  nonCompliant: text(4000),
  /** Day the statement was made or updated, YYYY-MM-DD. */
  statementDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
});
export type AccessibilityFacts = z.output<typeof accessibilityFacts>;

/** What an administrator sets (PUT /api/identity): everything but the logo's file. */
export const identityInput = z.object({
  name: text(120).min(2),
  primaryColour: hexColour,
  secondaryColour: hexColour,
  contact: z.object({
    address: text(400),
    email: optionalEmail,
    phone: text(40),
    website: optionalUrl,
  }),
  accessibility: accessibilityFacts,
});
export type IdentityInput = z.output<typeof identityInput>;

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
/** Largest logo accepted: a logo is a few tens of kilobytes; 512 KB leaves room for a photo-like one. */
export const MAX_LOGO_BYTES = 512 * 1024;

export const logoInfo = z.object({
  type: z.enum(LOGO_TYPES),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  updatedAt: z.string(),
});
export type LogoInfo = z.infer<typeof logoInfo>;

/** The identity as everyone may read it (GET /api/public/identity): all of it is public. */
export const identity = identityInput.extend({
  logo: logoInfo.nullable(),
  /** False while the federation has not set its own (the Panorama identity is shown). */
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type Identity = z.infer<typeof identity>;

export const identityResponse = z.object({ identity });

/** PUT /api/identity/logo: the file in a JSON body, base64-encoded (the web app's way). */
export const logoUploadBody = z.object({
  filename: z.string().min(1).max(300),
  /**
   * The file, base64. Bounded here loosely (8 times the logo limit) so that a logo a little too
   * large gets the message naming its size and the limit (src/app/identity), not a schema error.
   */
  content: z
    .string()
    .min(1)
    .max(MAX_LOGO_BYTES * 8),
});

/** The Panorama identity, shown until a federation sets its own (not the State's design system). */
export const DEFAULT_IDENTITY: Identity = {
  name: 'Panorama — observatoire des centres sociaux',
  primaryColour: '#0b2f5e',
  secondaryColour: '#1d4f91',
  contact: { address: '', email: '', phone: '', website: '' },
  accessibility: {
    conformity: 'none',
    rate: null,
    auditDate: '',
    auditor: '',
    nonCompliant: '',
    statementDate: '',
  },
  logo: null,
  custom: false,
  updatedAt: null,
};
