// Preloaded (--import) in worker threads that run TypeScript sources: on Node 20, tsx's own
// `--import tsx` does not take effect in a worker, registering through its API does.
import { register } from 'tsx/esm/api';

register();
