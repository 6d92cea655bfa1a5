// Bundles the Electron main process and the export worker (ESM) and the sandboxed preload (CommonJS)
// with esbuild. Packages stay external: they ship in node_modules (better-sqlite3 rebuilt for
// Electron by electron-builder).
import { build } from 'esbuild';

const esm = (entry, outfile) => build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  loader: { '.json': 'json' },
  logLevel: 'warning',
});

await esm('main/electron/main.ts', 'dist/electron/main.mjs');
await esm('main/export/export-worker.ts', 'dist/electron/export-worker.mjs');
// the PDF reader's worker, found beside the bundle as beside read-pdf.ts
await esm('main/adopt/pdf-text-worker.mjs', 'dist/electron/pdf-text-worker.mjs');
await build({
  entryPoints: ['main/electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  logLevel: 'warning',
});
console.log('dist/electron/main.mjs, dist/electron/export-worker.mjs, dist/electron/pdf-text-worker.mjs, dist/electron/preload.cjs');
