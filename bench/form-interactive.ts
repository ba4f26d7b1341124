/**
 * The respondent form of a 150-question survey (SENACS mix) in Chromium: JavaScript transferred
 * and time from navigation start until a person can type (the first text input is visible,
 * focusable and holds the typed text when read back), median of --runs cold loads, without and
 * with CPU throttling ×4 (CDP Emulation.setCPUThrottlingRate, a phone proxy).
 *
 *   node --import tsx bench/form-interactive.ts [--runs 5] [--throttle 4] [--mix senacs]
 *
 * Needs the built web app (npm run build:web) and /usr/bin/chromium; skips loudly without them.
 * Prints one JSON line per CPU rate.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../src/server/index.js';
import { generateRegistry, generateSurvey } from './synthetic.js';
import { MIXES } from './support/mixes.js';
import { createBenchDatabase, seedCampaign, seedInvitations } from './support/campaign.js';
import { startServerProcess } from './support/server.js';
import { fail, median, round } from './support/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const HELP = `Usage: node --import tsx bench/form-interactive.ts [options]
  --runs N        cold page loads per CPU rate, median kept (default 5)
  --throttle R    CPU slowdown for the phone proxy run; 1 = none (default 4)
  --throttle-runs N   loads with the slowdown (default: --runs)
  --mix NAME      senacs | consultation | closed (default senacs: 150 questions)`;

interface Load {
  interactiveMs: number;
  /** The page's scripts have run (navigation timing), then the first question was on screen. */
  domContentLoadedMs: number;
  firstQuestionMs: number;
  jsFiles: number;
  jsBytes: number;
  jsWireBytes: number;
  jsGzipBytes: number;
  encodings: string[];
}

async function loadOnce(browser: Browser, url: string, cpuRate: number): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const scripts: Promise<{ bytes: number; wire: number; gzip: number; encoding: string }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          const encoding = (await response.headerValue('content-encoding')) ?? 'identity';
          return { bytes: body.length, wire: sizes.responseBodySize, gzip: gzipSync(body).length, encoding };
        })(),
      );
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('.sd-question').first().waitFor({ state: 'visible', timeout: 120_000 });
    const firstQuestionMs = await page.evaluate(() => performance.now());
    const input = page.locator('input[type="number"], input[type="text"], textarea').first();
    await input.waitFor({ state: 'visible', timeout: 120_000 });
    await input.focus();
    await input.pressSequentially('42');
    if ((await input.inputValue()) !== '42')
      throw new Error('the first text input did not accept typed text');
    // performance.now() in the page counts from navigation start.
    const interactiveMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState('load');
    const domContentLoadedMs = await page.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
    );
    const loaded = await Promise.all(scripts);
    return {
      interactiveMs,
      domContentLoadedMs,
      firstQuestionMs,
      jsFiles: loaded.length,
      jsBytes: loaded.reduce((s, x) => s + x.bytes, 0),
      jsWireBytes: loaded.reduce((s, x) => s + x.wire, 0),
      jsGzipBytes: loaded.reduce((s, x) => s + x.gzip, 0),
      encodings: [...new Set(loaded.map((x) => x.encoding))],
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      throttle: { type: 'string', default: '4' },
      'throttle-runs': { type: 'string' },
      mix: { type: 'string', default: 'senacs' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  const runs = Number(values.runs);
  const throttle = Number(values.throttle);
  const throttleRuns = Number(values['throttle-runs'] ?? runs);
  const mix = MIXES[values.mix];
  if (!mix) fail(`unknown --mix ${values.mix}; use ${Object.keys(MIXES).join(', ')}`);
  if (!(runs > 0 && throttleRuns > 0 && throttle >= 1))
    fail('--runs and --throttle-runs must be positive, --throttle at least 1');
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`*** SKIPPED: form benchmark (${CHROMIUM} not found)\n`);
    console.log(JSON.stringify({ bench: 'form', skipped: `${CHROMIUM} not found` }));
    return;
  }
  if (!existsSync(`${DEFAULT_WEB_ROOT}/index.html`)) {
    // A clean clone has no dist/web: build it once (not timed) rather than measure an error page.
    process.stderr.write('the web app is not built: running "npm run build:web" first\n');
    const build = spawnSync('npm', ['run', 'build:web'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) fail('"npm run build:web" failed; fix the build, then run this benchmark again');
  }

  const surveyJson = generateSurvey(mix);
  const registry = generateRegistry(100);
  const database = (await createBenchDatabase('sqlite'))!;
  try {
    const store = await database.open();
    const { campaignId } = await seedCampaign(store, surveyJson, registry);
    const rates = throttle > 1 ? [1, throttle] : [1];
    // A fresh invitation per load: no draft to resume, as a first visit.
    const invitations = await seedInvitations(store, campaignId, registry, runs + throttleRuns + 1);
    await store.close();
    const server = await startServerProcess(database.storeOptions);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      let next = 0;
      const questions = (surveyJson.pages?.[0]?.elements ?? []).length;
      // One untimed load first: it warms the server and the OS caches.
      await loadOnce(browser, `${server.url}/r/${invitations[next++]!.token}`, 1);
      for (const rate of rates) {
        const loads: Load[] = [];
        const failures: string[] = [];
        const count = rate === 1 ? runs : throttleRuns;
        for (let i = 0; i < count; i++) {
          try {
            loads.push(await loadOnce(browser, `${server.url}/r/${invitations[next++]!.token}`, rate));
          } catch (error) {
            failures.push((error as Error).message.split('\n')[0]!);
          }
        }
        if (loads.length === 0) {
          process.exitCode = 1;
          console.log(JSON.stringify({ bench: 'form', questions: 0, cpuThrottling: rate, failed: failures }));
          continue;
        }
        const last = loads[loads.length - 1]!;
        console.log(
          JSON.stringify({
            bench: 'form',
            questions,
            cpuThrottling: rate,
            runs: loads.length,
            interactiveMedianMs: round(median(loads.map((l) => l.interactiveMs))),
            interactiveRunsMs: loads.map((l) => round(l.interactiveMs)),
            domContentLoadedMedianMs: round(median(loads.map((l) => l.domContentLoadedMs))),
            firstQuestionMedianMs: round(median(loads.map((l) => l.firstQuestionMs))),
            jsFiles: last.jsFiles,
            jsKB: round(last.jsBytes / 1024),
            jsWireKB: round(last.jsWireBytes / 1024),
            jsGzipKB: round(last.jsGzipBytes / 1024),
            contentEncoding: last.encodings.join(','),
            failed: failures,
          }),
        );
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
}

await main();
