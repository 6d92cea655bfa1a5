// The national mineral catalogue and the scale classification table as data; minerals stored as
// typed; an older project (mineral codes, status required) migrated without losing a row or a link.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import minerals from '../../main/domain/catalogue/minerals.json' with { type: 'json' };
import scaleTable from '../../main/domain/catalogue/scale-classes.json' with { type: 'json' };
import { catalogueEntry, defaultScaleRules, expectedClass, groupOf, mineralLabel, readMineral } from '../../main/domain/minerals.ts';
import { MIGRATIONS } from '../../main/store/migrations.ts';
import { Project } from '../../main/store/project.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { insertRow, listRows, updateRow } from '../../main/store/row-repo.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { listLocalMinerals } from '../../main/store/local-minerals.ts';
import { computeFacts } from '../../main/facts/plan-facts.ts';
import { runChecks } from '../../main/checks/run-checks.ts';
import { tmpDir } from './helpers.ts';

describe('national catalogues as data', () => {
  it('holds the minerals of 《矿产资源分类细目》 in four groups, each with an English name, and names its source', () => {
    expect(minerals.source.zh).toContain('矿产资源分类细目');
    const counts = Object.fromEntries(minerals.groups.map((g) => [g.code, g.minerals.length]));
    expect(counts).toEqual({ energy: 13, metallic: 59, nonmetallic: 94, water_gas: 6 });
    const all = minerals.groups.flatMap((g) => [...g.minerals, ...g.varieties]);
    expect(all.every((m) => m.zh && m.en)).toBe(true);
    expect(new Set(all.map((m) => m.zh)).size).toBe(all.length); // no name twice
    // every variety names a mineral the catalogue holds (or none)
    for (const v of minerals.groups.flatMap((g) => g.varieties as { zh: string; of: string | null }[])) if (v.of) expect(catalogueEntry(v.of)?.variety, v.zh).toBe(false);
  });

  it('reads the use-varieties offices write as catalogue names, kept exactly as typed', () => {
    for (const [name, group] of [['建筑用花岗岩', 'nonmetallic'], ['建筑用凝灰岩', 'nonmetallic'], ['建筑用安山岩', 'nonmetallic'], ['水泥用灰岩', 'nonmetallic'],
      ['饰面用大理岩', 'nonmetallic'], ['砖瓦用黏土', 'nonmetallic'], ['建筑用砂', 'nonmetallic'], ['煤', 'energy'], ['金', 'metallic'], ['矿泉水', 'water_gas']] as const) {
      expect(readMineral(name), name).toMatchObject({ name, how: 'catalogue' });
      expect(groupOf(name)).toBe(group);
    }
    // either spelling of 粘/黏 is the catalogue name, and it is kept as typed
    expect(readMineral('砖瓦用粘土')).toMatchObject({ name: '砖瓦用粘土', how: 'catalogue' });
    expect(mineralLabel('建筑用花岗岩', 'en')).toBe('granite for construction');
    expect(mineralLabel('砖瓦用粘土', 'en')).toBe('clay for bricks and tiles');
  });

  it('normalises true synonyms only, and keeps an unknown name exactly as typed', () => {
    expect(readMineral('煤炭')).toMatchObject({ name: '煤', how: 'synonym' });
    expect(readMineral('铁矿')).toMatchObject({ name: '铁', how: 'synonym' });
    expect(readMineral('石灰石')).toMatchObject({ name: '石灰岩', how: 'synonym' });
    expect(readMineral('coal')).toMatchObject({ name: '煤', how: 'synonym' });
    // never mapped to another species
    expect(readMineral('建筑用花岗岩').name).not.toBe('建筑用石料');
    expect(readMineral('某地特有岩')).toMatchObject({ name: '某地特有岩', how: 'local', entry: null });
    expect(groupOf('某地特有岩')).toBe('unknown');
    expect(groupOf('某地特有岩', [{ name: '某地特有岩', group: 'nonmetallic', name_en: '' }])).toBe('nonmetallic');
  });

  it('holds the 208号 classification table with units, as the plan\'s default rules', () => {
    expect(scaleTable.source.zh).toContain('国土资发〔2004〕208号');
    expect(scaleTable.rows.length).toBeGreaterThan(60);
    const rules = defaultScaleRules();
    const cls = (mineral: string, method: 'open_pit' | 'underground' | null, value: number, unit: '10kt_a' | '10km3_a' = '10kt_a') =>
      expectedClass({ mineral, method, scale_value: value, scale_unit: unit }, rules);
    expect(cls('煤', 'underground', 120)).toBe('large');
    expect(cls('煤', 'underground', 119)).toBe('medium');
    expect(cls('煤', 'open_pit', 399)).toBe('medium');
    expect(cls('煤', 'open_pit', 99)).toBe('small');
    expect(cls('建筑用花岗岩', 'open_pit', 10, '10km3_a')).toBe('large');
    expect(cls('建筑用凝灰岩', 'open_pit', 4.9, '10km3_a')).toBe('small');
    expect(cls('水泥用灰岩', 'open_pit', 50)).toBe('medium');
    expect(cls('铁', 'open_pit', 200)).toBe('large');
    expect(cls('铁', 'underground', 100)).toBe('large');
    expect(cls('耐火粘土', null, 20)).toBe('large'); // 粘 reads as 黏
    expect(cls('某地特有岩', null, 20)).toBeNull(); // no rule: nothing inferred
  });
});

