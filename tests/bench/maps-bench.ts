// npm run bench (maps part): the three sketch maps of a synthetic plan with 5,000 corner-point
// blocks (5,000 mines, 4 to 8 corners each, spread over the sample banner's extent). Target: the
// three maps drawn in under 2 s together. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { renderMap, renderMaps, MAP_TYPES } from '../../main/maps/index.ts';
import { flaggedBlocks } from '../../main/maps/features.ts';
import { textWidth } from '../../main/maps/measure.ts';
import { tFor } from '../../main/i18n/index.ts';
import { writeSyntheticPlan } from './synthetic.ts';

export async function benchMaps(dir: string, blocks = 5000): Promise<void> {
  const file = path.join(dir, `maps-${blocks}.gmplan`);
  await writeSyntheticPlan(file, blocks);
  const p = Project.open(file);
  const mines = (p.db.prepare('SELECT id FROM mines ORDER BY id').all() as { id: number }[]).slice(0, blocks);
  const insB = p.db.prepare("INSERT INTO blocks (sort, mine_id, name_zh, crs) VALUES (?, ?, '', 'xian80')");
  const insP = p.db.prepare('INSERT INTO points (block_id, seq, label, x, y) VALUES (?, ?, ?, ?, ?)');
  p.tx(() => {
    mines.forEach((m, i) => {
      // a jittered 100 × 50 grid over ~100 km × 90 km; an irregular polygon of 4-8 corners, ~0.5 km across
      const cx = 4_320_000 + Math.floor(i / 100) * 1_800 + ((i * 7919) % 900);
      const cy = 37_380_000 + (i % 100) * 1_000 + ((i * 104729) % 500);
      const n = 4 + (i % 5);
      const b = Number(insB.run(i, m.id).lastInsertRowid);
      for (let k = 0; k < n; k++) {
        const a = (2 * Math.PI * k) / n;
        const r = 250 + ((i + k * 31) % 7) * 20;
        insP.run(b, k + 1, String(k + 1), cx + r * Math.sin(a), cy + r * Math.cos(a));
      }
    });
  });
  const data = loadPlanData(p.db);
  p.close();
  console.log(`\nmaps: ${data.blocks.length} blocks, ${data.mines.length} mines`);
  // wall time and this process's CPU time (the machine is shared: CPU time is the steadier figure)
  const cpuS = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
  const step = <T>(label: string, fn: () => T, info: (r: T) => string = () => '') => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = fn();
    const s = (performance.now() - t0) / 1000;
    console.log(`  ${label.padEnd(24)} ${s.toFixed(2)} s wall, ${cpuS(process.cpuUsage(c0)).toFixed(2)} s CPU   ${info(r)}`);
    return r;
  };
  const stats = (m: ReturnType<typeof renderMap>) => `${m.stats.polygons} polygons, ${m.stats.labels} labels (${m.stats.labelsOmitted} left out), ${(m.svg.length / 1024).toFixed(0)} KB`;
  // once per process, as any export pays it: the bundled font opened for the label widths, the
  // messages of both languages read (printed apart, not in the target)
  step('font and messages (once)', () => { textWidth('矿', 7); tFor('zh')('maps:north'); tFor('en')('maps:north'); });
  // first maps in this process
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const flagged = step('block checks (once)', () => flaggedBlocks(data), (f) => `${f.size} flagged`);
  for (const type of MAP_TYPES) step(`${type} zh`, () => renderMap(data, type, 'zh', flagged), stats);
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuS(process.cpuUsage(cpu0));
  console.log(`  three maps together      ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU   (target < 2 s; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  // again, as the map panel redraws them after an edit (a new snapshot of the plan each time, the
  // font open); on a shared machine the best of three is the steadier figure
  let bestWall = Infinity, bestCpu = Infinity;
  for (let i = 0; i < 3; i++) {
    const again = loadPlanDataOf(file);
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    const f2 = flaggedBlocks(again);
    for (const type of MAP_TYPES) renderMap(again, type, i % 2 ? 'zh' : 'en', f2);
    bestWall = Math.min(bestWall, (performance.now() - t1) / 1000);
    bestCpu = Math.min(bestCpu, cpuS(process.cpuUsage(c1)));
  }
  console.log(`  redrawn, best of 3       ${bestWall.toFixed(2)} s wall, ${bestCpu.toFixed(2)} s CPU   (checks + three maps, after an edit)`);
  // as a document export takes them (renderMaps): drawn and kept on disk (maps/map-cache.ts), then
  // read back by the next export of the unchanged plan (a new snapshot, as a fresh worker has)
  const prevCache = process.env.GMP_CACHE_DIR;
  process.env.GMP_CACHE_DIR = path.join(dir, 'map-cache');
  try {
    const first = loadPlanDataOf(file);
    step('export, drawn and kept', () => renderMaps(first, 'zh', MAP_TYPES, { showTitle: false }));
    const next = loadPlanDataOf(file);
    step('next export, read back', () => renderMaps(next, 'zh', MAP_TYPES, { showTitle: false }));
  } finally {
    if (prevCache === undefined) delete process.env.GMP_CACHE_DIR;
    else process.env.GMP_CACHE_DIR = prevCache;
  }
}

function loadPlanDataOf(file: string) {
  const p = Project.open(file);
  try {
    return loadPlanData(p.db);
  } finally {
    p.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmp-bench-maps-'));
  await benchMaps(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}
