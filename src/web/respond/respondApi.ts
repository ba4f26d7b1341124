import { api, ApiError } from '../api.js';
import { getLang } from '../i18n.js';
import type { AnswerProblem, RespondPayload } from '../types.js';

/** Reserved draft key holding the current page index, so another device resumes on that page. */
export const PAGE_KEY = '__page';

const base = (token: string) => `/api/respond/${encodeURIComponent(token)}`;

export function loadInvitation(token: string): Promise<RespondPayload> {
  return api<RespondPayload>('GET', base(token));
}

export async function saveDraft(token: string, data: Record<string, unknown>): Promise<string> {
  const answer = await api<{ savedAt: string }>('PUT', `${base(token)}/draft`, { data });
  return answer.savedAt;
}

/** Last-chance save when the page is being closed: keepalive lets it outlive the page. */
export function saveDraftOnExit(token: string, data: Record<string, unknown>): void {
  void fetch(`${base(token)}/draft`, {
    method: 'PUT',
    keepalive: true,
    headers: { 'content-type': 'application/json', 'accept-language': getLang() },
    body: JSON.stringify({ data }),
  }).catch(() => undefined);
}

export type SubmitOutcome =
  | { kind: 'ok'; submittedAt: string; revision: number }
  | { kind: 'rejected'; message: string; problems: AnswerProblem[] }
  | { kind: 'closed'; message: string }
  | { kind: 'error'; message: string };

export async function submitAnswers(
  token: string,
  data: Record<string, unknown>,
  submissionId: string,
): Promise<SubmitOutcome> {
  try {
    const answer = await api<{ submittedAt: string; revision: number }>('POST', `${base(token)}/submit`, {
      data,
      submissionId,
    });
    return { kind: 'ok', ...answer };
  } catch (caught) {
    if (!(caught instanceof ApiError)) return { kind: 'error', message: String(caught) };
    if (caught.status === 422) {
      const problems = Array.isArray(caught.details) ? (caught.details as AnswerProblem[]) : [];
      return { kind: 'rejected', message: caught.message, problems };
    }
    if (caught.status === 409) return { kind: 'closed', message: caught.message };
    return { kind: 'error', message: caught.message };
  }
}

/** crypto.randomUUID exists only in secure contexts (https, localhost): fall back for a LAN http demo. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Answers without the reserved page key. */
export function answersOnly(data: Record<string, unknown>): Record<string, unknown> {
  const { [PAGE_KEY]: _page, ...answers } = data;
  return answers;
}
