// A district's tables exactly as its office typed them (tests/fixtures/make-office-fixtures.ts): no row
// with a catalogue mineral refused, the stored mineral the typed one, statuses read from 备注 and scale
// classes derived from the table marked per cell, columns not imported reported, and the text's counts
// of producing and suspended mines equal to the rows'.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../main/store/project.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { importFile } from '../../main/import/import-plan.ts';
import { describeChange, describeImportIssue, describeImportSummary } from '../../main/import/describe.ts';
import { detectTable } from '../../main/import/headers.ts';
import { readSheets } from '../../main/import/read-sheets.ts';
import { buildDocument } from '../../main/document/build.ts';
import { runChecks } from '../../main/checks/run-checks.ts';
import { catalogueEntry } from '../../main/domain/minerals.ts';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { OFFICE_LICENCE_ROWS, OFFICE_PLAN_CLASS, OFFICE_PLAN_PICK, OFFICE_STATUS } from '../fixtures/make-office-fixtures.ts';
import { runImportJob } from '../tools/import-job.ts';
import { tmpDir } from './helpers.ts';

const FX = path.join(import.meta.dirname, '..', 'fixtures');

async function newPlan() {
  const f = path.join(tmpDir(), 'p.gmplan');
  await createPlanFile(f, defaultPlan('district', '某某区'));
  return f;
}

const paragraphs = (data: PlanData, lang: 'zh' | 'en') => buildDocument(data, lang).body
  .filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('\n');

const count = (status: string) => OFFICE_STATUS.filter((s) => s === status).length;

