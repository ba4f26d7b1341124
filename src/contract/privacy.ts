import { z } from 'zod';

/**
 * HTTP contract of personal data (src/server/routes/privacy.ts, administrators only): the register
 * of processing, retention periods, the purge, one person's export and erasure, the audit log.
 */

export const privacyCategoryId = z.enum([
  'accounts',
  'structure_contacts',
  'mail',
  'households',
  'audit',
  'sessions',
]);
export type PrivacyCategoryId = z.infer<typeof privacyCategoryId>;

/** The categories whose period the administrator sets here (households: per programme). */
export const RETENTION_CATEGORIES = ['accounts', 'structure_contacts', 'mail', 'audit', 'sessions'] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

export const privacyCategory = z.object({
  id: privacyCategoryId,
  name: z.string(),
  /** The personal data held, field by field. */
  data: z.array(z.string()),
  purpose: z.string(),
  legalBasis: z.string(),
  /** Who can see it in Panorama. */
  recipients: z.string(),
  /** The retention rule in words, with the period in force. */
  retention: z.string(),
  /** The period in days (null: set elsewhere, per programme). */
  days: z.number().nullable(),
  defaultDays: z.number().nullable(),
  /** Rows holding such data now. */
  held: z.number(),
});
export type PrivacyCategory = z.infer<typeof privacyCategory>;

export const purgeCounts = z.object({
  accounts: z.number(),
  structureContacts: z.number(),
  invitationAddresses: z.number(),
  mailLog: z.number(),
  householdContacts: z.number(),
  auditTraces: z.number(),
  sessions: z.number(),
  passwordResets: z.number(),
  outboxFiles: z.number(),
});
export type PurgeCountsBody = z.infer<typeof purgeCounts>;

export const privacyRegisterResponse = z.object({
  generatedAt: z.string(),
  categories: z.array(privacyCategory),
  lastPurge: z.object({ at: z.string(), counts: z.record(z.string(), z.number()) }).nullable(),
});
export type PrivacyRegister = z.infer<typeof privacyRegisterResponse>;

export const registerDownloadQuery = z.object({
  format: z.enum(['csv', 'json']).default('csv'),
  /** A download link cannot set Accept-Language: the interface's language, when given. */
  lang: z.enum(['fr', 'en']).optional(),
});

const days = z.number().int().min(0).max(3650);
export const retentionBody = z
  .object({
    accounts: days.min(30),
    structure_contacts: days.min(30),
    mail: days.min(30),
    audit: days.min(30),
    sessions: days,
  })
  .partial()
  .strict();
export type RetentionBody = z.infer<typeof retentionBody>;

export const purgeBody = z.object({ dryRun: z.boolean().default(false) });
export const purgeResponse = z.object({ dryRun: z.boolean(), at: z.string(), counts: purgeCounts });
export type PurgeResponse = z.infer<typeof purgeResponse>;

export const personBody = z.object({ email: z.email().max(320) });

const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.unknown(),
});

/** Everything Panorama holds about one e-mail address (the person's copy). */
export const personExport = z.object({
  email: z.string(),
  exportedAt: z.string(),
  account: z
    .object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.string(),
      disabled: z.boolean(),
      createdAt: z.string(),
      territories: z.array(z.object({ id: z.string(), name: z.string() })),
      sessions: z.array(z.object({ createdAt: z.string(), expiresAt: z.string(), lastSeenAt: z.string() })),
      passwordResets: z.array(
        z.object({ createdAt: z.string(), expiresAt: z.string(), usedAt: z.string().nullable() }),
      ),
    })
    .nullable(),
  structureContacts: z.array(
    z.object({
      structureId: z.string(),
      structure: z.string(),
      attributes: z.record(z.string(), z.string()),
    }),
  ),
  directoryContacts: z.array(z.object({ structureId: z.string(), email: z.string().nullable() })),
  invitations: z.array(
    z.object({ campaignId: z.string(), structureId: z.string().nullable(), email: z.string() }),
  ),
  mailLog: z.array(
    z.object({
      campaignId: z.string(),
      structureId: z.string(),
      kind: z.string(),
      subject: z.string(),
      status: z.string(),
      at: z.string(),
    }),
  ),
  householdContacts: z.array(
    z.object({ programmeId: z.string(), structureId: z.string(), code: z.string(), contact: z.string() }),
  ),
  outboxFiles: z.array(z.string()),
  audit: z.array(auditEntry),
  /** True when the person has more audit entries than the export holds. */
  auditTruncated: z.boolean(),
});
export type PersonExport = z.infer<typeof personExport>;

export const eraseBody = z.object({
  email: z.email().max(320),
  /** The same address typed again: the erasure cannot be undone. */
  confirm: z.string().max(320),
});
export const eraseResponse = z.object({
  pseudonym: z.string(),
  counts: z.object({
    account: z.number(),
    sessions: z.number(),
    passwordResets: z.number(),
    structures: z.number(),
    places: z.number(),
    invitations: z.number(),
    mailLog: z.number(),
    households: z.number(),
    auditEntries: z.number(),
    outboxFiles: z.number(),
  }),
});
export type EraseResponse = z.infer<typeof eraseResponse>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const auditQuery = z.object({
  user: z.string().min(1).max(200).optional(),
  campaign: z.string().min(1).max(200).optional(),
  structure: z.string().min(1).max(200).optional(),
  /** First day included (Paris time). */
  from: day.optional(),
  /** Last day included (Paris time). */
  to: day.optional(),
  action: z.string().min(1).max(100).optional(),
  /** The `next` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditViewEntry = auditEntry.extend({
  actorName: z.string().nullable(),
  targetKind: z.enum(['user', 'campaign', 'structure', 'response', 'territory', 'survey']).nullable(),
  targetName: z.string().nullable(),
  campaignId: z.string().nullable(),
  structureId: z.string().nullable(),
});
export type AuditViewEntry = z.infer<typeof auditViewEntry>;
export const auditResponse = z.object({ entries: z.array(auditViewEntry), next: z.string().nullable() });
export type AuditResponse = z.infer<typeof auditResponse>;
