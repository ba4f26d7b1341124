import { ApiError, get } from '../../api.js';
import { getLang } from '../../i18n.js';

/** Largest archive the server accepts (src/app/campaign-archive/format.ts, MAX_ARCHIVE_BYTES). */
export const MAX_ARCHIVE_MIB = 64;

/**
 * Sends the archive as multipart (the API client only sends JSON, and base64 would inflate a
 * large archive past the JSON body limit). The CSRF token comes from the session answer.
 */
export async function uploadArchive<T>(url: string, file: File): Promise<T> {
  const { csrfToken } = await get<{ csrfToken: string }>('/api/auth/me');
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': getLang(), 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      getLang() === 'en' ? 'The server cannot be reached.' : 'Le serveur ne répond pas.',
    );
  }
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code?: string; message?: string } } | undefined;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http_${response.status}`,
      body?.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return body as T;
}
