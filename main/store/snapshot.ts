// One consistent read of everything the pipeline needs, in a single read transaction.
import type { DB } from './project.ts';
import type { Block, ExplorationRight, Indicator, Licence, Mine, PlanData, Reserve, Zone } from '../domain/model.ts';
import type { CornerPoint } from '../domain/coordinates.ts';
import { listMarks } from './cell-marks.ts';
import { listLocalMinerals } from './local-minerals.ts';
import { getAppendices, getPlan, getProfile, getScaleRules, listChapters } from './plan-repo.ts';

export function loadPlanData(db: DB): PlanData {
  return db.transaction(() => {
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    const indicators = all<Omit<Indicator, 'targets'>>('SELECT * FROM indicators ORDER BY sort, id');
    const targets = all<{ indicator_id: number; year: number; value_zh: string; value_en: string }>('SELECT * FROM indicator_targets');
    const blocks = all<Omit<Block, 'points'>>('SELECT * FROM blocks ORDER BY sort, id');
    const points = all<CornerPoint & { block_id: number }>('SELECT block_id, label, x, y FROM points ORDER BY block_id, seq');
    const byBlock = new Map<number, CornerPoint[]>();
    for (const p of points) {
      const list = byBlock.get(p.block_id) ?? [];
      list.push({ label: p.label, x: p.x, y: p.y });
      byBlock.set(p.block_id, list);
    }
    return {
      plan: getPlan(db),
      profile: getProfile(db),
      zones: all<Zone>('SELECT * FROM zones ORDER BY sort, id'),
      mines: all<Mine>('SELECT * FROM mines ORDER BY sort, id'),
      licences: all<Licence>('SELECT * FROM licences ORDER BY sort, id'),
      explorationRights: all<ExplorationRight>('SELECT * FROM exploration_rights ORDER BY sort, id'),
      reserves: all<Reserve>('SELECT * FROM reserves ORDER BY sort, id'),
      indicators: indicators.map((i) => ({
        ...i,
        targets: Object.fromEntries(targets.filter((t) => t.indicator_id === i.id).map((t) => [String(t.year), { zh: t.value_zh, en: t.value_en || t.value_zh }])),
      })),
      blocks: blocks.map((b) => ({ ...b, points: byBlock.get(b.id) ?? [] })),
      chapters: listChapters(db),
      appendices: getAppendices(db),
      scaleRules: getScaleRules(db),
      localMinerals: listLocalMinerals(db),
      marks: listMarks(db),
    };
  })();
}
