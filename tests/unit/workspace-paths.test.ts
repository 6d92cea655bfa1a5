// Files stay where the user put them: in the served mode every path an API call names resolves,
// symlinks included, inside the workspace or is refused; a plan is never replaced without asking.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { exportFolder, resolveInWorkspace, workspaceFile } from '../../main/api/workspace-paths.ts';
import { GmpError } from '../../main/domain/errors.ts';
import { tmpDir } from './helpers.ts';

const outside = tmpDir('gmp-outside-');
const secret = path.join(outside, 'secret.txt');
fs.writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\nsecret-line-2\n');
const ws = tmpDir('gmp-ws-');
fs.symlinkSync(secret, path.join(ws, 'passwd.csv'));
fs.symlinkSync(outside, path.join(ws, 'out-link'));
fs.mkdirSync(path.join(ws, 'sub'));

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof GmpError ? e.code : String(e);
  }
};

describe('resolveInWorkspace', () => {
  it('takes paths inside the workspace, relative or absolute, existing or not', () => {
    const real = fs.realpathSync(ws);
    expect(resolveInWorkspace(ws, 'a.gmplan')).toBe(path.join(real, 'a.gmplan'));
    expect(resolveInWorkspace(ws, path.join(ws, 'sub', 'x.csv'))).toBe(path.join(real, 'sub', 'x.csv'));
    expect(resolveInWorkspace(ws, 'new/deeper/x.gmplan')).toBe(path.join(real, 'new/deeper/x.gmplan'));
    expect(resolveInWorkspace(ws, 'sub/../b.gmplan')).toBe(path.join(real, 'b.gmplan'));
  });

  it('refuses .. escapes, absolute paths elsewhere and symlinks that point out', () => {
    for (const p of ['../x.gmplan', 'sub/../../x.gmplan', '/etc/passwd', secret, 'passwd.csv', path.join(ws, 'passwd.csv'), 'out-link/secret.txt', 'out-link/new.gmplan', 'out-link', 'a\0b']) {
      expect(code(() => resolveInWorkspace(ws, p)), p).toBe('io.outside_workspace');
    }
  });

  it('workspaceFile puts a bare name in a folder of the workspace, and refuses a path', () => {
    const f = workspaceFile(ws, '许可证.xlsx');
    expect(f).toBe(path.join(fs.realpathSync(ws), 'uploads', '许可证.xlsx'));
    expect(fs.statSync(path.dirname(f)).isDirectory()).toBe(true);
    for (const n of ['../x.csv', 'a/b.csv', '..', '', 'x\0.csv', '/etc/passwd']) expect(code(() => workspaceFile(ws, n)), n).toBe('io.outside_workspace');
  });

  it('export folders: created only inside the workspace; elsewhere they must exist', () => {
    expect(fs.existsSync(exportFolder(ws, 'exports/new', true))).toBe(true);
    expect(code(() => exportFolder(ws, outside, true))).toBe('io.outside_workspace');
    expect(code(() => exportFolder(ws, 'out-link', true))).toBe('io.outside_workspace');
    expect(exportFolder(ws, outside, false)).toBe(outside);
    const missing = path.join(outside, 'no', 'such');
    expect(code(() => exportFolder(ws, missing, false))).toBe('io.no_folder');
    expect(fs.existsSync(path.join(outside, 'no'))).toBe(false);
  });
});

