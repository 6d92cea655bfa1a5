// Adopting the seed banner plan from each of its forms (.txt, .docx, .pdf), timed as the user waits for
// it: from the click (adopt.start through the API's dispatch) to the report (the job done), in a
// studio that is running — the studio bundled with esbuild as the desktop app ships it
// (scripts/build-main.mjs: one bundle, the PDF reader's worker beside it), started in a fresh
// process per form before the clock starts. The first adoption of the session (the PDF reader's
// worker and pdfjs start then) and a second one (the worker kept) are printed apart, with wall and
// CPU time (process-wide, worker included; on a shared machine the wall time grows with the load,
// CPU time does not) and the load average. Target: under 3 s each. Prints; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const ENTRY = `
import fs from 'node:fs';
import path from 'node:path';
import { StudioService } from './main/api/service.ts';
import { dispatch } from './main/api/dispatch.ts';
const [source, workspace] = process.argv.slice(2);
fs.mkdirSync(workspace, { recursive: true });
const service = new StudioService({ workspace, configDir: workspace, remember: false });
const call = async (method, args) => { const r = await dispatch(service, method, args, 'zh'); if (!r.ok) throw new Error(r.error.message); return r.result; };
const out = [];
for (let run = 0; run < 2; run++) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  const { jobId } = await call('adopt.start', { file: source });
  let s;
  for (;;) { s = await call('adopt.status', { jobId }); if (s.done) break; await new Promise((r) => setTimeout(r, 10)); }
  const c = process.cpuUsage(c0);
  if (s.error) throw new Error(s.error.message.en);
  out.push({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 });
  await call('adopt.discard', { jobId });
}
console.log(JSON.stringify(out));
`;

export async function benchAdopt(dir: string): Promise<void> {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const root = path.resolve(here, '../..');
  const fx = path.resolve(here, '../fixtures/adopt');
  // the bundle lives in the repository's dist/ (ignored) so that its packages resolve from node_modules
  const out = path.join(root, 'dist', 'bench-adopt');
  fs.mkdirSync(out, { recursive: true });
  const t = performance.now();
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'adopt-entry.ts' },
    outfile: path.join(out, 'adopt-entry.mjs'), bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', loader: { '.json': 'json' }, logLevel: 'warning',
  });
  await build({ entryPoints: [path.join(root, 'main/adopt/pdf-text-worker.mjs')], outfile: path.join(out, 'pdf-text-worker.mjs'), bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  console.log(`\nadopt (seed banner plan), click to report in a running studio (bundled as shipped; built in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  console.log(`                        first: wall (s)  CPU (s)   second: wall (s)  CPU (s)   target   [load average ${os.loadavg()[0].toFixed(1)}]`);
  for (const form of ['txt', 'docx', 'pdf']) {
    const runs = JSON.parse(execFileSync(process.execPath, [path.join(out, 'adopt-entry.mjs'), path.join(fx, `banner-seed.${form}`), path.join(dir, `adopt-${form}`)], { encoding: 'utf8' }).trim().split('\n').pop()!) as { wall: number; cpu: number }[];
    const s = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
    console.log(`  from .${form.padEnd(16)} ${s(runs[0].wall)}       ${s(runs[0].cpu)}   ${s(runs[1].wall)}          ${s(runs[1].cpu)}     < 3`);
  }
  console.log(`  [load average after: ${os.loadavg()[0].toFixed(1)}]`);
  fs.rmSync(out, { recursive: true, force: true });
}
