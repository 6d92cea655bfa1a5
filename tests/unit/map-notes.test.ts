// The sketch maps (附图) state their coordinate system and Gauss-Krüger zone only when the plan's
// coordinates were drawn in it: a plan without coordinates gets no invented zone.
import { describe, expect, it } from 'vitest';
import { renderMaps } from '../../main/maps/index.ts';
import { samplePlan } from './helpers.ts';

const notesOf = (svg: string) => [...svg.matchAll(/<text class="note"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');

describe('sketch map notes', () => {
  it('name the projection zone for a plan with coordinates, and none for a plan without', async () => {
    const { data } = await samplePlan();
    for (const m of renderMaps(data, 'zh', undefined, { showTitle: false })) expect(notesOf(m.svg)).toMatch(/高斯-克吕格投影 3° 带 第 \d+ 带.*据规划所录拐点坐标绘制的示意图/);
    for (const m of renderMaps(data, 'en', undefined, { showTitle: false })) expect(notesOf(m.svg)).toMatch(/Gauss-Krüger 3° zone \d+.*drawn from the corner coordinates/);
    const bare = { ...data, blocks: [], mines: data.mines.map((m) => ({ ...m, location: '' })) };
    for (const lang of ['zh', 'en'] as const) {
      for (const m of renderMaps(bare, lang, undefined, { showTitle: false })) {
        const notes = notesOf(m.svg);
        expect(notes).not.toMatch(/高斯|Gauss|带|zone \d/);
        expect(notes).toMatch(lang === 'zh' ? /尚无可上图的坐标/ : /no coordinates to map/);
        // nothing was drawn, so the map does not claim to be drawn from the corner coordinates
        expect(notes).not.toMatch(lang === 'zh' ? /据规划所录拐点坐标绘制/ : /drawn from the corner coordinates/);
      }
    }
  });
});
