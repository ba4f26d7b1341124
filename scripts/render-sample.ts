/**
 * Writes the hand-built sample report in every format, French and English, so anyone can open the
 * files and look: `npx tsx scripts/render-sample.ts [outDir]` (default: out/sample-report).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPORT_FORMATS, fileExtensionOf, renderReport } from '../src/report/render/index.js';
import { sampleModel } from '../test/report/fixtures/sample-model.js';

const outDir = resolve(process.argv[2] ?? 'out/sample-report');
mkdirSync(outDir, { recursive: true });
for (const lang of ['fr', 'en'] as const) {
  const model = sampleModel(lang);
  for (const format of REPORT_FORMATS) {
    const file = join(outDir, `sample-${lang}${fileExtensionOf(format)}`);
    writeFileSync(file, await renderReport(model, format));
    console.log(file);
  }
}
