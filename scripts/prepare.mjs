#!/usr/bin/env node
// `npm install` runs this (the `prepare` script): compiles the server to dist/ and builds the web
// interface, so `npm start` runs JavaScript without a build at start-up.
// PANORAMA_SKIP_BUILD=1 skips it (e.g. an install whose next step is `npm run build` anyway).
import { spawnSync } from 'node:child_process';

if (process.env.PANORAMA_SKIP_BUILD === '1') {
  console.log('panorama: PANORAMA_SKIP_BUILD=1, build skipped (run "npm run build" before "npm start").');
  process.exit(0);
}
const npm = process.env.npm_execpath;
const run = (script) =>
  npm
    ? spawnSync(process.execPath, [npm, 'run', '--silent', script], { stdio: 'inherit' })
    : spawnSync('npm', ['run', '--silent', script], {
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
const result = run('build');
process.exit(result.status ?? 1);
