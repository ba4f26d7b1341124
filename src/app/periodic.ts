/** A job run by a timer inside the server process (mail reminders, retention purges). */
export interface PeriodicJob {
  /** Runs the job now, or joins the run in progress: runs never overlap. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Starts `run` every `intervalMs`. Runs never overlap; a failing run is reported to `onError` and
 * the next tick tries again. The timer does not keep the process alive.
 */
export function startPeriodicJob(
  run: () => Promise<unknown>,
  options: { intervalMs: number; onError?: (err: unknown) => void },
): PeriodicJob {
  let running: Promise<void> | undefined;
  const tick = (): Promise<void> => {
    running ??= run()
      .then(() => undefined)
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
