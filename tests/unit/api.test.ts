// The API door: unknown methods and malformed arguments refused; edits validated and undoable;
// the loopback host wants its token and listens on 127.0.0.1 only.
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { startHost, type Host } from '../../main/host/server.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-api-');
const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });

describe('dispatch', () => {
  it('refuses unknown methods and malformed arguments, in the caller language', async () => {
    const r1 = await dispatch(service, 'fs.readFile', { path: '/etc/passwd' });
    expect(r1).toMatchObject({ ok: false, error: { code: 'api.unknown_method' } });
    const r2 = await dispatch(service, 'rows.list', { table: 'sqlite_master' }, 'en');
    expect(r2).toMatchObject({ ok: false, error: { code: 'api.bad_args' } });
    expect(r2.ok ? '' : r2.error.message).toContain('Invalid arguments');
    const r3 = await dispatch(service, 'rows.update', { table: 'mines', id: -1, patch: {} });
    expect(r3.ok).toBe(false);
    const r4 = await dispatch(service, 'plan.open', { file: '/etc/passwd' });
    expect(r4).toMatchObject({ ok: false, error: { code: 'api.bad_args' } });
    const r5 = await dispatch(service, 'rows.list', { table: 'mines', extra: 1 });
    expect(r5.ok).toBe(false);
    const r6 = await dispatch(service, 'rows.list', { table: 'mines' });
    expect(r6).toMatchObject({ ok: false, error: { code: 'api.no_project' } });
  });

  it('edits are validated, committed at once and undoable', async () => {
    const created = await dispatch(service, 'plan.create', { templateId: 'district', name: '测试区' });
    expect(created.ok).toBe(true);
    const ins = await dispatch(service, 'rows.insert', { table: 'mines', values: { name_zh: '甲石料厂', mineral: '建筑用石料', status: 'producing', scale_value: '18', scale_unit: '10km3_a', scale_class: 'large' } });
    expect(ins.ok).toBe(true);
    const id = (ins as { result: { id: number } }).result.id;
    const bad = await dispatch(service, 'rows.update', { table: 'mines', id, patch: { scale_value: '18万' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'value.not_number', location: { column: 'scale_value' } } });
    const rows = await dispatch(service, 'rows.list', { table: 'mines' });
    expect((rows as { result: { scale_value: number }[] }).result[0].scale_value).toBe(18);
    await dispatch(service, 'rows.update', { table: 'mines', id, patch: { scale_value: 25 } });
    await dispatch(service, 'rows.insert', { table: 'licences', values: { number: 'C1500002010087120071234', mine_id: id, area_km2: 0.2 } });
    await dispatch(service, 'rows.delete', { table: 'mines', id });
    expect(((await dispatch(service, 'rows.list', { table: 'mines' })) as { result: unknown[] }).result).toHaveLength(0);
    // undo the delete: the mine is back, and its licence points at it again
    await dispatch(service, 'edit.undo', {});
    const back = (await dispatch(service, 'rows.list', { table: 'mines' })) as { result: { id: number; scale_value: number }[] };
    expect(back.result).toEqual([expect.objectContaining({ id, scale_value: 25 })]);
    const lic = (await dispatch(service, 'rows.list', { table: 'licences' })) as { result: { mine_id: number }[] };
    expect(lic.result[0].mine_id).toBe(id);
    await dispatch(service, 'edit.undo', {}); // the licence insert
    await dispatch(service, 'edit.undo', {}); // 25 → 18
    const r = (await dispatch(service, 'rows.list', { table: 'mines' })) as { result: { scale_value: number }[] };
    expect(r.result[0].scale_value).toBe(18);
    await dispatch(service, 'edit.redo', {});
    const r2 = (await dispatch(service, 'rows.list', { table: 'mines' })) as { result: { scale_value: number }[] };
    expect(r2.result[0].scale_value).toBe(25);
  });

  it('chapter edits change the preview, and are undoable', async () => {
    const before = (await dispatch(service, 'chapters.list', { lang: 'zh' })) as { result: { key: string; body: string }[] };
    const ch = before.result[1];
    await dispatch(service, 'chapters.update', { key: ch.key, lang: 'zh', body: `${ch.body}\n\n新增段落：全区共有矿山 {{ f.mines.total }} 个。` });
    const doc = (await dispatch(service, 'preview.document', { lang: 'zh' })) as { result: { body: { kind: string; runs?: { text: string }[] }[] } };
    const texts = doc.result.body.filter((b) => b.kind === 'paragraph').map((b) => b.runs!.map((r) => r.text).join(''));
    expect(texts).toContain('新增段落：全区共有矿山 1 个。');
    await dispatch(service, 'edit.undo', {});
    const after = (await dispatch(service, 'chapters.list', { lang: 'zh' })) as { result: { key: string; body: string }[] };
    expect(after.result[1].body).toBe(ch.body);
  });

  it('a misspelt variable is a located placeholder and finding, not a failure; a syntax error is located', async () => {
    const list = (await dispatch(service, 'chapters.list', { lang: 'en' })) as { result: { key: string }[] };
    await dispatch(service, 'chapters.update', { key: list.result[0].key, lang: 'en', body: 'Line one.\n\nThere were {{ f.mines.totl }} mines.' });
    const r = (await dispatch(service, 'preview.document', { lang: 'en' }, 'en')) as { ok: true; result: { body: { kind: string; runs?: { text: string }[] }[] } };
    expect(r.ok).toBe(true);
    const texts = r.result.body.filter((b) => b.kind === 'paragraph').map((b) => b.runs!.map((x) => x.text).join(''));
    expect(texts).toContain('There were [unknown field: f.mines.totl] mines.');
    const checks = (await dispatch(service, 'checks.run', {})) as { result: { rule: string; severity: string; chapter?: { key: string; line: number }; message: { en: string } }[] };
    const typo = checks.result.find((f) => f.rule === 'template.unknown_field');
    expect(typo).toMatchObject({ severity: 'error', chapter: { key: list.result[0].key, line: 3 } });
    expect(typo!.message.en).toContain('f.mines.totl');
    await dispatch(service, 'chapters.update', { key: list.result[0].key, lang: 'en', body: 'ok\n{% if %}' });
    const bad = (await dispatch(service, 'preview.document', { lang: 'en' }, 'en')) as { ok: true; result: { body: { kind: string; runs?: { text: string }[] }[] } };
    expect(JSON.stringify(bad.result.body)).toContain('[template error (line 2)');
    const exp = (await dispatch(service, 'export.start', { lang: 'en', formats: ['docx'] })) as { result: { jobId: string } };
    let job: { done: boolean; error?: { code: string } } = { done: false };
    for (let i = 0; i < 600 && !job.done; i++) {
      await new Promise((r) => setTimeout(r, 100)); // let the export run
      job = ((await dispatch(service, 'export.status', { jobId: exp.result.jobId })) as { result: typeof job }).result;
    }
    expect(job.error?.code).toBe('template.syntax');
    await dispatch(service, 'edit.undo', {});
    await dispatch(service, 'edit.undo', {});
  });
});

