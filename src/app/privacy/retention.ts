import { startPeriodicJob, type PeriodicJob } from '../periodic.js';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../store/index.js';
import type { PurgeCutoffs } from '../../store/repos/privacy.js';
import {
  RETENTION_CATEGORIES,
  type PurgeResponse,
  type RetentionBody,
  type RetentionCategory,
} from '../../contract/privacy.js';
import { DEFAULT_RETENTION_DAYS } from './categories.js';

/** What the personal-data use cases need: the store, the clock, and the mail outbox folder (if any). */
export interface PrivacyDeps {
  store: Store;
  now(): Date;
  /** `<dataDir>/outbox` when mail is written to files (no SMTP); undefined otherwise. */
  outboxDir?: string;
}

export function outboxDirOf(config: { smtpUrl?: string; dataDir: string }): string | undefined {
  return config.smtpUrl ? undefined : join(config.dataDir, 'outbox');
}

const DAY_MS = 86_400_000;
const LAST_PURGE = 'privacy.lastPurge';

/** The period in force per category: the administrator's choice, else Panorama's default. */
export async function retentionDays(store: Store): Promise<Record<RetentionCategory, number>> {
  const days = { ...DEFAULT_RETENTION_DAYS };
  for (const row of await store.privacy.retention()) {
    if ((RETENTION_CATEGORIES as readonly string[]).includes(row.category))
      days[row.category as RetentionCategory] = row.days;
  }
  return days;
}

export async function saveRetention(
  deps: PrivacyDeps,
  input: { retention: RetentionBody; actor: string },
): Promise<Record<RetentionCategory, number>> {
  const before = await retentionDays(deps.store);
  const rows = Object.entries(input.retention)
    .filter((entry): entry is [RetentionCategory, number] => typeof entry[1] === 'number')
    .map(([category, days]) => ({ category, days }));
  const now = deps.now().toISOString();
  await deps.store.privacy.setRetention(rows, input.actor, now);
  await deps.store.audit.record(
    {
      actor: input.actor,
      action: 'privacy.retention',
      details: Object.fromEntries(
        rows.map((r) => [r.category, { before: before[r.category], after: r.days }]),
      ),
    },
    now,
  );
  return retentionDays(deps.store);
}

/** The outbox's messages (`<ISO stamp with - for : and .>-<to>-<random>.eml`), with their date. */
export function outboxFiles(dir: string | undefined): { name: string; at: number }[] {
  if (!dir) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.eml'))
    .map((name) => {
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-/.exec(name);
      const at = m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : Number.NaN;
      return { name, at };
    });
}

/**
 * Erases (or, with dryRun, counts) every personal data past its retention period, as of the
 * clock's time: each category's cut-off is now minus its period. Household contacts follow their
 * programme's own period (the solidarity repository's purge). A real purge that erased something
 * is audited; its date and counts are kept for the register page.
 */
export async function purgeExpired(
  deps: PrivacyDeps,
  input: { dryRun: boolean; actor: string },
): Promise<PurgeResponse> {
  const now = deps.now();
  const at = now.toISOString();
  const days = await retentionDays(deps.store);
  const cutoff = (category: RetentionCategory) =>
    new Date(now.getTime() - days[category] * DAY_MS).toISOString();
  const cutoffs: PurgeCutoffs = {
    accounts: cutoff('accounts'),
    structureContacts: cutoff('structure_contacts'),
    mail: cutoff('mail'),
    audit: cutoff('audit'),
    sessions: cutoff('sessions'),
  };
  const counts = await deps.store.privacy.purge(cutoffs, { dryRun: input.dryRun, now: at });
  const householdContacts = input.dryRun
    ? await deps.store.privacy.countExpiredHouseholdContacts(at)
    : await deps.store.solidarity.purgeContacts(at);
  const mailLimit = Date.parse(cutoffs.mail!);
  const oldFiles = outboxFiles(deps.outboxDir).filter((f) => f.at < mailLimit);
  if (!input.dryRun) for (const f of oldFiles) rmSync(join(deps.outboxDir!, f.name), { force: true });
  const result = { ...counts, householdContacts, outboxFiles: oldFiles.length };
  if (!input.dryRun) {
    await deps.store.settings.set(LAST_PURGE, { at, counts: result });
    if (Object.values(result).some((n) => n > 0))
      await deps.store.audit.record({ actor: input.actor, action: 'privacy.purge', details: result }, at);
  }
  return { dryRun: input.dryRun, at, counts: result };
}

export async function lastPurge(
  store: Store,
): Promise<{ at: string; counts: Record<string, number> } | null> {
  return (await store.settings.get<{ at: string; counts: Record<string, number> }>(LAST_PURGE)) ?? null;
}

/**
 * The retention job inside the server process, on the same pattern as the mail scheduler (a timer,
 * ticks that never overlap, an error reported and retried at the next tick): a tick purges when
 * the last purge is a day old or more, so a server restarted often still purges daily.
 */
export function startRetentionScheduler(
  deps: PrivacyDeps,
  options: { intervalMs: number; onError?: (err: unknown) => void },
): PeriodicJob {
  return startPeriodicJob(async () => {
    const last = await lastPurge(deps.store);
    if (last && deps.now().getTime() - Date.parse(last.at) < DAY_MS - 60_000) return;
    await purgeExpired(deps, { dryRun: false, actor: 'system' });
  }, options);
}