describe('minerals and status in the project', () => {
  it('stores a mine\'s mineral as typed, records a plan-local mineral, and leaves an ungiven status unknown', async () => {
    const f = path.join(tmpDir(), 'm.gmplan');
    await createPlanFile(f, defaultPlan('district', '某某区'));
    const p = Project.open(f);
    p.tx(() => {
      insertRow(p.db, 'mines', { name_zh: '甲', mineral: '建筑用花岗岩', status: 'producing', scale_class: 'small' });
      insertRow(p.db, 'mines', { name_zh: '乙', mineral: '建筑用凝灰岩', status: 'suspended', scale_class: 'small' });
      insertRow(p.db, 'mines', { name_zh: '丙', mineral: '煤炭', scale_class: 'large' });
      insertRow(p.db, 'mines', { name_zh: '丁', mineral: '某地特有岩', status: 'producing' });
    });
    expect(listRows(p.db, 'mines').map((m) => [m.mineral, m.status])).toEqual([
      ['建筑用花岗岩', 'producing'], ['建筑用凝灰岩', 'suspended'], ['煤', null], ['某地特有岩', 'producing'],
    ]);
    expect(listLocalMinerals(p.db)).toEqual([{ name: '某地特有岩', group: 'unknown', name_en: '' }]);
    const data = loadPlanData(p.db);
    const facts = computeFacts(data);
    expect(facts.mines.byGroup.coal.count).toBe(1);
    expect(facts.mines.byGroup.nonmetal.count).toBe(2);
    expect(facts.mines.byGroup.unknown.count).toBe(1);
    expect(facts.mines.byStatus.producing.count).toBe(2);
    expect(facts.mines.statusUnknown).toBe(1);
    expect(facts.mines.notProducing.count).toBe(1); // the unknown one is not counted as "not producing"
    const found = runChecks(data);
    const msg = (rule: string) => found.filter((x) => x.rule === rule).map((x) => x.message.zh);
    expect(msg('mine.status_unknown')).toEqual(['1 个矿山（共 4 个）未给出生产状态（丙）：按生产状态统计的数字不含这些矿山，请补填。']);
    expect(msg('mine.scale_unknown')[0]).toContain('1 个矿山（共 4 个）未给出规模类型（丁）');
    expect(msg('mine.local_mineral')[0]).toContain('“某地特有岩”不在《矿产资源分类细目》中，已按原样保留（矿产类别：未定）');
    // messages name columns by their labels, never by code
    expect(msg('row.missing_fields').join()).toContain('缺少：开采方式、规模类型');
    expect(found.map((x) => x.message.zh).join()).not.toMatch(/scale_class|status\b/);
    // a licence left without its mine after the mine was deleted
    p.tx(() => {
      const mineId = Number(listRows(p.db, 'mines')[0].id);
      insertRow(p.db, 'licences', { number: 'C1301002010087120071234', mine_id: mineId, holder: '甲公司' });
      p.db.prepare('DELETE FROM mines WHERE id = ?').run(mineId);
    });
    const after = runChecks(loadPlanData(p.db)).filter((x) => x.rule === 'licence.no_mine');
    expect(after.map((x) => x.message.zh)).toEqual(['采矿许可证“C1301002010087120071234”（甲公司）没有对应的矿山（矿山已删除或未指明）。']);
    // typing a value clears nothing but its own cell's mark; a status can be set and unset
    p.tx(() => updateRow(p.db, 'mines', Number(listRows(p.db, 'mines')[1].id), { status: null }));
    expect(listRows(p.db, 'mines')[1].status).toBeNull();
    p.close();
  });

  it('migrates a schema-2 project: mineral codes become the names they showed, every mine, link and block kept', () => {
    const f = path.join(tmpDir(), 'old.gmplan');
    const db = new Database(f);
    db.exec(MIGRATIONS[0]);
    db.exec(MIGRATIONS[1]);
    db.pragma('user_version = 2');
    db.prepare("INSERT INTO meta(key, value) VALUES ('app', 'gmplan')").run();
    db.prepare(`INSERT INTO plan (id, title_zh, jurisdiction_zh, kind, base_year, period_start, period_end, near_year, far_year, template_id)
      VALUES (1, '某某区规划', '某某区', 'district', 2024, 2025, 2030, 2028, 2030, 'district')`).run();
    db.prepare("INSERT INTO mines (id, name_zh, mineral, status) VALUES (7, '甲矿', 'building_stone', 'suspended'), (8, '乙矿', 'coal', 'producing'), (9, '丙矿', '建筑用凝灰岩', 'producing')").run();
    db.prepare("INSERT INTO licences (id, number, mine_id) VALUES (1, 'C1301002010087120071234', 7)").run();
    db.prepare("INSERT INTO blocks (id, mine_id, name_zh) VALUES (1, 8, '乙矿')").run();
    db.prepare("INSERT INTO points (block_id, seq, x, y) VALUES (1, 1, 1, 1)").run();
    db.prepare("INSERT INTO reserves (mineral) VALUES ('brick_clay')").run();
    db.prepare("INSERT INTO scale_rules (mineral, method, unit, large_min, medium_min) VALUES ('coal', 'underground', '10kt_a', 120, 45)").run();
    db.close();
    const p = Project.open(f);
    const d = loadPlanData(p.db);
    expect(d.mines.map((m) => [m.id, m.mineral, m.status])).toEqual([[7, '建筑用石料', 'suspended'], [8, '煤', 'producing'], [9, '建筑用凝灰岩', 'producing']]);
    expect(d.licences[0].mine_id).toBe(7);
    expect(d.blocks).toHaveLength(1);
    expect(d.blocks[0].points).toHaveLength(1);
    expect(d.reserves[0].mineral).toBe('砖瓦用粘土');
    expect(d.scaleRules[0].mineral).toBe('煤');
    // the status may now be unknown
    p.tx(() => insertRow(p.db, 'mines', { name_zh: '丁矿', mineral: '煤' }));
    expect(listRows(p.db, 'mines').at(-1)!.status).toBeNull();
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
    p.close();
  });
});
