import { AsyncLocalStorage } from 'node:async_hooks';
import type { Repositories } from './api.js';
import { StoreError } from './errors.js';

/**
 * Set in the async context of a store.transaction callback. `active` goes false when the
 * transaction ends, so work the callback left running (a timer, an e-mail) may use the store.
 */
export const transactionContext = new AsyncLocalStorage<{ active: boolean }>();

export function insideTransaction(): boolean {
  return transactionContext.getStore()?.active === true;
}

export function misuse(what: string): StoreError {
  return new StoreError(
    `${what} was called inside store.transaction(): use the repositories passed to the callback ` +
      '(on SQLite the transaction holds the only connection, so this call would wait forever; on ' +
      'PostgreSQL it would escape the transaction)',
  );
}

/**
 * Wraps the root repositories so that using them from inside a transaction callback fails at
 * once with a clear message instead of hanging (SQLite) or silently escaping the transaction.
 */
export function guardRepositories(repos: Repositories): Repositories {
  const guarded = {} as Record<string, unknown>;
  for (const [name, repo] of Object.entries(repos) as [string, object][]) {
    guarded[name] = new Proxy(repo, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (insideTransaction()) throw misuse(`store.${name}.${String(property)}()`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
  return guarded as unknown as Repositories;
}
