import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Project } from '../../main/store/project.ts';
import { SCHEMA_VERSION } from '../../main/store/migrations.ts';
import { insertRow, listRows, updateRow } from '../../main/store/row-repo.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { GmpError } from '../../main/domain/errors.ts';
import { describeError } from '../../main/i18n/index.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function expectCode(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GmpError);
    expect((e as GmpError).code).toBe(code);
    return e as GmpError;
  }
  throw new Error(`expected ${code}`);
}

describe('project file', () => {
  it('refuses a file that is not SQLite, and leaves it as it was', () => {
    const f = path.join(tmpDir(), 'x.gmplan');
    fs.writeFileSync(f, 'not a database at all');
    const before = sha(f);
    const e = expectCode(() => Project.open(f), 'project.not_sqlite');
    expect(describeError(e, 'zh')).toContain('不是规划文件');
    expect(describeError(e, 'en')).toContain('is not a plan file');
    expect(sha(f)).toBe(before);
  });

  it('refuses an SQLite file that is not a plan', () => {
    const f = path.join(tmpDir(), 'other.sqlite');
    const db = new Database(f);
    db.exec('CREATE TABLE t (a)');
    db.close();
    const before = sha(f);
    expectCode(() => Project.open(f), 'project.not_plan');
    expect(sha(f)).toBe(before);
  });

  it('refuses a plan written by a newer version without touching it', async () => {
    const { file } = await samplePlan();
    const f = path.join(tmpDir(), 'newer.gmplan');
    fs.copyFileSync(file, f);
    const db = new Database(f);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha(f);
    const e = expectCode(() => Project.open(f), 'project.newer_version');
    expect(describeError(e, 'zh')).toContain('较新版本');
    expect(sha(f)).toBe(before);
    expect(fs.existsSync(`${f}-wal`)).toBe(false);
  });

  it('a failed creation leaves nothing behind', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'new.gmplan');
    await expect(createPlanFile(f, defaultPlan('banner', '测试旗'), () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('never overwrites an existing file on create', async () => {
    const { file } = await samplePlan();
    await expect(createPlanFile(file, defaultPlan('banner', 'x'))).rejects.toMatchObject({ code: 'project.exists' });
  });
});

describe('validated rows', () => {
  it('rejects bad values with the column named, and stores nothing', async () => {
    const f = path.join(tmpDir(), 'p.gmplan');
    await createPlanFile(f, defaultPlan('district', '测试区'));
    const p = Project.open(f);
    const id = p.tx(() => insertRow(p.db, 'mines', { name_zh: '甲矿', mineral: '建筑用石料', status: 'producing', scale_value: '18', scale_unit: '10km3_a' }));
    const e = expectCode(() => p.tx(() => updateRow(p.db, 'mines', id, { scale_value: '十八' })), 'value.not_number');
    expect(e.location?.column).toBe('scale_value');
    expectCode(() => p.tx(() => updateRow(p.db, 'mines', id, { target_year: '3025' })), 'value.not_year');
    expectCode(() => p.tx(() => updateRow(p.db, 'mines', id, { method: 'dredging' })), 'value.not_in_list');
    expect(listRows(p.db, 'mines')[0].scale_value).toBe(18);
    // a licence number in the wrong column
    expectCode(() => p.tx(() => insertRow(p.db, 'licences', { number: '甲矿', mine_id: id })), 'value.licence_number');
    p.tx(() => insertRow(p.db, 'licences', { number: 'C1500002010087120071234', mine_id: id, area_km2: '0.1234', valid_from: '2016.01.14', valid_to: '2046年1月14日' }));
    expectCode(() => p.tx(() => insertRow(p.db, 'licences', { number: 'C1500002010087120071234' })), 'value.duplicate');
    const lic = listRows(p.db, 'licences')[0];
    expect([lic.valid_from, lic.valid_to]).toEqual(['2016-01-14', '2046-01-14']);
    // corner points with a missing comma: block not written
    expectCode(() => p.tx(() => insertRow(p.db, 'blocks', { mine_id: id, crs: 'cgcs2000', points: '1, 4367770.34, 37399162.38; 2, 4359356.3537405718.65; 3, 4354730.29, 37398635.95' })), 'coords.missing_separator');
    expect(listRows(p.db, 'blocks')).toHaveLength(0);
    p.close();
  });
});
