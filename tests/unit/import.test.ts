// Importing tables typed as offices type them, in both encodings and as .xlsx; malformed files.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Project } from '../../main/store/project.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { importFile } from '../../main/import/import-plan.ts';
import { describeImportIssue } from '../../main/import/describe.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { computeFacts } from '../../main/facts/plan-facts.ts';
import { runChecks } from '../../main/checks/run-checks.ts';
import { exportTableXlsx } from '../../main/export/table-xlsx.ts';
import { readSheets } from '../../main/import/read-sheets.ts';
import { parseProduction, parseValidity, vocabCode } from '../../main/import/parse-values.ts';
import { readMineral } from '../../main/domain/minerals.ts';
import { GmpError } from '../../main/domain/errors.ts';
import { tmpDir } from './helpers.ts';

const FX = path.resolve(__dirname, '../fixtures');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function newPlan(template: 'district' | 'banner' = 'district') {
  const f = path.join(tmpDir(), 'p.gmplan');
  await createPlanFile(f, defaultPlan(template, '某某区'));
  return f;
}

describe('value parsers', () => {
  it('reads production scales in their usual spellings', () => {
    expect(parseProduction('390 万吨/年')).toEqual({ value: 390, unit: '10kt_a' });
    expect(parseProduction('5 万 m³/年')).toEqual({ value: 5, unit: '10km3_a' });
    expect(parseProduction('18万m3/年')).toEqual({ value: 18, unit: '10km3_a' });
    expect(parseProduction('5万立方米/年')).toEqual({ value: 5, unit: '10km3_a' });
    expect(parseProduction('１２０万吨/年')).toEqual({ value: 120, unit: '10kt_a' });
    expect(parseProduction('很大')).toBeNull();
    expect(parseProduction('5 万桶/年')).toBeNull();
  });
  it('reads validity periods', () => {
    expect(parseValidity('2024.04.20-2025.12.20')).toEqual({ from: '2024-04-20', to: '2025-12-20' });
    expect(parseValidity('2024年4月20日至2025年12月20日')).toEqual({ from: '2024-04-20', to: '2025-12-20' });
    expect(parseValidity('2025.12.20-2024.04.20')).toBeNull();
    expect(parseValidity('2024.02.30-2025.01.01')).toBeNull();
  });
  it('maps terms in Chinese and English to codes', () => {
    expect(vocabCode('method', '井下开采')).toBe('underground');
    expect(vocabCode('method', 'open-pit')).toBe('open_pit');
    expect(readMineral('水泥用石灰岩')).toMatchObject({ name: '水泥用灰岩', how: 'synonym' });
    expect(vocabCode('greenLevel', '自治区级')).toBe('regional');
    expect(vocabCode('status', '停采')).toBe('suspended');
    expect(readMineral('金子')).toMatchObject({ name: '金子', how: 'local' });
  });
});

describe('reading spreadsheets', () => {
  it('reads the same table from GBK CSV, UTF-8 CSV with BOM and .xlsx with a merged title row', async () => {
    const [gbk] = await readSheets(path.join(FX, 'district-licences-gbk.csv'));
    const [bom] = await readSheets(path.join(FX, 'district-licences-utf8bom.csv'));
    const [xl] = await readSheets(path.join(FX, 'district-licences.xlsx'));
    expect(gbk.rows[1][2]).toBe('矿权人');
    expect(bom.rows[1][2]).toBe('矿权人');
    expect(xl.rows[1][2]).toBe('矿权人');
    expect(gbk.rows[2][2]).toBe('甲建材有限公司');
    expect(xl.rows[2].slice(0, 3)).toEqual(bom.rows[2].slice(0, 3));
  });
});