describe('loopback host', () => {
  let host: Host;
  const staticDir = tmpDir('gmp-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<title>studio</title>');
  beforeAll(async () => { host = await startHost({ service, staticDir }); });
  afterAll(async () => { await host.close(); });

  it('binds to 127.0.0.1 only', () => {
    expect((host.server.address() as net.AddressInfo).address).toBe('127.0.0.1');
  });

  it('refuses API calls without the token, or from another Host', async () => {
    const call = (headers: Record<string, string>) => fetch(`${host.url}api`, { method: 'POST', headers, body: JSON.stringify({ method: 'app.info', args: {} }) });
    expect((await call({})).status).toBe(401);
    expect((await call({ 'x-gmp-token': 'wrong' })).status).toBe(401);
    const ok = await call({ 'x-gmp-token': host.token });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true });
    // DNS rebinding: a foreign Host header is refused
    const res = await new Promise<number>((resolve) => {
      const req = net.connect(host.port, '127.0.0.1', () => req.write(`GET / HTTP/1.1\r\nHost: evil.example:${host.port}\r\nConnection: close\r\n\r\n`));
      let data = '';
      req.on('data', (d) => { data += d; });
      req.on('end', () => resolve(Number(data.split(' ')[1])));
    });
    expect(res).toBe(421);
  });

  it('serves the UI with a strict CSP, never the token, and nothing outside its folder', async () => {
    const res = await fetch(host.url, { headers: { 'x-gmp-token': host.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).not.toContain(host.token);
    expect((await fetch(`${host.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});