describe('an office-typed licence table (xlsx and GBK CSV)', () => {
  it('has at least 30 catalogue minerals across all four groups, and two the catalogue does not hold', () => {
    const entries = OFFICE_LICENCE_ROWS.map(([, m]) => catalogueEntry(m)).filter((e) => e);
    expect(new Set(entries.map((e) => e!.zh)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(entries.map((e) => e!.group))).toEqual(new Set(['energy', 'metallic', 'nonmetallic', 'water_gas']));
  });

  for (const [fx, firstIssued] of [['office-licences.xlsx', '首次设立时间'], ['office-licences-gbk.csv', '发证日期']] as const) {
    it(`${fx}: imports every row as typed, infers only what it marks, and the text counts what the rows say`, async () => {
      const p = Project.open(await newPlan());
      const preview = await importFile(p, path.join(FX, fx), { dryRun: true });
      expect(preview.errors).toEqual([]);
      expect(preview.written).toBe(false);
      expect(loadPlanData(p.db).mines).toHaveLength(0); // a preview writes nothing
      // honest counts: one mine and one licence per row
      expect(preview.counts).toEqual({ mines: { add: 41, update: 0 }, licences: { add: 41, update: 0 } });
      expect(describeImportSummary(preview, 'zh')).toContain('矿山新增 41 条、更新 0 条，采矿权新增 41 条、更新 0 条；错误 0 处');
      // columns not imported are named by their headers; the header variant is read
      expect(preview.unknownHeaders).toEqual(['联系电话', '所在图幅']);
      expect(describeImportSummary(preview, 'zh')).toContain('未导入的列：“联系电话”、“所在图幅”');
      expect(preview.columns).toContainEqual({ header: firstIssued, field: 'first_issued' });
      // per row, the fields and values it will write, inferred ones marked
      const tuff = preview.changes.find((c) => c.table === 'mines' && c.label === '西岭石料有限公司凝灰岩矿')!;
      expect(tuff.values).toMatchObject({ mineral: '建筑用凝灰岩', status: 'suspended', scale_value: 6, scale_unit: '10km3_a', scale_class: 'medium' });
      expect(tuff.inferred).toEqual({ status: 'status_from_remarks', scale_class: 'class_from_scale' });
      expect(describeChange(tuff, 'zh')).toContain('开采矿种 建筑用凝灰岩；开采方式 露天开采；生产规模 6；规模单位 万m³/年；生产状态 停产〔由备注推断〕；规模类型 中型〔由生产规模推算〕');
      expect(preview.localMinerals).toEqual(['建筑用砂石', '陶粒页岩']);
      expect(preview.notices.filter((n) => n.code === 'import.status_unknown')).toHaveLength(OFFICE_STATUS.filter((s) => s === null).length);

      const r = await importFile(p, path.join(FX, fx), { mineralGroups: { 陶粒页岩: 'nonmetallic' } });
      expect(r).toMatchObject({ written: true, errors: [] });
      const data = loadPlanData(p.db);
      p.close();
      expect(data.mines).toHaveLength(41);
      expect(data.licences).toHaveLength(41);
      OFFICE_LICENCE_ROWS.forEach(([name, mineral], i) => {
        const m = data.mines.find((x) => x.name_zh === name)!;
        // the stored mineral is the typed one (a true synonym is its catalogue name)
        expect(m.mineral, name).toBe(mineral === '煤炭' ? '煤' : mineral);
        // the status is what 备注 says, or unknown — never "producing" by default
        expect(m.status, name).toBe(OFFICE_STATUS[i]);
        const marks = (data.marks ?? []).filter((k) => k.rowId === m.id).map((k) => `${k.column}:${k.kind}`).sort();
        const want = [...(OFFICE_STATUS[i] ? ['status:status_from_remarks'] : []), ...(m.scale_class ? ['scale_class:class_from_scale'] : [])];
        expect(marks, name).toEqual(want.sort());
        const lic = data.licences.find((l) => l.mine_id === m.id)!;
        expect(lic.first_issued, name).toMatch(/^20\d\d-\d\d-\d\d$/);
      });
      // no class where the table has no rule: the class stays unknown, not guessed
      expect(data.mines.find((m) => m.mineral === '地下水')!.scale_class).toBeNull();
      expect(data.mines.find((m) => m.mineral === '砖瓦用黏土')!.scale_class).toBeNull();
      expect(data.localMinerals).toEqual([{ name: '建筑用砂石', group: 'unknown', name_en: '' }, { name: '陶粒页岩', group: 'nonmetallic', name_en: '' }]);

      const zh = paragraphs(data, 'zh');
      expect(zh).toContain(`生产矿山 ${count('producing')} 个`);
      expect(zh).toContain(`停产矿山 ${count('suspended')} 个`);
      expect(zh).toContain(`另有 ${OFFICE_STATUS.filter((s) => s === null).length} 个矿山生产状态未知`);
      const en = paragraphs(data, 'en');
      expect(en).toContain(`${count('producing')} mines (`);
      expect(en).toContain(`and ${count('suspended')} suspended`);
      const findings = runChecks(data);
      expect(findings.find((f) => f.rule === 'mine.status_unknown')!.message.zh).toContain(`${OFFICE_STATUS.filter((s) => s === null).length} 个矿山（共 41 个）未给出生产状态`);
      expect(findings.filter((f) => f.rule === 'mine.local_mineral').map((f) => f.message.zh)).toEqual([
        expect.stringContaining('“建筑用砂石”不在《矿产资源分类细目》中，已按原样保留（矿产类别：未定）'),
        expect.stringContaining('“陶粒页岩”不在《矿产资源分类细目》中，已按原样保留（矿产类别：非金属矿产）'),
      ]);
      expect(findings.filter((f) => f.rule === 'row.inferred_unconfirmed').length).toBe((data.marks ?? []).length);
    });
  }

  it('recognises the header variants offices use for the first issue date', () => {
    for (const h of ['首次设立时间', '首次发证时间', '设立时间', '发证日期', '首次发证日期']) {
      const m = detectTable([['采矿许可证号', '矿权人', h]], 'licences');
      expect(m?.columns.first_issued, h).toBe(2);
    }
  });
});

describe('a real district\'s plan table and licence table, as typed (done when)', () => {
  it('imports both with 0 refused rows and 0 silent changes; the counts equal the office\'s own', async () => {
    const p = Project.open(await newPlan());
    const plan = await importFile(p, path.join(FX, 'office-plan.xlsx'));
    expect(plan).toMatchObject({ kind: 'mines', written: true, errors: [] });
    expect(plan.unknownHeaders).toEqual(['联系人']);
    const lic = await importFile(p, path.join(FX, 'office-licences-gbk.csv'));
    expect(lic).toMatchObject({ kind: 'licences', written: true, errors: [] });
    // the licence table's 矿山名称 links each licence to the plan's mine by name: nothing is duplicated
    expect(lic.counts.mines).toEqual({ add: 41 - OFFICE_PLAN_PICK.length, update: expect.any(Number) });
    // every update of a planned mine only fills what it lacked; nothing the plan table gave is overwritten
    for (const c of lic.changes.filter((x) => x.table === 'mines' && x.action === 'update')) {
      for (const k of Object.keys(c.values)) expect(c.before?.[k] ?? '', `${c.label} ${k}`).toBe('');
    }
    expect(lic.notices.filter((n) => n.code === 'import.kept_value')).toEqual([]);
    const data = loadPlanData(p.db);
    const gbk = await readSheets(path.join(FX, 'office-plan-gbk.csv'));
    expect(gbk[0].rows[2][1]).toBe(OFFICE_LICENCE_ROWS[OFFICE_PLAN_PICK[0]][0]);
    p.close();
    expect(data.mines).toHaveLength(41);
    expect(data.licences.every((l) => l.mine_id != null)).toBe(true);
    // where the office gave the class, the stored class is the office's, unmarked
    for (const [i, cls] of Object.entries(OFFICE_PLAN_CLASS)) {
      const m = data.mines.find((x) => x.name_zh === OFFICE_LICENCE_ROWS[Number(i)][0])!;
      expect(m.scale_class).toBe({ 大型: 'large', 中型: 'medium', 小型: 'small' }[cls]);
      expect((data.marks ?? []).some((k) => k.rowId === m.id && k.column === 'scale_class')).toBe(false);
    }
    const zh = paragraphs(data, 'zh');
    expect(zh).toContain(`生产矿山 ${count('producing')} 个`);
    expect(zh).toContain(`停产矿山 ${count('suspended')} 个`);
    expect(runChecks(data).filter((f) => f.rule === 'mine.scale_class_mismatch')).toEqual([]);
  });

  it('a licence table that says otherwise than the mine never changes it silently: the mine keeps its value and the writer is told', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.gmplan');
    await createPlanFile(f, defaultPlan('district', '某某区'));
    fs.writeFileSync(path.join(dir, 'plan.csv'), '矿山名称,开采矿种,规模类型,生产状态\n甲石料厂,建筑用石料,小型,生产\n');
    fs.writeFileSync(path.join(dir, 'lic.csv'), '矿山名称,采矿许可证号,开采矿种,备注\n甲石料厂,C1301002010087120071234,建筑石料,停产\n');
    const p = Project.open(f);
    await importFile(p, path.join(dir, 'plan.csv'));
    const r = await importFile(p, path.join(dir, 'lic.csv'));
    const data = loadPlanData(p.db);
    p.close();
    expect(data.mines[0]).toMatchObject({ mineral: '建筑用石料', status: 'producing' });
    expect(r.notices.map((n) => describeImportIssue(n, 'zh'))).toEqual([
      'lic.csv，第 2 行，“开采矿种”列（建筑石料）：矿山已有开采矿种“建筑用石料”，表中为“建筑石料”：保留原值，未改动；如需更改请在矿山表中修改。',
      'lic.csv，第 2 行，“备注”列（停产）：矿山已有生产状态“生产”，表中为“停产”：保留原值，未改动；如需更改请在矿山表中修改。',
    ]);
  });
});