describe('district plan import and checks (the issue\'s acceptance case)', () => {
  it('imports the plan table and the licence table with no manual fixing; the checks flag exactly the real inconsistencies', async () => {
    const f = await newPlan();
    const p = Project.open(f);
    const plan = await importFile(p, path.join(FX, 'district-plan.xlsx'));
    expect(plan).toMatchObject({ kind: 'mines', written: true, errors: [] });
    expect(plan.counts).toEqual({ mines: { add: 4, update: 0 }, blocks: { add: 4, update: 0 } });
    const lic = await importFile(p, path.join(FX, 'district-licences-gbk.csv'));
    expect(lic).toMatchObject({ kind: 'licences', written: true, errors: [] });
    // re-importing matches by licence number: updates, no duplicates
    const again = await importFile(p, path.join(FX, 'district-licences.xlsx'));
    expect(again.changes.filter((c) => c.table === 'licences').every((c) => c.action === 'update')).toBe(true);
    const data = loadPlanData(p.db);
    p.close();
    expect(data.mines).toHaveLength(4);
    expect(data.licences).toHaveLength(4);
    const stone = data.mines.find((m) => m.name_zh === '甲建材有限公司甲石料厂')!;
    expect(stone).toMatchObject({ mineral: '建筑用石料', method: 'open_pit', scale_value: 18, scale_unit: '10km3_a', scale_class: 'large', target_year: 2028, division: '东山镇' });
    expect(data.licences.find((l) => l.mine_id === stone.id)).toMatchObject({ number: 'C1301002010087120071234', area_km2: 0.235, valid_from: '2016-01-14', valid_to: '2046-01-14', first_issued: '2010-08-07' });
    expect(computeFacts(data).mines.byScale.large.count).toBe(2);
    const all = runChecks(data);
    // the new plan's settings are not filled in: its chapters show placeholders, listed apart
    expect(all.filter((x) => x.rule === 'template.placeholder').length).toBeGreaterThan(0);
    const found = all.filter((x) => x.rule !== 'template.placeholder').map((x) => `${x.rule} ${x.label}`).sort();
    expect(found).toEqual([
      'block.area_mismatch 丙矿业有限公司丙石料厂',
      'block.area_mismatch 乙建材有限公司乙石料厂',
      'block.self_intersection 丙矿业有限公司丙石料厂',
      'licence.ends_before_target 乙建材有限公司乙石料厂',
      'licence.expired 乙建材有限公司乙石料厂',
      'mine.scale_class_mismatch 丙矿业有限公司丙石料厂',
    ]);
  });

  it('imports the seed banner green-mine list in GBK, UTF-8 and .xlsx alike, and the zone corner points', async () => {
    for (const fx of ['banner-green-mines-gbk.csv', 'banner-green-mines-utf8.csv', 'banner-green-mines.xlsx']) {
      const f = await newPlan('banner');
      const p = Project.open(f);
      const r = await importFile(p, path.join(FX, fx));
      expect(r.errors).toEqual([]);
      const facts = computeFacts(loadPlanData(p.db));
      p.close();
      expect([facts.green.built, facts.green.national, facts.green.regional]).toEqual([48, 6, 42]);
      expect(facts.mines.byMethod.open_pit.count).toBe(8);
    }
    const f = await newPlan('banner');
    const p = Project.open(f);
    p.tx(() => p.db.prepare("INSERT INTO zones (sort, name_zh, declared_area_km2) VALUES (1, '示范区', 1202.62)").run());
    const r = await importFile(p, path.join(FX, 'banner-zone-points.xlsx'));
    expect(r).toMatchObject({ kind: 'points', errors: [], written: true });
    const facts = computeFacts(loadPlanData(p.db));
    p.close();
    expect(facts.zone?.pointCount).toBe(23);
    expect(facts.zone?.computedAreaKm2).toBe(1202.625);
  });
});

