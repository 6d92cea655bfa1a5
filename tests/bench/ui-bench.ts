// The studio's UI with a 5,000-row plan (issue 11): the time from clicking 数据 until the grid shows
// its rows, and from clicking undo until the edited cell shows its old value. Served UI in Debian's
// Chromium, as the e2e tests run it; the built renderer (dist/renderer) is needed. Prints figures.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../e2e/harness.ts';
import { measureBigPlan } from '../e2e/big-plan.ts';
import { writeSyntheticPlan } from './synthetic.ts';
import { rendererDir } from '../../main/host/server.ts';

export async function benchUi(runs = 3): Promise<void> {
  if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) {
    console.log('\n5,000-row UI: skipped — build the UI first (npm run build:renderer)');
    return;
  }
  const open: number[] = [];
  const undo: number[] = [];
  for (let i = 0; i < runs; i++) {
    const h = await launch();
    try {
      const file = path.join(h.workspace, 'big.gmplan');
      await writeSyntheticPlan(file, 5000);
      // opened by the studio, then shown: the page reads the open plan when it loads
      h.service.openFile(file);
      await h.page.reload();
      await h.page.waitForFunction(() => document.querySelector('[data-testid=fig-mines]')?.textContent === '5000');
      const r = await measureBigPlan(h);
      open.push(r.open);
      undo.push(r.undo);
    } finally {
      await h.close();
      fs.rmSync(h.workspace, { recursive: true, force: true });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\n5,000-row UI (median of ${runs}, load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}):`);
  console.log(`  open the data view  ${median(open).toFixed(0).padStart(6)} ms   (runs: ${open.map((x) => x.toFixed(0)).join(', ')}; target ≤ 300 ms)`);
  console.log(`  undo of a cell edit ${median(undo).toFixed(0).padStart(6)} ms   (runs: ${undo.map((x) => x.toFixed(0)).join(', ')}; target ≤ 200 ms)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await benchUi();
