// Plan settings and profile: every field a template binds is editable through the one API
// (Electron, host and command line share the validation); bad values are refused at the field
// with the reason; changes are undoable; the CLI is a client of that API.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { SETTING_FIELDS } from '../../main/domain/plan-fields.ts';
import { listTemplateIds, loadTemplate } from '../../main/compose/templates.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { buildDocument } from '../../main/document/build.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-settings-');
const GMP = path.resolve(__dirname, '../../bin/gmp.mjs');

function gmp(args: string[], lang = 'zh') {
  const r = spawnSync(process.execPath, [GMP, ...args], { encoding: 'utf8', env: { ...process.env, GMP_LANG: lang } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('plan.update through the contract', () => {
  const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });

  it('refuses wrong types and ranges with a located message, and keeps the plan as it was', async () => {
    expect((await dispatch(service, 'plan.create', { templateId: 'banner', name: '某某旗' })).ok).toBe(true);
    const before = ((await dispatch(service, 'plan.settings', {})) as { result: { values: Record<string, unknown> } }).result.values;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ base_year: 'abc' }, 'base_year', 'settings.type'],
      [{ indicator_years: 'x' }, 'indicator_years', 'settings.years'],
      [{ base_year: -5 }, 'base_year', 'settings.range'],
      [{ far_year: 20351 }, 'far_year', 'settings.range'],
      [{ period_start: 2030, period_end: 2025 }, 'period_end', 'settings.order_period'],
      [{ period_end: 1990 }, 'period_end', 'settings.order_period'],
      [{ near_year: 2099 }, 'near_year', 'settings.order_near'],
      [{ base_year: 2099 }, 'base_year', 'settings.order_base'],
      [{ area_km2: -1 }, 'area_km2', 'settings.range'],
      [{ towns: 2.5 }, 'towns', 'settings.type'],
      [{ jurisdiction_zh: '' }, 'jurisdiction_zh', 'settings.required'],
      [{ issue_date: '2023-13' }, 'issue_date', 'settings.month'],
      [{ kind: 'province' }, 'kind', 'settings.type'],
      [{ no_such_field: 1 }, 'no_such_field', 'settings.unknown'],
    ];
    for (const [patch, field, code] of cases) {
      const r = await dispatch(service, 'plan.update', { patch }, 'zh');
      expect(r, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code, location: { field } } });
    }
    const far = await dispatch(service, 'plan.update', { patch: { far_year: 20351 } }, 'zh');
    expect(far.ok ? '' : far.error.message).toBe('远景年：20351 超出允许范围（1900～2100）。');
    const abc = await dispatch(service, 'plan.update', { patch: { base_year: 'abc' } }, 'en');
    expect(abc.ok ? '' : abc.error.message).toContain('base year: “abc” is not a year');
    const after = ((await dispatch(service, 'plan.settings', {})) as { result: { values: Record<string, unknown> } }).result.values;
    expect(after).toEqual(before);
    // the preview still builds
    expect((await dispatch(service, 'preview.document', { lang: 'zh' })).ok).toBe(true);
  });

  it('writes plan fields and profile entries, the preview shows them, and undo/redo restore them', async () => {
    const r = await dispatch(service, 'plan.update', { patch: { area_km2: 5600, towns: 7, lon_range_zh: '东经 108°58′～110°25′', parent_zh: '鄂尔多斯市' } });
    expect(r.ok).toBe(true);
    const doc = (await dispatch(service, 'preview.document', { lang: 'zh' })) as { result: { body: unknown[] } };
    const text = JSON.stringify(doc.result.body);
    expect(text).toContain('全旗国土总面积 5600km²');
    expect(text).toContain('辖 7 个镇');
    expect(text).toContain('地理坐标为东经 108°58′～110°25′');
    expect(text).not.toContain('【待填：行政区面积】');
    await dispatch(service, 'edit.undo', {});
    const undone = ((await dispatch(service, 'plan.settings', {})) as { result: { values: Record<string, unknown> } }).result.values;
    expect(undone).toMatchObject({ area_km2: null, towns: null, lon_range_zh: null, parent_zh: null });
    await dispatch(service, 'edit.redo', {});
    const redone = ((await dispatch(service, 'plan.settings', {})) as { result: { values: Record<string, unknown> } }).result.values;
    expect(redone).toMatchObject({ area_km2: 5600, towns: 7, lon_range_zh: '东经 108°58′～110°25′', parent_zh: '鄂尔多斯市' });
  });

  it('covers every field the bundled templates bind', () => {
    const keys = new Set(SETTING_FIELDS.map((f) => f.key.replace(/_(zh|en)$/, '')));
    const alias: Record<string, string> = { name: 'jurisdiction' };
    for (const id of listTemplateIds()) {
      const t = loadTemplate(id);
      for (const c of t.chapters) {
        for (const lang of ['zh', 'en'] as const) {
          for (const m of c.body[lang].matchAll(/\b(plan|profile)\.([a-z_0-9]+)/g)) {
            expect(keys.has(alias[m[2]] ?? m[2]) || m[2] === 'kind', `${id}/${c.file} ${m[0]}`).toBe(true);
          }
        }
      }
    }
  });

  it('shell.openFolder goes through the contract and opens only folders of this session\'s exports', async () => {
    const opened: string[] = [];
    const s = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg2'), openPath: async (d) => { opened.push(d); return ''; } });
    expect(await dispatch(s, 'shell.openFolder', { path: 3 })).toMatchObject({ ok: false, error: { code: 'api.bad_args' } });
    expect(await dispatch(s, 'shell.openFolder', { path: '/etc/passwd' })).toMatchObject({ ok: false });
    expect(opened).toEqual([]);
  });
});

describe('gmp plan', () => {
  it('shows and sets settings; a bad value is refused in one line and nothing changes', () => {
    const file = path.join(dir, 'cli.gmplan');
    expect(gmp(['new', file, '--template', 'district', '--name', '某某区']).code).toBe(0);
    const set = gmp(['plan', 'set', file, 'region_zh=内蒙古自治区', 'parent_zh=鄂尔多斯市', 'region_en=Inner Mongolia', 'parent_en=Ordos', 'area_km2=1202.5', 'indicator_years=2027,2029']);
    expect(set.err).toBe('');
    expect(set.code).toBe(0);
    const bad = gmp(['plan', 'set', file, 'far_year=20351'], 'zh');
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe('gmp: 远景年：20351 超出允许范围（1900～2100）。');
    const abc = gmp(['plan', 'set', file, 'base_year=abc'], 'en');
    expect(abc.code).toBe(1);
    expect(abc.err).toContain('base year');
    const shown = JSON.parse(gmp(['plan', 'show', file, '--json']).out) as Record<string, unknown>;
    expect(shown).toMatchObject({ region_zh: '内蒙古自治区', parent_zh: '鄂尔多斯市', area_km2: 1202.5, indicator_years: [2027, 2029] });
    expect(Object.keys(shown).sort()).toEqual(SETTING_FIELDS.map((f) => f.key).sort());
    const p = Project.open(file, { readonly: true });
    const data = loadPlanData(p.db);
    p.close();
    const en = JSON.stringify(buildDocument(data, 'en').body);
    expect(en).not.toMatch(/of and \./);
    expect(en).toContain('Inner Mongolia');
  });
});
