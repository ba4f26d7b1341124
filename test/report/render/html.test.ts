import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReport } from '../../../src/report/render/index.js';
import { emptyModel } from '../fixtures/empty-model.js';
import { sampleModel } from '../fixtures/sample-model.js';
import { renderSuite } from './suite.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a reader sees: styles dropped, tags removed, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? '');
}

renderSuite({
  format: 'html',
  formatsNumbers: true,
  presentation: true,
  read: async (buffer) => htmlText(buffer.toString('utf8')),
});

describe('report renderer: html specifics', () => {
  const render = async (model = sampleModel('fr')) => (await renderReport(model, 'html')).toString('utf8');

  it('is one self-contained file: no script, no external stylesheet, image or font', async () => {
    const html = await render();
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /(?:src|href)="(?:https?:)?\/\//i);
  });

  it('declares the report language and keeps French no-break spaces in figures', async () => {
    const html = await render();
    assert.match(html, /<html lang="fr">/);
    assert.ok(html.includes('45,05\u00a0%'));
    assert.ok(html.includes('65\u00a0951'));
    assert.match(await render(sampleModel('en')), /<html lang="en">/);
  });

  it('draws one inline SVG chart per choice, class, matrix and number question, none for text', async () => {
    const html = await render();
    const charted = sampleModel('fr').questions.filter((q) =>
      ['choice', 'classes', 'matrix', 'numeric'].includes(q.kind),
    );
    // Four bar charts and one box plot (the number question).
    assert.equal(charted.length, 5);
    assert.equal(html.match(/<svg\b/g)?.length, charted.length);
    assert.match(html, /<svg role="img" aria-label="Graphique : Êtes-vous en QPV/);
  });

  it('is semantic: one h1, h2 per section, h3 per question, captions and scoped headers', async () => {
    const html = await render();
    const model = sampleModel('fr');
    assert.equal(html.match(/<h1\b/g)?.length, 1);
    for (const s of model.sections) assert.ok(html.includes(`>${s.title}</h2>`), s.title);
    assert.equal(html.match(/<h3\b/g)?.length, model.questions.length);
    const tables = html.match(/<table>/g)?.length ?? 0;
    assert.equal(html.match(/<caption\b/g)?.length, tables);
    assert.match(html, /<th scope="col"/);
    assert.match(html, /<th scope="row"/);
    assert.match(html, /<th scope="colgroup" colspan="2">Nord \(n\u00a0=\u00a058\)<\/th>/);
  });

  it('has a table of contents whose links all reach an element', async () => {
    const html = await render();
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(targets.length >= sampleModel('fr').questions.length);
    for (const id of targets) assert.ok(html.includes(`id="${id}"`), `missing anchor ${id}`);
  });

  it('has a print stylesheet for A4 that keeps tables whole', async () => {
    const html = await render();
    assert.match(html, /@page \{ size: A4/);
    assert.match(html, /@media print[\s\S]*table, figure, \.notes \{ break-inside: avoid; \}/);
  });

  it('escapes markup coming from survey titles', async () => {
    const html = await render(emptyModel());
    assert.ok(html.includes('Enquête &lt;vide&gt; &amp; &quot;tests&quot;'));
    assert.ok(html.includes('Choix sans réponse &lt;b&gt;'));
    assert.doesNotMatch(html, /<b>/);
  });
});
