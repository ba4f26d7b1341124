import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.PANORAMA_API ?? 'http://localhost:3000';

/**
 * The admin app and the respondent form are lazy chunks of one entry (see main.tsx), so a
 * respondent on a phone downloads only the shell, SurveyJS and the form page.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // SurveyJS (survey-core + survey-react-ui) alone is ~1.6 MB minified (~355 kB gzip).
    chunkSizeWarningLimit: 1700,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
