#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (built by `npm install` through `prepare`, or `npm run build`):
// no TypeScript compiler or loader at run time.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main/panorama.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'panorama: Panorama is not built (dist/main/panorama.js is missing). Run "npm run build" first.\n' +
      'panorama : Panorama n’est pas construit (dist/main/panorama.js manque). Lancez d’abord « npm run build ».\n',
  );
  process.exit(70);
}
await import(entry.href);
