import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, get } from '../api.js';
import { useI18n } from '../i18n.js';
import type { CampaignState, InvitationStatus } from '../types.js';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (re-fetching when it changes); `undefined` path = wait. */
export function useApi<T>(path: string | undefined): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    let alive = true;
    setLoading(true);
    get<T>(path)
      .then((value) => {
        if (!alive) return;
        setData(value);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (alive) setError(toApiError(caught));
      })
      .finally(() => {
        if (alive) setLoading(false);
      });
    return () => {
      alive = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

export function toApiError(caught: unknown): ApiError {
  if (caught instanceof ApiError) return caught;
  return new ApiError(0, 'client', caught instanceof Error ? caught.message : String(caught));
}

/** Re-runs `callback` every `ms` while the page is visible. */
export function useInterval(callback: () => void, ms: number): void {
  const saved = useRef(callback);
  saved.current = callback;
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') saved.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms]);
}

export function ErrorBox({ error }: { error: ApiError | string | undefined }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div className="notice notice-error" role="alert">
      {message}
    </div>
  );
}

export function Notice({
  children,
  kind = 'info',
}: {
  children: ReactNode;
  kind?: 'info' | 'success' | 'warning';
}) {
  return (
    <div className={`notice notice-${kind}`} role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function StateBadge({ state }: { state: CampaignState }) {
  const { t } = useI18n();
  return <span className={`badge badge-${state}`}>{t(`campaign.state.${state}`)}</span>;
}

export function StatusBadge({ status }: { status: InvitationStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

/** A progress bar with its value also given as text (for screen readers and printing). */
export function RateBar({ rate, label }: { rate: number | null; label: string }) {
  const value = Math.max(0, Math.min(100, rate ?? 0));
  return (
    <div className="rate">
      <div className="rate-track" aria-hidden="true">
        <div className="rate-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="rate-label">{label}</span>
    </div>
  );
}
