// npm run bench (maps part): the three sketch maps of a synthetic plan with 5,000 corner-point
// blocks (5,000 mines, 4 to 8 corners each, spread over the sample banner's extent). Target: the
// three maps drawn in under 2 s together. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { renderMap, MAP_TYPES } from '../../main/maps/index.ts';
import { flaggedBlocks } from '../../main/maps/features.ts';
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
  const cpu0 = process.cpuUsage();
  let t = performance.now();
  const flagged = flaggedBlocks(data);
  const checksMs = performance.now() - t;
  let total = checksMs;
  console.log(`  block checks (once)     ${(checksMs / 1000).toFixed(2)} s`);
  for (const type of MAP_TYPES) {
    t = performance.now();
    const m = renderMap(data, type, 'zh', flagged);
    const ms = performance.now() - t;
    total += ms;
    console.log(`  ${type.padEnd(13)} zh    ${(ms / 1000).toFixed(2)} s   ${m.stats.polygons} polygons, ${m.stats.labels} labels (${m.stats.labelsOmitted} left out), ${(m.svg.length / 1024).toFixed(0)} KB`);
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(`  three maps together     ${(total / 1000).toFixed(2)} s   (target < 2 s; CPU time ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmp-bench-maps-'));
  await benchMaps(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}
