import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api.js';
import { useI18n } from '../i18n.js';
import { navigate } from '../router.js';

const storageKey = (publicToken: string) => `panorama.public.${publicToken}`;

/** Anonymous public link: one invitation per browser, remembered so a reload resumes it. */
export default function PublicStart({ publicToken }: { publicToken: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    let known: string | null = null;
    try {
      known = localStorage.getItem(storageKey(publicToken));
    } catch {
      // No storage: a new anonymous invitation each time.
    }
    if (known) {
      navigate(`/r/${encodeURIComponent(known)}`, { replace: true });
      return;
    }
    api<{ token: string }>('POST', `/api/public/${encodeURIComponent(publicToken)}/start`, {})
      .then(({ token }) => {
        try {
          localStorage.setItem(storageKey(publicToken), token);
        } catch {
          // Resuming then needs the /r/ address, which stays in the history.
        }
        navigate(`/r/${encodeURIComponent(token)}`, { replace: true });
      })
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught.message : String(caught)));
  }, [publicToken]);
  return (
    <main id="main" className="respond-main">
      {error ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : (
        <p role="status">{t('respond.starting')}</p>
      )}
    </main>
  );
}
