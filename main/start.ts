// npm start: the desktop app on the bundled sample plan. Where the Electron binary is missing
// (it cannot be downloaded on every machine), say so in one line and serve the same UI instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve } from './host/serve.ts';

function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return require('electron') as unknown as string;
  } catch {
    return null;
  }
}

export async function start(argv: string[]): Promise<number> {
  const bin = electronBinary();
  if (bin && !process.env.GMP_NO_ELECTRON) {
    const build = spawn(process.execPath, ['scripts/build-main.mjs'], { stdio: 'inherit' });
    const ok = await new Promise<boolean>((r) => build.on('exit', (c) => r(c === 0)));
    if (!ok) return 1;
    const child = spawn(bin, ['.', ...argv], { stdio: 'inherit' });
    return await new Promise<number>((r) => child.on('exit', (c) => r(c ?? 0)));
  }
  const notice = '未找到 Electron 程序（此机器无法下载），改为在浏览器中提供同一界面 / Electron binary not found: serving the same UI for a browser at:';
  return serve(argv, notice);
}
