// After npm install: build the UI once, so `npm start` and the tests find it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

if (!fs.existsSync('renderer/vite.config.ts')) process.exit(0);
const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