describe('marks through the API', () => {
  it('lists the inferred cells of a table; confirming one clears its mark and keeps the value; typing over one clears it too', async () => {
    const dir = tmpDir('gmp-marks-');
    const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });
    expect((await dispatch(service, 'plan.create', { templateId: 'district', name: '测试区' })).ok).toBe(true);
    fs.copyFileSync(path.join(FX, 'office-licences.xlsx'), path.join(dir, 'lic.xlsx'));
    const r = await runImportJob<{ written: boolean }>(service, { file: path.join(dir, 'lic.xlsx'), mineralGroups: { 建筑用砂石: 'nonmetallic' } });
    expect(r.written).toBe(true);
    const marks = await dispatch(service, 'marks.list', { table: 'mines' });
    const list = (marks.ok ? marks.result : []) as { rowId: number; column: string; kind: string }[];
    const status = list.find((m) => m.column === 'status')!;
    const cls = list.find((m) => m.column === 'scale_class')!;
    expect(await dispatch(service, 'marks.confirm', { table: 'mines', id: status.rowId, column: 'status' })).toEqual({ ok: true, result: true });
    await dispatch(service, 'rows.update', { table: 'mines', id: cls.rowId, patch: { scale_class: 'small' } });
    const after = await dispatch(service, 'marks.list', { table: 'mines' });
    const left = (after.ok ? after.result : []) as { rowId: number; column: string }[];
    expect(left).toHaveLength(list.length - 2);
    expect(left.some((m) => m.rowId === status.rowId && m.column === 'status')).toBe(false);
    const rows = await dispatch(service, 'rows.list', { table: 'mines' });
    expect(((rows.ok ? rows.result : []) as { id: number; status: string }[]).find((m) => m.id === status.rowId)!.status).not.toBeNull();

    // undo brings back the marks the edit and the confirmation cleared, redo clears them again
    const has = async (rowId: number, column: string) => {
      const l = await dispatch(service, 'marks.list', { table: 'mines' });
      return ((l.ok ? l.result : []) as { rowId: number; column: string; kind: string }[]).find((m) => m.rowId === rowId && m.column === column)?.kind ?? null;
    };
    const u1 = await dispatch(service, 'edit.undo', {});
    expect(u1).toMatchObject({ ok: true, result: { edit: { kind: 'row', at: { table: 'mines', rowId: cls.rowId, column: 'scale_class' } } } });
    expect(await has(cls.rowId, 'scale_class')).toBe(cls.kind);
    expect(await has(status.rowId, 'status')).toBeNull();
    // the answer carries the row as it is now (the grid patches it in place)
    const carried = (u1.ok ? u1.result : null) as { rows: { table: string; reload: boolean; rows: { id: number; scale_class: unknown }[]; removed: number[] }[] };
    const listed = await dispatch(service, 'rows.list', { table: 'mines' });
    expect(carried.rows).toEqual([{ table: 'mines', reload: false, rows: [((listed.ok ? listed.result : []) as { id: number }[]).find((m) => m.id === cls.rowId)], removed: [] }]);
    expect(await dispatch(service, 'edit.undo', {})).toMatchObject({ ok: true, result: { edit: { kind: 'row', at: { table: 'mines', rowId: status.rowId, column: 'status' } } } });
    expect(await has(status.rowId, 'status')).toBe(status.kind);
    expect((await dispatch(service, 'marks.list', { table: 'mines' }) as { result: unknown[] }).result).toEqual(list);
    await dispatch(service, 'edit.redo', {});
    await dispatch(service, 'edit.redo', {});
    expect(await has(status.rowId, 'status')).toBeNull();
    expect(await has(cls.rowId, 'scale_class')).toBeNull();
    // a deleted row comes back with its marks; the answer names the removed and restored rows
    await dispatch(service, 'edit.undo', {});
    const gone = await dispatch(service, 'rows.delete', { table: 'mines', id: cls.rowId });
    expect(gone.ok).toBe(true);
    const back = await dispatch(service, 'edit.undo', {});
    expect(await has(cls.rowId, 'scale_class')).toBe(cls.kind);
    const backRows = ((back.ok ? back.result : null) as { rows: { table: string; rows: { id: number }[]; removed: number[] }[] }).rows;
    expect(backRows.find((t) => t.table === 'mines')!.rows.map((r) => r.id)).toEqual([cls.rowId]);
    const redone = await dispatch(service, 'edit.redo', {});
    expect(((redone.ok ? redone.result : null) as { rows: { table: string; removed: number[] }[] }).rows.find((t) => t.table === 'mines')!.removed).toEqual([cls.rowId]);
    expect(await has(cls.rowId, 'scale_class')).toBeNull();
    const minerals = await dispatch(service, 'minerals.list', {});
    expect((minerals.ok ? minerals.result : null) as { local: unknown[] }).toMatchObject({ local: [{ name: '建筑用砂石', group: 'nonmetallic' }, { name: '陶粒页岩', group: 'unknown' }] });
    expect((await dispatch(service, 'minerals.setGroup', { name: '陶粒页岩', group: 'nonmetallic' })).ok).toBe(true);
    expect((await dispatch(service, 'minerals.setGroup', { name: '陶粒页岩', group: 'bogus' })).ok).toBe(false);
    await dispatch(service, 'plan.close', {});
  });
});
