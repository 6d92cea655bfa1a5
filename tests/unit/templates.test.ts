// Templates are data, not code: sandboxed Liquid, located errors, and every bundled template renders.
import { describe, expect, it } from 'vitest';
import { engineFor, renderTemplate } from '../../main/compose/engine.ts';
import { listTemplateIds, loadTemplate } from '../../main/compose/templates.ts';
import { buildDocument } from '../../main/document/build.ts';
import { GmpError } from '../../main/domain/errors.ts';
import { samplePlan } from './helpers.ts';

const engine = engineFor('zh', { appendixLabel: (k) => `附表(${k})` });

describe('template language', () => {
  it('binds facts through domain filters', () => {
    const out = renderTemplate(engine, '{{ n | cn_num }}|{{ d | issue_date }}|{{ u | unit }}|{{ p | pct }}|{{ "licences" | appendix }}', { n: 23, d: '2023-07', u: '10km3_a', p: '87.80' }, 't.md');
    expect(out).toBe('二十三|二〇二三年七月|万m³/年|87.80%|附表(licences)');
  });

  it('cannot include files or reach outside its data', () => {
    expect(() => renderTemplate(engine, "{% include 'package.json' %}", {}, 't.md')).toThrow(GmpError);
    expect(() => renderTemplate(engine, "{% render '/etc/passwd' %}", {}, 't.md')).toThrow(GmpError);
    // prototype properties are not visible (strict variables make it an error)
    expect(() => renderTemplate(engine, '{{ x.constructor }}', { x: {} }, 't.md')).toThrow(GmpError);
  });

  it('reports a typo with file and line', () => {
    try {
      renderTemplate(engine, 'line one\n{{ f.mines.totl }}', { f: { mines: { total: 1 } } }, 'status.zh.md');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(GmpError);
      expect((e as GmpError).params.file).toBe('status.zh.md');
      expect((e as GmpError).params.line).toBe(2);
    }
    expect(() => renderTemplate(engine, '{% if %}', {}, 'x.md')).toThrow(GmpError);
  });

  it('every bundled template has zh and en twins with the same chapters, and renders on the sample data', async () => {
    const { data } = await samplePlan();
    expect(listTemplateIds()).toEqual(['banner', 'district']);
    for (const id of listTemplateIds()) {
      const t = loadTemplate(id);
      for (const c of t.chapters) {
        expect(c.title.zh).not.toBe('');
        expect(c.title.en).not.toBe('');
      }
      const planData = structuredClone(data);
      planData.appendices = t.appendices;
      planData.chapters = t.chapters.flatMap((c, i) => (['zh', 'en'] as const).map((lang) => ({
        id: i, sort: i, key: c.key, lang, title: c.title[lang], numbered: c.numbered, body: c.body[lang], origin: id, updated_at: '',
      })));
      for (const lang of ['zh', 'en'] as const) {
        const doc = buildDocument(planData, lang);
        expect(doc.body.filter((b) => b.kind === 'heading' && b.level === 1)).toHaveLength(t.chapters.length);
        // appendix maps ("map:…") become figures, the rest tables
        expect(doc.figures.length + doc.appendices.length).toBe(t.appendices.length);
        expect(doc.figures).toHaveLength(t.appendices.filter((k) => k.startsWith('map:')).length);
      }
    }
  });
});

describe('a plan\'s chapters saved as a template', () => {
  it('writes both languages and the appendix list, and a new plan made from it carries the edited text', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { tmpDir } = await import('./helpers.ts');
    const { Project } = await import('../../main/store/project.ts');
    const { saveAsTemplate } = await import('../../main/review/save-template.ts');
    const { createPlanFile, defaultPlan } = await import('../../main/compose/new-plan.ts');
    const { updateChapterText, listChapters } = await import('../../main/store/plan-repo.ts');
    const previous = process.env.GMP_USER_TEMPLATES_DIR;
    process.env.GMP_USER_TEMPLATES_DIR = tmpDir('gmp-tpl-');
    const { file } = await samplePlan();
    const copy = path.join(tmpDir(), 'p.gmplan');
    fs.copyFileSync(file, copy);
    const p = Project.open(copy);
    p.tx(() => updateChapterText(p.db, 'safeguards', 'zh', { body: '### 加强组织领导\n\n本旗另设专班。\n' }));
    const dir = saveAsTemplate(p, 'ejin-2023');
    expect(() => saveAsTemplate(p, 'ejin-2023')).toThrow(GmpError);
    expect(() => saveAsTemplate(p, 'Bad Id')).toThrow(GmpError);
    p.close();
    expect(fs.readdirSync(path.join(dir, 'zh'))).toHaveLength(7);
    expect(listTemplateIds()).toContain('ejin-2023');
    const t = loadTemplate('ejin-2023');
    expect(t.appendices).toHaveLength(11); // 3 maps and 8 tables
    expect(t.chapters[0].numbered).toBe(false);
    const f2 = path.join(tmpDir(), 'new.gmplan');
    await createPlanFile(f2, defaultPlan('ejin-2023', '某旗'));
    const p2 = Project.open(f2, { readonly: true });
    expect(listChapters(p2.db, 'zh').find((c) => c.key === 'safeguards')?.body).toContain('本旗另设专班。');
    p2.close();
    process.env.GMP_USER_TEMPLATES_DIR = previous;
  });
});