describe('the served service', () => {
  const service = new StudioService({ workspace: ws, configDir: path.join(ws, 'cfg'), confined: true });
  afterAll(() => service.close());

  it('refuses every path argument that leads out, and names no file content', async () => {
    await dispatch(service, 'plan.create', { templateId: 'district', name: '测试区' });
    const calls: [string, Record<string, unknown>][] = [
      ['import.start', { file: 'passwd.csv', dryRun: true }],
      ['import.start', { file: path.join(outside, 'x.csv') }],
      ['plan.open', { file: '../x.gmplan' }],
      ['plan.saveAs', { file: path.join(outside, 'copy.gmplan') }],
      ['plan.saveAs', { file: 'out-link/copy.gmplan' }],
      ['plan.create', { templateId: 'district', name: 'x', file: path.join(outside, 'n.gmplan') }],
      ['export.start', { lang: 'zh', formats: ['docx'], outDir: path.join(outside, 'made') }],
      ['export.start', { lang: 'zh', formats: ['docx'], outDir: 'out-link' }],
      ['revisions.exportRedline', { a: 'current', b: 'current', lang: 'zh', outDir: '/tmp' }],
    ];
    for (const [m, a] of calls) {
      const r = await dispatch(service, m, a, 'en');
      expect(r, `${m} ${JSON.stringify(a)}`).toMatchObject({ ok: false, error: { code: 'io.outside_workspace' } });
      const msg = r.ok ? '' : r.error.message;
      expect(msg).toContain('outside the workspace');
      expect(msg).not.toMatch(/root:x|secret-line/);
    }
    expect(fs.existsSync(path.join(outside, 'made'))).toBe(false);
    expect(fs.existsSync(path.join(outside, 'copy.gmplan'))).toBe(false);
  });

  it('never replaces an existing plan without the overwrite flag', async () => {
    const first = await dispatch(service, 'plan.saveAs', { file: 'kept.gmplan' });
    expect(first.ok).toBe(true);
    await dispatch(service, 'plan.create', { templateId: 'banner', name: '另一个' });
    const before = fs.readFileSync(path.join(ws, 'kept.gmplan'));
    const refused = await dispatch(service, 'plan.saveAs', { file: 'kept.gmplan' }, 'en');
    expect(refused).toMatchObject({ ok: false, error: { code: 'project.exists' } });
    expect(fs.readFileSync(path.join(ws, 'kept.gmplan')).equals(before)).toBe(true);
    const created = await dispatch(service, 'plan.create', { templateId: 'district', name: 'x', file: 'kept.gmplan' });
    expect(created).toMatchObject({ ok: false, error: { code: 'project.exists' } });
    const replaced = await dispatch(service, 'plan.saveAs', { file: 'kept.gmplan', overwrite: true });
    expect(replaced.ok).toBe(true);
  });

  it('exports into a new folder inside the workspace', async () => {
    expect((await dispatch(service, 'plan.openSample', {})).ok).toBe(true);
    const r = await dispatch(service, 'export.start', { lang: 'zh', formats: ['docx'], outDir: 'exports/draft' });
    expect(r).toMatchObject({ ok: true, result: { outDir: path.join(fs.realpathSync(ws), 'exports', 'draft') } });
    const jobId = (r as { result: { jobId: string } }).result.jobId;
    for (let i = 0; i < 600; i++) {
      const s = service.exportStatus(jobId);
      if (s.done) {
        expect(s.error).toBeUndefined();
        expect(s.files).toHaveLength(1);
        return;
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('export did not finish');
  });

  it('the recent list names only plans inside the workspace', () => {
    expect(service.recent().every((f) => f.startsWith(fs.realpathSync(ws)))).toBe(true);
  });
});

describe('recent plans and the sample, served', () => {
  it('the recent list names no plan beyond the workspace, however it was written; the sample is not opened through a link that leads out', async () => {
    const ws2 = tmpDir('gmp-ws2-');
    const cfg = path.join(ws2, 'cfg');
    fs.mkdirSync(cfg);
    const elsewhere = path.join(outside, 'elsewhere.gmplan');
    const desktop = new StudioService({ workspace: outside, configDir: path.join(outside, 'cfg'), remember: false });
    await dispatch(desktop, 'plan.create', { templateId: 'district', name: '外部', file: elsewhere });
    desktop.close();
    fs.symlinkSync(outside, path.join(ws2, 'link-out'));
    const inside = path.join(ws2, 'inside.gmplan');
    // the list as the desktop app (which may name any folder) left it in the same profile
    fs.writeFileSync(path.join(cfg, 'recent.json'), JSON.stringify([elsewhere, path.join(ws2, 'link-out', 'elsewhere.gmplan'), `${ws2}/../${path.basename(outside)}/elsewhere.gmplan`, inside]));
    const served = new StudioService({ workspace: ws2, configDir: cfg, confined: true });
    await dispatch(served, 'plan.create', { templateId: 'district', name: '内部', file: inside });
    const recent = await dispatch(served, 'plan.recent', {});
    expect(recent).toMatchObject({ ok: true });
    const list = (recent as { result: string[] }).result;
    expect(list.length).toBeGreaterThan(0);
    for (const f of list) expect(resolveInWorkspace(ws2, f)).toBe(path.join(fs.realpathSync(ws2), path.relative(ws2, f)));
    expect(list.join('\n')).not.toContain('elsewhere');
    // the sample's name in the workspace made a link to a plan outside: refused, the plan outside untouched
    served.close();
    const before = fs.readFileSync(elsewhere);
    fs.symlinkSync(elsewhere, path.join(ws2, 'sample.gmplan'));
    const sample = await dispatch(served, 'plan.openSample', {}, 'en');
    expect(sample).toMatchObject({ ok: false, error: { code: 'io.outside_workspace' } });
    expect(fs.readFileSync(elsewhere).equals(before)).toBe(true);
    // and never remembered, so it cannot come back through the list
    expect(((await dispatch(served, 'plan.recent', {})) as { result: string[] }).result.join('\n')).not.toContain('elsewhere');
  });
});
