// Adopting the seed banner plan from each of its forms (.txt, .docx, .pdf): wall time of the whole
// adoption (read, structure, tables as rows, figures bound, project written), in a fresh process
// each, so the PDF library's first load is counted. Target: under 3 s each. Prints; asserts nothing.
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export function benchAdopt(dir: string): void {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const fx = path.resolve(here, '../fixtures/adopt');
  console.log('\nadopt (seed banner plan)   wall (s)  target');
  for (const form of ['txt', 'docx', 'pdf']) {
    const out = path.join(dir, `adopted-${form}.gmplan`);
    const script = `const t = performance.now(); const { adoptPlan } = await import(${JSON.stringify(path.resolve(here, '../../main/adopt/adopt.ts'))}); await adoptPlan(${JSON.stringify(path.join(fx, `banner-seed.${form}`))}, ${JSON.stringify(out)}); console.log(performance.now() - t);`;
    const ms = Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim().split('\n').pop());
    console.log(`  from .${form.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(8)}  < 3`);
  }
}