describe('malformed spreadsheets leave the plan unchanged, with a located message', () => {
  const cases: [string, string, RegExp][] = [
    ['bad-wrong-column.csv', '采矿许可证号', /许可证号“甲建材有限公司”格式不对/],
    ['bad-text-in-number.csv', '面积（km²）', /“约零点二”不是数字/],
    ['bad-missing-comma.csv', '拐点坐标', /少了分隔的逗号/],
  ];
  for (const [fx, column, msg] of cases) {
    it(fx, async () => {
      const f = await newPlan();
      const before = sha(f);
      const p = Project.open(f);
      const r = await importFile(p, path.join(FX, fx));
      p.close();
      expect(r.written).toBe(false);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ row: 2, column });
      expect(describeImportIssue(r.errors[0], 'zh')).toMatch(msg);
      expect(describeImportIssue(r.errors[0], 'en')).toMatch(/row 2/);
      expect(sha(f)).toBe(before);
    });
  }
  for (const [fx, code] of [['bad-empty.csv', 'import.empty'], ['bad-not-a-spreadsheet.xlsx', 'import.not_spreadsheet']]) {
    it(fx, async () => {
      const f = await newPlan();
      const before = sha(f);
      const p = Project.open(f);
      await expect(importFile(p, path.join(FX, fx))).rejects.toMatchObject({ code });
      p.close();
      expect(sha(f)).toBe(before);
    });
  }

  it('with --skip-errors the good rows are written and the bad ones named', async () => {
    const f = await newPlan();
    const p = Project.open(f);
    const src = path.join(tmpDir(), 'mixed.csv');
    fs.writeFileSync(src, fs.readFileSync(path.join(FX, 'district-licences-utf8bom.csv'), 'utf8').replace('18万m3/年', '18万桶/年'));
    const r = await importFile(p, src, { skipErrors: true });
    expect(r.written).toBe(true);
    expect(r.skippedRows).toEqual([3]);
    expect(loadPlanData(p.db).licences).toHaveLength(3);
    p.close();
  });
});

describe('table export', () => {
  it('writes an appendix table to .xlsx with the plan\'s headers, and it reads back', async () => {
    const f = await newPlan();
    const p = Project.open(f);
    await importFile(p, path.join(FX, 'district-plan.xlsx'));
    await importFile(p, path.join(FX, 'district-licences.xlsx'));
    const data = loadPlanData(p.db);
    const out = path.join(tmpDir(), 'licences.xlsx');
    await exportTableXlsx(data, 'licence_register', 'zh', out);
    // round trip: import the exported table into a fresh plan
    const f2 = await newPlan();
    const p2 = Project.open(f2);
    await importFile(p2, path.join(FX, 'district-plan.xlsx'));
    const r = await importFile(p2, out);
    expect(r).toMatchObject({ kind: 'licences', errors: [], written: true });
    const d2 = loadPlanData(p2.db);
    expect(d2.licences.map((l) => [l.number, l.area_km2, l.valid_to])).toEqual(data.licences.map((l) => [l.number, l.area_km2, l.valid_to]));
    p.close();
    p2.close();
    await expect(exportTableXlsx(data, 'nope', 'zh', out)).rejects.toBeInstanceOf(GmpError);
  });
});

describe('manual column mapping for unknown headers', () => {
  it('refuses a table it cannot recognise, then imports it with the writer\'s mapping', async () => {
    const f = await newPlan();
    const src = path.join(tmpDir(), 'odd.csv');
    fs.writeFileSync(src, '序,单位,许可编码,种类,工艺,范围\n1,甲建材有限公司,C1301002010087120071234,建筑用石料,露天,0.2350\n');
    const p = Project.open(f);
    await expect(importFile(p, src)).rejects.toMatchObject({ code: 'import.unknown_table' });
    const r = await importFile(p, src, { table: 'licences', mapping: { number: '许可编码', holder: 'B', mineral: '种类', method: '5', area_km2: 'F' } });
    expect(r).toMatchObject({ kind: 'licences', headerRow: 1, errors: [], written: true });
    const data = loadPlanData(p.db);
    expect(data.licences[0]).toMatchObject({ number: 'C1301002010087120071234', holder: '甲建材有限公司', area_km2: 0.235 });
    expect(data.mines[0]).toMatchObject({ name_zh: '甲建材有限公司', mineral: '建筑用石料', method: 'open_pit' });
    await expect(importFile(p, src, { table: 'licences', mapping: { numbr: '许可编码' } })).rejects.toMatchObject({ code: 'import.unknown_field' });
    await expect(importFile(p, src, { table: 'licences', mapping: { number: '不存在的列' } })).rejects.toMatchObject({ code: 'import.mapping_column' });
    p.close();
  });
});
