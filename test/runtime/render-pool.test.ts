import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { PanoramaError } from '../../src/contract/errors/index.js';
import { renderReport } from '../../src/report/render/index.js';
import { RenderPool } from '../../src/runtime/render-pool.js';
import { workerEntry } from '../../src/runtime/worker-entry.js';
import { sampleModel } from '../report/fixtures/sample-model.js';
import { unzip, wordText } from '../report/support/unzip.js';

const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find(existsSync);
const noPdfText = PDFTOTEXT ? false : 'SKIPPED: pdftotext (poppler-utils) not installed';
if (noPdfText) process.stderr.write(`\n*** ${noPdfText}\n`);

const pdfText = (buffer: Buffer) =>
  execFileSync(PDFTOTEXT ?? 'pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: buffer }).toString('utf8');
const docxText = (buffer: Buffer) => wordText(unzip(buffer).get('word/document.xml')!.toString('utf8'));

describe('render pool (worker threads)', () => {
  const pool = new RenderPool({ threads: 1, queue: 1 });
  after(() => pool.close());

  it('picks the TypeScript worker through tsx when no compiled sibling exists', () => {
    const entry = workerEntry(new URL('../../src/runtime/render-worker', import.meta.url));
    assert.match(entry.filename, /render-worker\.ts$/);
    assert.equal(entry.execArgv[0], '--import');
    assert.match(entry.execArgv[1]!, /^file:.*tsx-register\.mjs$/);
    assert.throws(() => workerEntry(new URL('./no-such-worker', import.meta.url)), /not found/);
  });

  it('picks the compiled .js sibling, without tsx, when it exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-worker-'));
    try {
      writeFileSync(join(dir, 'w.ts'), 'export default () => 1;\n');
      writeFileSync(join(dir, 'w.js'), 'export default () => 1;\n');
      const entry = workerEntry(pathToFileURL(join(dir, 'w')));
      assert.equal(entry.filename, join(dir, 'w.js'));
      assert.deepEqual(entry.execArgv, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders the same PDF as the direct renderer', { skip: noPdfText }, async () => {
    const model = sampleModel('fr');
    const [pooled, direct] = [
      await pool.render({ kind: 'report', format: 'pdf', model }),
      await renderReport(model, 'pdf'),
    ];
    assert.equal(pooled.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pooled);
    assert.ok(text.length > 500, 'the PDF has text');
    assert.equal(text, pdfText(direct));
  });

  it('renders the same DOCX as the direct renderer, in English too', async () => {
    const model = sampleModel('en');
    const pooled = await pool.render({ kind: 'report', format: 'docx', model });
    assert.equal(docxText(pooled), docxText(await renderReport(model, 'docx')));
    assert.match(docxText(pooled), new RegExp(model.title));
  });

  it('serves an identical render from the cache and renders another model again', async () => {
    const model = sampleModel('fr');
    const before = pool.stats;
    const first = await pool.render({ kind: 'report', format: 'xlsx', model });
    const again = await pool.render({ kind: 'report', format: 'xlsx', model: sampleModel('fr') });
    assert.equal(again, first);
    assert.equal(pool.stats.cacheHits, before.cacheHits + 1);
    assert.equal(pool.stats.rendered, before.rendered + 1);
    const other = await pool.render({ kind: 'report', format: 'xlsx', model: { ...model, title: 'Autre' } });
    assert.notEqual(other, first);
    assert.equal(pool.stats.rendered, before.rendered + 2);
  });

  it('keeps the event loop turning while a document renders', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    let done = false;
    const rendering = pool
      .render({ kind: 'report', format: 'pdf', model: { ...sampleModel('fr'), title: 'Tic' } })
      .finally(() => (done = true));
    // Timers fire while the render is still in progress: the render is not on this thread.
    while (ticks < 20) await new Promise((resolve) => setTimeout(resolve, 1));
    const ticksBeforeEnd = ticks;
    const wasRendering = !done;
    await rendering;
    clearInterval(timer);
    assert.ok(wasRendering, 'the render finished before 20 timer ticks');
    assert.ok(ticksBeforeEnd >= 20);
  });

  it('refuses at once with render_busy (503) when threads and queue are full', async () => {
    const small = new RenderPool({ threads: 1, queue: 0 });
    try {
      const running = small.render({ kind: 'report', format: 'pdf', model: sampleModel('fr') });
      const err = await small.render({ kind: 'report', format: 'docx', model: sampleModel('fr') }).then(
        () => assert.fail('the second render was accepted'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof PanoramaError);
      assert.equal(err.code, 'render_busy');
      assert.equal(err.status, 503);
      assert.match(err.messageIn('fr'), /réessayez dans 10 secondes/);
      assert.equal(small.stats.refused, 1);
      // The same render as the running one is not refused: it joins it.
      const joined = small.render({ kind: 'report', format: 'pdf', model: sampleModel('fr') });
      assert.equal(await joined, await running);
      // Once the thread is free, the refused render goes through.
      const docx = await small.render({ kind: 'report', format: 'docx', model: sampleModel('fr') });
      assert.equal(docx.subarray(0, 2).toString(), 'PK');
    } finally {
      await small.close();
    }
  });
});
