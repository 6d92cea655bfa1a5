// A synthetic province-scale plan: N mines with licences, for benchmarks.
import type { Project } from '../../main/store/project.ts';
import { createPlanFile } from '../../main/compose/new-plan.ts';
import { BANNER_PLAN } from '../../main/sample/banner-data.ts';
import { fillBannerSample } from '../../main/sample/build-sample.ts';

export async function writeSyntheticPlan(file: string, mines: number): Promise<void> {
  await createPlanFile(file, { ...BANNER_PLAN, title_zh: `合成测试规划（${mines} 座矿山）` }, (p: Project) => {
    fillBannerSample(p);
    const minerals = ['煤', '建筑用石料', '石灰岩', '天然石英砂', '高岭土'];
    const classes = ['large', 'medium', 'small'];
    const statuses = ['producing', 'producing', 'producing', 'suspended', 'construction'];
    const insMine = p.db.prepare(`INSERT INTO mines (sort, name_zh, name_en, holder, mineral, method, scale_value, scale_unit, scale_class, status, target_year, is_sample)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
    const insLic = p.db.prepare('INSERT INTO licences (sort, number, mine_id, holder, area_km2, valid_from, valid_to, is_sample) VALUES (?, ?, ?, ?, ?, ?, ?, 1)');
    p.tx(() => {
      const existing = (p.db.prepare('SELECT COUNT(*) AS n FROM mines').get() as { n: number }).n;
      for (let i = existing; i < mines; i++) {
        const mineral = minerals[i % minerals.length];
        const info = insMine.run(1000 + i, `合成矿山 ${String(i).padStart(5, '0')}`, `Synthetic mine ${i}`, `合成矿业公司 ${i}`, mineral,
          i % 3 === 0 ? 'underground' : 'open_pit', 5 + (i % 300), mineral === '建筑用石料' ? '10km3_a' : '10kt_a',
          classes[i % 3], statuses[i % 5], i % 7 === 0 ? 2024 + (i % 4) : null);
        insLic.run(1000 + i, `C15${String(i).padStart(20, '0')}`, Number(info.lastInsertRowid), `合成矿业公司 ${i}`, 0.5 + (i % 40), '2015-01-14', '2035-01-14');
      }
    });
  });
}
