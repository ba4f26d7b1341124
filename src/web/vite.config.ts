import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));
const apiTarget = process.env.PANORAMA_API ?? 'http://localhost:3000';

/**
 * Writes .br and .gz next to each script and stylesheet, so a static server with pre-compressed
 * support (@fastify/static `preCompressed`) sends SurveyJS to a phone in ~300 kB instead of 1.6 MB,
 * without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'panorama-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(fileName)) continue;
        const path = join(dir, fileName);
        const content = readFileSync(path);
        if (content.length < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * SurveyJS's stylesheet loads Open Sans from fonts.gstatic.com: a respondent's address would go to
 * a third party, and the Content-Security-Policy (font-src 'self') refuses it anyway. The faces
 * are dropped; the theme sets the system font (src/web/survey/setup.ts).
 */
function withoutRemoteFonts(): Plugin {
  return {
    name: 'panorama-no-remote-fonts',
    transform(code, id) {
      if (!/survey-core[^?]*\.css/.test(id)) return null;
      return code.replace(/@font-face\s*\{[^}]*https?:\/\/[^}]*\}/g, '');
    },
  };
}

/**
 * The admin app and the respondent form are lazy chunks of one entry (see main.tsx), so a
 * respondent on a phone downloads only the shell, SurveyJS and the form page.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), withoutRemoteFonts(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // SurveyJS (survey-core + survey-react-ui) alone is ~1.6 MB minified (~355 kB gzip); parse5
    // (event handlers removed before DOMPurify) adds ~90 kB.
    chunkSizeWarningLimit: 1800,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
