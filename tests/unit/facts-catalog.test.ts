// The catalogue of bindable figures, the check of a chapter as typed, and broken bindings reported in
// the user's language with the chapter and line — in the checks too, without silencing the others.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factCatalog, catalogMarkdown } from '../../main/compose/catalog.ts';
import { checkChapter, scanLiquid } from '../../main/compose/bindings.ts';
import { runChecks } from '../../main/checks/run-checks.ts';
import { buildDocument } from '../../main/document/build.ts';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { computeFacts } from '../../main/facts/plan-facts.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const withChapter = (data: PlanData, key: string, lang: 'zh' | 'en', body: (b: string) => string): PlanData => ({
  ...data,
  chapters: data.chapters.map((c) => (c.key === key && c.lang === lang ? { ...c, body: body(c.body) } : c)),
});

describe('facts catalogue', () => {
  it('lists every figure the bundled chapters bind, labelled in both languages, with its current value', async () => {
    const { data } = await samplePlan();
    const cat = factCatalog(data);
    const byPath = new Map(cat.map((e) => [e.path, e]));
    const total = byPath.get('f.mines.total')!;
    expect(total.label).toEqual({ zh: '矿山总数', en: 'Number of mines' });
    expect(total.value.zh).toBe(String(computeFacts(data).mines.total));
    expect(byPath.get('f.mines.byScale.large.percent')!).toMatchObject({
      label: { zh: '大型矿山占比', en: 'Share of large mines' },
      insert: { zh: '{{ f.mines.byScale.large.percent | pct }}' },
      value: { zh: `${computeFacts(data).mines.byScale.large.percent}%` },
    });
    for (const e of cat) {
      expect(e.label.zh, e.path).not.toMatch(/[a-z]{3,}/i);
      expect(e.label.en, e.path).not.toMatch(/[\u4e00-\u9fff]/);
      expect(e.groupLabel.zh && e.groupLabel.en, e.path).toBeTruthy();
      expect(e.description.zh && e.description.en, e.path).toBeTruthy();
    }
    // every plain fact a bundled chapter binds is in the list
    const bound = new Set<string>();
    for (const c of data.chapters) {
      for (const t of scanLiquid(c.body)) {
        const m = /^\{\{\s*((?:f|plan|profile)\.[\w.]+)/.exec(t.src);
        if (m) bound.add(m[1]);
      }
    }
    expect(bound.size).toBeGreaterThan(40);
    for (const p of bound) expect(byPath.has(p), p).toBe(true);
    const md = catalogMarkdown(cat, 'en');
    expect(md).toContain('| Number of mines | `{{ f.mines.total }}` |');
    expect(md).toContain('`pct`');
  });
});

describe('a chapter checked as it is typed', () => {
  it('gives each binding its value and flags a misspelt one in the user\'s language with a suggestion', async () => {
    const { data } = await samplePlan();
    const body = '共有矿山 {{ f.mines.total }} 个，大型 {{ f.mines.byScale.large.percent | pct }}。\n\n{{ f.mine.total }}，{{ f.mines.total | pcx }}\n\n{% for z in zones %}{{ z.name }}{% endfor %}';
    const r = checkChapter(data, 'zh', body, '现状与形势');
    const by = new Map(r.outputs.map((o) => [o.src, o]));
    expect(by.get('{{ f.mines.total }}')).toMatchObject({ value: String(computeFacts(data).mines.total), label: { zh: '矿山总数' } });
    expect(by.get('{{ f.mine.total }}')!.error!.zh).toBe('没有名为“f.mine”的数据项，是否应为矿山总数（f.mines.total）？');
    expect(by.get('{{ f.mine.total }}')!.error!.en).toContain('did you mean Number of mines (f.mines.total)?');
    expect(by.get('{{ f.mine.total }}')!.fix).toBe('{{ f.mines.total }}');
    expect(by.get('{{ f.mines.total | pcx }}')!.error!.zh).toContain('“pcx”');
    expect(by.get('{{ z.name }}')).toMatchObject({ loop: true, value: data.zones[0].name_zh });
    expect(r.errors.map((e) => e.line)).toEqual([3, 3]);
    expect(r.errors[0].message.zh).toMatch(/^章节“现状与形势”正文第 3 行：/);
    expect(r.errors[0].message.en).toMatch(/^Chapter “现状与形势”, line 3 of its text: There is no figure called “f\.mine”/);
    expect(checkChapter(data, 'zh', '{% for x in %}', 'T').errors).toHaveLength(1);
  });

  it('a broken binding renders as a located placeholder and is listed with its chapter and line (the export refuses only unrenderable chapters)', async () => {
    const { data } = await samplePlan();
    const broken = withChapter(data, 'status', 'zh', (b) => b.replace('{{ f.mines.total }}', '{{ f.mine.total }}'));
    const doc = buildDocument(broken, 'zh');
    const gap = (doc.gaps ?? []).find((g) => g.path.startsWith('f.mine') && g.chapter === 'status');
    expect(gap).toBeTruthy();
    expect(gap!.kind).not.toBe('error');
    expect(gap!.line).toBeGreaterThan(0);
    expect(JSON.stringify(doc.body)).toContain('【未知数据项：f.mine');
    expect(gap!.text).not.toMatch(/\.md|undefined variable/);
  });

  it('the checks report the broken binding and still catch a typed figure the data contradicts', async () => {
    const { data } = await samplePlan();
    const total = computeFacts(data).mines.total;
    const broken = withChapter(data, 'status', 'zh', (b) => `${b}\n\n另据统计，全旗共有矿山 ${total + 5} 个。{{ f.mine.total }}\n`);
    const findings = runChecks(broken);
    const rules = findings.map((f) => f.rule);
    expect(rules).toContain('chapter.binding_broken');
    const mismatch = findings.find((f) => f.rule === 'chapter.figure_mismatch')!;
    expect(mismatch.message.zh).toContain(`共有矿山 ${total + 5} 个`);
    const b = findings.find((f) => f.rule === 'chapter.binding_broken')!;
    expect(b.message.zh).toMatch(/正文第 \d+ 行：没有名为“f\.mine”的数据项/);
    expect(b.message.en).toMatch(/There is no figure called “f\.mine”/);
    expect(runChecks(data).filter((f) => f.rule.startsWith('chapter.'))).toEqual([]);
  });

  it('is one API call each, validated by the contract', async () => {
    const { file } = await samplePlan();
    const service = new StudioService({ workspace: tmpDir('gmp-ws-'), configDir: path.join(tmpDir(), 'cfg') });
    await dispatch(service, 'plan.open', { file });
    const cat = (await dispatch(service, 'facts.catalog', {})) as { ok: true; result: { entries: { path: string }[]; filters: { name: string }[] } };
    expect(cat.result.entries.some((e) => e.path === 'f.green.built')).toBe(true);
    expect(cat.result.filters.map((f) => f.name)).toContain('join_list');
    const chk = await dispatch(service, 'chapters.check', { lang: 'en', body: '{{ f.green.bilt }}', title: 'Targets' }, 'en');
    expect(chk).toMatchObject({ ok: true, result: { errors: [{ line: 1 }] } });
    expect(await dispatch(service, 'chapters.check', { lang: 'xx', body: '' })).toMatchObject({ ok: false, error: { code: 'api.bad_args' } });
    const md = (await dispatch(service, 'facts.catalogMarkdown', { lang: 'zh' })) as { ok: true; result: string };
    expect(md.result).toContain('# 章节模板可用的数据项');
    service.close();
  });
});
