#!/usr/bin/env node
// npm run serve: the studio's UI and API on 127.0.0.1, for a browser.
import { register } from 'tsx/esm/api';

register();
const { serve } = await import('../main/host/serve.ts');
process.exitCode = await serve(process.argv.slice(2));
