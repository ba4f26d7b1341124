import { PanoramaError } from '../../contract/errors/index.js';
import type { AuditQuery, AuditResponse } from '../../contract/privacy.js';
import { parseCampaignDate } from '../dates.js';
import type { PrivacyDeps } from './retention.js';

/** The page link: the (at, id) of the last entry shown, opaque to the client. */
function encodeCursor(after: { at: string; id: string }): string {
  return Buffer.from(`${after.at}|${after.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || rest.length > 0 || Number.isNaN(Date.parse(at)))
    throw new PanoramaError('privacy_bad_cursor');
  return { at, id };
}

/**
 * The audit log for administrators, newest first: who did what and when, filtered by user,
 * campaign, structure, days (Paris calendar days, both included) and action, one bounded page
 * at a time (keyset paging: a page costs the same at the start and at the end of ten years).
 */
export async function auditLog(deps: PrivacyDeps, query: AuditQuery): Promise<AuditResponse> {
  const from = query.from ? parseCampaignDate(query.from, 'start') : undefined;
  const to = query.to ? parseCampaignDate(query.to, 'end') : undefined;
  if (query.from && !from) throw new PanoramaError('privacy_bad_date', { value: query.from });
  if (query.to && !to) throw new PanoramaError('privacy_bad_date', { value: query.to });
  if (from && to && from.getTime() > to.getTime())
    throw new PanoramaError('privacy_bad_dates', { from: query.from!, to: query.to! });
  const page = await deps.store.privacy.auditPage({
    ...(query.user ? { user: query.user } : {}),
    ...(query.campaign ? { campaignId: query.campaign } : {}),
    ...(query.structure ? { structureId: query.structure } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: new Date(to.getTime() + 1).toISOString() } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
    limit: query.limit,
  });
  return { entries: page.entries, next: page.next ? encodeCursor(page.next) : null };
}
