/**
 * Campaign mail: part of the storage API. Settings are kept as given (JSON validated by
 * src/app/mail); the log's (campaign, job, structure) key lets a job claim each structure once.
 */

export type MailKind = 'invitation' | 'reminder';
export type MailStatus = 'pending' | 'sent' | 'failed' | 'bounced';

export interface StoredMailSettings {
  campaignId: string;
  settings: unknown;
  updatedAt: string;
  updatedBy: string | null;
}

export interface MailSchedule {
  id: string;
  campaignId: string;
  daysBefore: number;
  /** UTC ISO instant at which the reminder is due. */
  sendAt: string;
  createdAt: string;
  createdBy: string | null;
  /** When the job ran (null while pending). */
  doneAt: string | null;
  /** What it did, as JSON text (counts), or why it was skipped. */
  outcome: string | null;
}

export interface MailLogEntry {
  id: string;
  campaignId: string;
  structureId: string;
  /** "invitation", "manual:<id>" or "schedule:<id>": one message per structure and job. */
  job: string;
  kind: MailKind;
  recipient: string;
  subject: string;
  status: MailStatus;
  /** Why a message failed ("550", "timeout"…), never shown raw to users. */
  detail: string | null;
  at: string;
}

export type MailClaim = Omit<MailLogEntry, 'id' | 'status' | 'detail'>;

export interface MailRepository {
  getSettings(campaignId: string): Promise<StoredMailSettings | undefined>;
  /** Replaces the campaign's settings (StoreNotFoundError for an unknown campaign). */
  setSettings(campaignId: string, settings: unknown, updatedBy: string | null, now: string): Promise<void>;
  listSchedules(campaignId: string): Promise<MailSchedule[]>;
  /** Replaces the campaign's pending schedules (jobs already run stay). */
  replacePendingSchedules(
    campaignId: string,
    schedules: readonly Pick<MailSchedule, 'daysBefore' | 'sendAt'>[],
    createdBy: string | null,
    now: string,
  ): Promise<MailSchedule[]>;
  /** Pending schedules due at `now`, oldest first. */
  dueSchedules(now: string): Promise<MailSchedule[]>;
  /** Marks a schedule done; false when it already was (another tick or process ran it). */
  finishSchedule(id: string, outcome: string, now: string): Promise<boolean>;
  /**
   * Claims (campaign, job, structure) as "pending" before sending; false when a message of this
   * job already exists for the structure (already sent, or claimed before a restart).
   */
  claim(entry: MailClaim): Promise<string | undefined>;
  /** Records how a claimed message went; a failed one frees the job's slot for a later attempt. */
  settle(id: string, status: Exclude<MailStatus, 'pending'>, detail: string | null): Promise<void>;
  log(campaignId: string): Promise<MailLogEntry[]>;
}

declare module './api.js' {
  interface Repositories {
    mail: MailRepository;
  }
}
