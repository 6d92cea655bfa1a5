// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS) with esbuild.
// Packages stay external: they ship in node_modules (better-sqlite3 rebuilt for Electron by electron-builder).
import { build } from 'esbuild';

await build({
  entryPoints: ['main/electron/main.ts'],
  outfile: 'dist/electron/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  loader: { '.json': 'json' },
  logLevel: 'warning',
});
await build({
  entryPoints: ['main/export/export-worker.ts'],
  outfile: 'dist/electron/export-worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  loader: { '.json': 'json' },
  logLevel: 'warning',
});
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
console.log('dist/electron/main.mjs, dist/electron/export-worker.mjs, dist/electron/preload.cjs');
