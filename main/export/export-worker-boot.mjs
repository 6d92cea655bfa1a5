// Worker entry when the app runs from its TypeScript sources: load tsx's loader in this thread,
// then the worker itself. (The bundled app starts dist/electron/export-worker.mjs directly.)
import { register } from 'tsx/esm/api';

register();
await import('./export-worker.ts');
