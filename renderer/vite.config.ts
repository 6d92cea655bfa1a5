import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The UI is built to files the app ships and loads itself (no dev server, no remote content).
export default defineConfig({
  root: path.resolve(__dirname),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(__dirname, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
