// Adopting the seed banner plan from each of its forms (.txt, .docx, .pdf): the whole adoption (read,
// structure, tables as rows, figures bound, project written), in a fresh process each, so the PDF
// library's first load is counted. Printed apart: loading the studio's modules (through tsx, as the
// CLI runs them; the app has them loaded already), the adoption's wall time and its CPU time (on a
// shared machine the wall time grows with the load; CPU time does not). Target: under 3 s each.
// Prints; asserts nothing.
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export function benchAdopt(dir: string): void {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const fx = path.resolve(here, '../fixtures/adopt');
  const adoptModule = JSON.stringify(path.resolve(here, '../../main/adopt/adopt.ts'));
  console.log(`\nadopt (seed banner plan)   load (s)  adopt wall (s)  adopt CPU (s)  target   [load average ${os.loadavg()[0].toFixed(1)}]`);
  for (const form of ['txt', 'docx', 'pdf']) {
    const out = path.join(dir, `adopted-${form}.gmplan`);
    const script = [
      'const t0 = performance.now();',
      `const { adoptPlan } = await import(${adoptModule});`,
      'const t1 = performance.now(); const c1 = process.cpuUsage();',
      `await adoptPlan(${JSON.stringify(path.join(fx, `banner-seed.${form}`))}, ${JSON.stringify(out)});`,
      'const c = process.cpuUsage(c1);',
      'console.log(JSON.stringify({ load: t1 - t0, wall: performance.now() - t1, cpu: (c.user + c.system) / 1000 }));',
    ].join(' ');
    const r = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim().split('\n').pop()!) as { load: number; wall: number; cpu: number };
    const s = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
    console.log(`  from .${form.padEnd(20)} ${s(r.load)}  ${s(r.wall)}        ${s(r.cpu)}       < 3`);
  }
}
