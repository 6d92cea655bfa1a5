// Files opened, not changed: a read-only look leaves nothing beside the plan; a damaged or hollow
// plan is refused in one line like any other bad file; a temporary file's name never reaches a
// message; a template cannot allocate without bound.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Project } from '../../main/store/project.ts';
import { SCHEMA_VERSION } from '../../main/store/migrations.ts';
import { StudioService } from '../../main/api/service.ts';
import { GmpError } from '../../main/domain/errors.ts';
import { describeError } from '../../main/i18n/index.ts';
import { DOCUMENT_RENDER_MS } from '../../main/compose/compose.ts';
import { buildDocument } from '../../main/document/build.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-opened-');
const sidecars = (file: string) => ['-wal', '-shm', '-journal'].filter((s) => fs.existsSync(file + s));

function refusedWith(fn: () => unknown): GmpError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GmpError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('read-only looks leave nothing', () => {
  it('opening read-only and closing leaves no -wal or -shm', async () => {
    const { file } = await samplePlan();
    const copy = path.join(dir, 'look.gmplan');
    fs.copyFileSync(file, copy);
    const p = Project.open(copy, { readonly: true });
    expect(p.db.prepare('SELECT COUNT(*) AS n FROM mines').get()).toMatchObject({ n: expect.any(Number) });
    p.close();
    expect(sidecars(copy)).toEqual([]);
  });

  it('gmp info leaves the folder as it was', async () => {
    const { file } = await samplePlan();
    const sub = tmpDir('gmp-info-');
    const copy = path.join(sub, 'info.gmplan');
    fs.copyFileSync(file, copy);
    const out = execFileSync(process.execPath, [path.resolve('bin/gmp.mjs'), 'info', copy, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toHaveProperty('title');
    expect(fs.readdirSync(sub)).toEqual(['info.gmplan']);
  }, 60_000);

  it('an open plan keeps its own -wal and -shm while a read-only look comes and goes', async () => {
    const { file } = await samplePlan();
    const copy = path.join(dir, 'busy.gmplan');
    fs.copyFileSync(file, copy);
    const writer = Project.open(copy);
    writer.db.prepare("UPDATE plan SET title_zh = title_zh || '（修订）'").run();
    const look = Project.open(copy, { readonly: true });
    look.close();
    expect(sidecars(copy).sort()).toEqual(['-shm', '-wal']);
    expect(String((writer.db.prepare('SELECT title_zh FROM plan').get() as { title_zh: string }).title_zh)).toContain('（修订）');
    writer.close();
  });
});

describe('bad plans, one line', () => {
  it('a hollow plan (the marker, no tables) is refused like a damaged one, and nothing is left', () => {
    const hollow = path.join(dir, 'hollow.gmplan');
    const db = new Database(hollow);
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('app', 'gmplan');");
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.close();
    const e = refusedWith(() => Project.open(hollow));
    expect(e.code).toBe('project.damaged');
    for (const lang of ['zh', 'en'] as const) {
      const m = describeError(e, lang);
      expect(m).not.toMatch(/\n|no such table|Internal/);
    }
    expect(sidecars(hollow)).toEqual([]);
  });

  it('a damaged plan gets the same message, and nothing is left beside it', async () => {
    const { file } = await samplePlan();
    const broken = path.join(dir, 'broken.gmplan');
    const buf = fs.readFileSync(file);
    // keep the header (it still says "SQLite", version and all), scramble the pages behind it
    for (let i = 4096; i < buf.length; i += 7) buf[i] = (buf[i] * 31 + 17) & 0xff;
    fs.writeFileSync(broken, buf);
    const e = refusedWith(() => Project.open(broken, { readonly: true }));
    expect(['project.damaged', 'project.not_plan']).toContain(e.code);
    expect(describeError(e, 'en')).toMatch(/not a (green-mine )?plan file/);
    expect(sidecars(broken)).toEqual([]);
  });
});

describe('messages name the file, not its temporary twin', () => {
  it('saving into a missing folder names the folder', async () => {
    const ws = tmpDir('gmp-save-');
    const service = new StudioService({ workspace: ws, configDir: path.join(ws, 'cfg') });
    await service.create('district', '测试区');
    const target = path.join(ws, 'no', 'such', 'copy.gmplan');
    let message = '';
    try {
      await service.saveAs(target);
    } catch (e) {
      expect((e as GmpError).code).toBe('io.no_folder');
      message = describeError(e, 'en');
    }
    service.close();
    expect(message).toContain(path.join(ws, 'no', 'such'));
    expect(message).not.toMatch(/\.tmp|unable to open/);
    expect(fs.existsSync(path.join(ws, 'no'))).toBe(false);
  });
});

describe('templates cannot allocate without bound', () => {
  it('a {% tablerow %} over 30,000,000 items is refused at once', async () => {
    const { data } = await samplePlan();
    const first = data.chapters.findIndex((c) => c.lang === 'zh');
    const chapters = data.chapters.map((c, i) => (i === first ? { ...c, body: '{% tablerow i in (1..30000000) %}{{ i }}{% endtablerow %}' } : c));
    const before = process.memoryUsage().rss;
    const t = performance.now();
    // a chapter that cannot be rendered becomes a located error gap (the export refuses it)
    const doc = buildDocument({ ...data, chapters }, 'zh');
    const gap = (doc.gaps ?? []).find((g) => g.kind === 'error');
    expect(gap?.path).toBe('template.render');
    // the bound it met, in the document's language (not Liquid's own English message)
    expect(gap?.text).toContain('4,194,304 个列表项或字符');
    expect(performance.now() - t).toBeLessThan(3000);
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(200);
  });

  it('heavy chapters share one render budget: two slow loops end as located gaps within it, never seconds each', async () => {
    const { data } = await samplePlan();
    const zh = data.chapters.filter((c) => c.lang === 'zh').map((c) => c.key);
    const slow = 'ok\n{% for a in (1..5000) %}{% for b in (1..5000) %}{% endfor %}{% endfor %}';
    const chapters = data.chapters.map((c) => (c.lang === 'zh' && zh.slice(0, 2).includes(c.key) ? { ...c, body: slow } : c));
    const t = performance.now();
    const doc = buildDocument({ ...data, chapters }, 'zh');
    const spent = performance.now() - t;
    const errors = (doc.gaps ?? []).filter((g) => g.kind === 'error');
    const heavy = errors.filter((g) => zh.slice(0, 2).includes(g.chapter));
    expect(heavy).toHaveLength(2);
    // stopped by the time budget or, on a fast machine, by the memory bound first: either way worded in Chinese
    for (const g of heavy) expect(g.text).toMatch(new RegExp(`${DOCUMENT_RENDER_MS} 毫秒|个列表项或字符`));
    for (const g of heavy) expect(g.text).not.toMatch(/limit exceeded/);
    // light chapters after them still render (each keeps a small floor once the budget is spent)
    expect(errors.length).toBeLessThan(zh.length);
    // the budget is the document's, not each chapter's (before: 2 s per heavy chapter, 4 s for these two)
    expect(spent).toBeLessThan(3500);
  });
});
