import { LoginLimiter, type AccountDeps } from '../../app/accounts/index.js';
import type { ServerContext } from '../context.js';

const limiters = new WeakMap<ServerContext, LoginLimiter>();

/** The account use cases' dependencies for a server: its store, clock, mailer and one login limiter. */
export function accountDeps(ctx: ServerContext): AccountDeps {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = new LoginLimiter({
      perAddress: ctx.config.loginRateLimit,
      perAccount: ctx.config.loginAccountLimit,
      windowMs: ctx.config.loginWindowMinutes * 60_000,
    });
    limiters.set(ctx, limiter);
  }
  return { store: ctx.store, config: ctx.config, now: ctx.now, mailer: ctx.mailer, limiter };
}
