import { PanoramaError } from '../../contract/errors/index.js';

export interface LoginLimitOptions {
  /** Failures allowed per IP address within the window. */
  perAddress: number;
  /** Failures allowed per account (normalised e-mail, known or not) within the window. */
  perAccount: number;
  windowMs: number;
}

/**
 * Counts FAILED sign-ins per account and per IP address over a sliding window. Successes do not
 * count, and a success clears its account's failures (not its address's: a guesser who also owns
 * an account must not reset their counter by signing in). Kept in memory: one server process.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(readonly options: LoginLimitOptions) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Throws login_rate_limited (429, with the wait) when the address or the account is over its limit. */
  check(ip: string, account: string, now: number): void {
    const checks: [string, number, 'address' | 'account'][] = [
      [`ip:${ip}`, this.options.perAddress, 'address'],
      [`account:${account}`, this.options.perAccount, 'account'],
    ];
    for (const [key, max, per] of checks) {
      const times = this.recent(key, now);
      if (times.length >= max) {
        const until = times[times.length - max]! + this.options.windowMs;
        throw new PanoramaError('login_rate_limited', {
          retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
          per,
        });
      }
    }
  }

  fail(ip: string, account: string, now: number): void {
    for (const key of [`ip:${ip}`, `account:${account}`]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.set(key, times);
    }
    if (this.failures.size > 50_000) this.prune(now);
  }

  succeed(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  /** Clears an account's failures (an administrator re-enabled it or reset its password). */
  clearAccount(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}
