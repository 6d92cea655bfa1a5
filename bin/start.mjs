#!/usr/bin/env node
// npm start: opens the studio on the bundled sample plan.
import { register } from 'tsx/esm/api';

register();
const { start } = await import('../main/start.ts');
process.exitCode = await start(process.argv.slice(2));
