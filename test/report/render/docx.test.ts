import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { renderReport } from '../../../src/report/render/index.js';
import { sampleModel } from '../fixtures/sample-model.js';
import { unzip, wordText } from '../support/unzip.js';
import { renderSuite } from './suite.js';

/** Body, headers and footers: everything Word shows. */
function docxText(buffer: Buffer): string {
  const parts = unzip(buffer);
  return [...parts.entries()]
    .filter(([name]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .map(([, xml]) => wordText(xml.toString('utf8')))
    .join('\n');
}

renderSuite({
  format: 'docx',
  formatsNumbers: true,
  presentation: true,
  read: async (buffer) => docxText(buffer),
});

describe('report renderer: docx specifics', () => {
  let parts: Map<string, Buffer>;
  let documentXml: string;
  before(async () => {
    parts = unzip(await renderReport(sampleModel('fr'), 'docx'));
    documentXml = parts.get('word/document.xml')?.toString('utf8') ?? '';
  });

  it('uses Word heading styles so the navigation pane lists sections and questions', () => {
    const model = sampleModel('fr');
    assert.equal(documentXml.match(/<w:pStyle w:val="Title"\/>/g)?.length, 1);
    // One Heading1 per section plus the method notes.
    assert.equal(documentXml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length, model.sections.length + 1);
    assert.equal(documentXml.match(/<w:pStyle w:val="Heading2"\/>/g)?.length, model.questions.length);
    assert.match(parts.get('word/styles.xml')?.toString('utf8') ?? '', /w:styleId="Heading1"/);
  });

  it('has real tables whose header rows repeat across pages', () => {
    const tables = documentXml.match(/<w:tbl>/g)?.length ?? 0;
    assert.ok(tables >= 8, `${tables} tables`);
    assert.ok((documentXml.match(/<w:tblHeader\/>/g)?.length ?? 0) >= tables);
  });

  it('embeds one PNG chart per charted question', () => {
    const media = [...parts.keys()].filter((name) => name.startsWith('word/media/'));
    // Four bar charts (choice, classes, matrix) and the number question's box plot.
    assert.equal(media.length, 5);
    for (const name of media) {
      assert.deepEqual(
        [...(parts.get(name) ?? Buffer.alloc(0)).subarray(0, 4)],
        [0x89, 0x50, 0x4e, 0x47],
        name,
      );
    }
    assert.equal(documentXml.match(/<w:drawing>/g)?.length, 5);
  });

  it('numbers pages in the footer ("Page X sur Y")', () => {
    const footers = [...parts.entries()].filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    assert.ok(footers.length >= 1);
    const xml = footers.map(([, b]) => b.toString('utf8')).join('');
    assert.match(xml, /PAGE/);
    assert.match(xml, /NUMPAGES/);
    assert.match(wordText(xml), /Page\s+sur/);
  });

  it('keeps line breaks of multi-line verbatims', async () => {
    const model = sampleModel('fr');
    const funding = model.questions.find((q) => q.name === 'financement_vieillissement');
    assert.ok(funding?.verbatims);
    funding.verbatims = ['ARS\nAPAS (Département)'];
    const xml =
      unzip(await renderReport(model, 'docx'))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    assert.match(
      xml,
      /ARS<\/w:t><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:br\/><w:t[^>]*>APAS \(Département\)/,
    );
  });

  it('starts with a title page in its own section', () => {
    assert.equal(documentXml.match(/<w:sectPr\b/g)?.length, 2);
    const firstSection = documentXml.slice(0, documentXml.indexOf('<w:sectPr'));
    assert.ok(wordText(firstSection).includes(sampleModel('fr').title));
    assert.ok(wordText(firstSection).includes('Date du rapport\u00a0: 15 mars 2026'));
  });
});
