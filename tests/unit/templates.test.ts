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
        expect(doc.appendices).toHaveLength(t.appendices.length);
      }
    }
  });
});
