import {
  closeSync,
  existsSync,
  mkdtempSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, LaunchOptions } from 'playwright-core';
import { missingTool, ROOT } from '../support/shared.js';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_ROOT = join(ROOT, 'dist', 'web');
/**
 * Where browser tests save screenshots: a temp folder, so a test run never modifies tracked files;
 * PANORAMA_SCREENSHOTS=1 refreshes the ones in docs/screenshots.
 */
export const SCREENSHOTS = process.env.PANORAMA_SCREENSHOTS
  ? join(ROOT, 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'panorama-screenshots-'));

/** node:test `skip` option: a loud reason when Debian's chromium is not installed. */
export function skipWithoutChromium(): string | false {
  if (existsSync(CHROMIUM)) return false;
  return missingTool(`browser test needs ${CHROMIUM} (apt-get install chromium)`);
}

export const launchOptions: LaunchOptions = {
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch(launchOptions);
}

/** Newest modification time under a folder. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function webBuildIsFresh(): boolean {
  const index = join(WEB_ROOT, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'src', 'web'));
}

/**
 * Builds the web app with Vite when dist/web is missing (a fresh clone) or older than src/web.
 * Browser test files run in parallel processes: a lock file makes one build while the others wait
 * (a stale lock, left by a killed run, is taken over after two minutes).
 */
export async function ensureWebBuild(): Promise<void> {
  if (webBuildIsFresh()) return;
  const lock = join(ROOT, 'dist', '.web-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  let fd: number | undefined;
  while (fd === undefined) {
    if (webBuildIsFresh()) return;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { force: true });
      else await sleep(250);
    }
  }
  try {
    if (webBuildIsFresh()) return;
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'src', 'web', 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

/** A port nobody listens on right now (the base URL must be known before the server starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function writeFile(dir: string, name: string, content: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A small registry: four structures in two territories of Nord; Beta has an e-mail for reminders. */
export const REGISTRY_CSV = [
  'id;nom;type;commune;territoire;qpv;email',
  'E2E-01;Centre social Alpha;CS;59350;Lille Métropole;oui;alpha@example.org',
  'E2E-02;Centre social Beta;CS;59350;Lille Métropole;non;beta@example.org',
  'E2E-03;Espace de vie sociale Gamma;EVS;59183;Flandre Maritime;non;gamma@example.org',
  'E2E-04;Centre social Delta;CS;59183;Flandre Maritime;oui;',
  '',
].join('\n');

/** The same registry with two mistakes, to check the preview's error list. */
export const BAD_REGISTRY_CSV = [
  'id;nom;type;commune;territoire;qpv;email',
  'E2E-01;Centre social Alpha;CS;59350;Lille Métropole;oui;alpha@example.org',
  'E2E-02;;CS;59350;Lille Métropole;non;beta@example.org',
  'E2E-03;Espace de vie sociale Gamma;EVS;99999;Flandre Maritime;peut-être;gamma@example.org',
  '',
].join('\n');

/** Two pages: the respondent answers page 1, leaves on page 2 and resumes elsewhere. */
export const SURVEY = {
  title: 'Enquête flash e2e',
  locale: 'fr',
  pages: [
    {
      name: 'situation',
      title: 'Situation',
      elements: [
        {
          type: 'radiogroup',
          name: 'ouvert',
          title: 'Votre structure est-elle ouverte au public ?',
          isRequired: true,
          choices: [
            { value: 'oui', text: 'Oui, entièrement' },
            { value: 'partiel', text: 'Partiellement' },
            { value: 'non', text: 'Non, fermée' },
          ],
        },
        {
          type: 'text',
          name: 'salaries',
          title: 'Nombre de salariés',
          inputType: 'number',
          min: 0,
          max: 500,
        },
      ],
    },
    {
      name: 'activites',
      title: 'Activités',
      elements: [
        {
          type: 'checkbox',
          name: 'actions',
          title: 'Quelles actions maintenez-vous ?',
          choices: [
            { value: 'accueil', text: 'Accueil téléphonique' },
            { value: 'aide', text: 'Aide alimentaire' },
            { value: 'enfance', text: 'Accueil enfance' },
          ],
          showOtherItem: true,
          otherText: 'Autre action',
        },
        { type: 'comment', name: 'remarques', title: 'Remarques' },
      ],
    },
  ],
};
