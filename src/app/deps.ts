import type { Store } from '../store/index.js';
import type { ServerConfig } from './config.js';
import type { Mailer } from './mail.js';

/**
 * What a use case needs from the outside world, handed in by its adapter (HTTP route, CLI
 * command, scheduled job). Use cases are functions `(deps, input) → output`; tests build deps
 * with a real store and a fixed clock.
 */
export interface AppDeps {
  store: Store;
  config: ServerConfig;
  mailer: Mailer;
  /** The current time; tests replace it to move around campaign dates. */
  now(): Date;
}
