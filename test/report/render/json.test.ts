import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  contentTypeOf,
  fileExtensionOf,
  REPORT_FORMATS,
  renderReport,
} from '../../../src/report/render/index.js';
import { sampleModel } from '../fixtures/sample-model.js';
import { renderSuite } from './suite.js';

/** Every string value of the JSON document, one per line (what a consumer could display). */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

renderSuite({
  format: 'json',
  formatsNumbers: false,
  presentation: false,
  read: async (buffer) => jsonStrings(JSON.parse(buffer.toString('utf8'))).join('\n'),
});

describe('report renderer: json specifics', () => {
  it('is the report model itself, numbers kept as numbers', async () => {
    const model = sampleModel('fr');
    const parsed: unknown = JSON.parse((await renderReport(model, 'json')).toString('utf8'));
    assert.deepEqual(parsed, model);
  });

  it('names a content type and a file extension for every format', () => {
    assert.deepEqual([...REPORT_FORMATS], ['json', 'html', 'docx', 'xlsx', 'pdf']);
    for (const format of REPORT_FORMATS) {
      assert.equal(fileExtensionOf(format), `.${format}`);
      assert.ok(contentTypeOf(format).length > 0);
    }
    assert.equal(contentTypeOf('pdf'), 'application/pdf');
    assert.equal(contentTypeOf('html'), 'text/html; charset=utf-8');
  });

  it('refuses an unknown format and a language the model was not built in', async () => {
    await assert.rejects(
      renderReport(sampleModel('fr'), 'odt' as never),
      /unknown report format "odt".*json, html, docx, xlsx, pdf/,
    );
    await assert.rejects(renderReport(sampleModel('fr'), 'html', { lang: 'en' }), /model is in "fr"/);
    assert.ok((await renderReport(sampleModel('en'), 'json', { lang: 'en' })).length > 0);
  });
});
