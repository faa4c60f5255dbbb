/** Builds the console (web/src) into web/dist: `npm run build:web`. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The office's document types (code and Vietnamese name) from its configuration, for the form's choices. */
const domain = JSON.parse(readFileSync(fileURLToPath(new URL('../config/domain.json', import.meta.url)), 'utf8')) as { documentTypes: { code: string; name: string }[] };
const documentTypes = domain.documentTypes.map(({ code, name }) => ({ code, name }));

export default defineConfig({
  root,
  plugins: [react()],
  define: { __DOCUMENT_TYPES__: JSON.stringify(documentTypes) },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 },
  logLevel: 'warn',
});
