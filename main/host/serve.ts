// npm run serve -- [--port N] [--project FILE] [--workspace DIR]: the studio in a browser.
import path from 'node:path';
import fs from 'node:fs';
import { StudioService } from '../api/service.ts';
import { parseArgs } from '../cli/args.ts';
import { describeError } from '../i18n/index.ts';
import { rendererDir, startHost } from './server.ts';

export async function serve(argv: string[], notice?: string): Promise<number> {
  try {
    const a = parseArgs(argv);
    // served to a browser: every path a call names must lie inside the workspace folder
    const service = new StudioService({ workspace: String(a.flags.workspace ?? path.resolve('out')), confined: true });
    if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) {
      console.error('The UI is not built yet: run `npm run build:renderer` (npm install does it).');
      return 1;
    }
    if (a.flags.project) service.openFile(String(a.flags.project));
    else await service.openSample();
    const host = await startHost({ service, port: a.flags.port ? Number(a.flags.port) : undefined });
    if (notice) console.log(notice);
    // the one-time address goes to this terminal only: its code becomes the browser's session cookie
    console.log(host.loginUrl);
    const stop = () => { service.close(); void host.close().then(() => process.exit(0)); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return await new Promise<number>(() => {});
  } catch (e) {
    console.error(describeError(e, 'zh'));
    return 1;
  }
}
