import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { renderReport } from '../../../src/report/render/index.js';
import { sampleModel } from '../fixtures/sample-model.js';
import { renderSuite } from './suite.js';
import { missingTool } from '../../support/shared.js';

const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find(existsSync);
const skip = PDFTOTEXT
  ? false
  : missingTool('pdftotext (poppler-utils) not installed, PDF text cannot be checked');

function pdfText(buffer: Buffer): string {
  return execFileSync(PDFTOTEXT ?? 'pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    input: buffer,
    maxBuffer: 64 << 20,
  }).toString('utf8');
}

renderSuite({
  format: 'pdf',
  skip,
  formatsNumbers: true,
  presentation: true,
  read: async (buffer) => pdfText(buffer),
});

describe('report renderer: pdf specifics', () => {
  let buffer: Buffer;
  before(async () => {
    buffer = await renderReport(sampleModel('fr'), 'pdf');
  });

  it('is an A4 PDF of several pages', () => {
    assert.equal(buffer.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = buffer.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    assert.ok(pages > 1, `${pages} pages`);
    assert.match(buffer.toString('latin1'), /\/MediaBox\s*\[\s*0 0 595\.2\d* 841\.8\d*/);
  });

  it('numbers pages in the footer and has a table of contents', { skip }, () => {
    const text = pdfText(buffer);
    const pages = buffer.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    assert.match(text, new RegExp(`Page 1 sur ${pages}`));
    assert.match(text, new RegExp(`Page ${pages} sur ${pages}`));
    assert.match(text, /Sommaire/);
  });

  it('draws the charts as vector graphics (their labels are real text)', { skip }, () => {
    const text = pdfText(buffer);
    // Axis ticks exist only in charts.
    assert.match(text, /100 %/);
    assert.match(text, /80 %/);
  });
});
