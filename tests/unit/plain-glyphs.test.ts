// The PDF draws a plain run (full-width text in a CJK face, unkerned figures) from the face's own
// glyphs instead of shaping it (pdf/plain-glyphs.ts): over every run of the sample, zh and en, and
// a corner-point cell, each such run must come out glyph for glyph and advance for advance as
// fontkit's shaping gives it; and a run that is not plain must still be shaped.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/document/build.ts';
import { bodyFlowItems, type TextItem } from '../../main/export/layout/paginate.ts';
import { face, faceFiles, type FaceName } from '../../main/export/layout/faces.ts';
import { runsOf } from '../../main/export/layout/text-width.ts';
import { typographyFor } from '../../main/export/typography.ts';
import { drawPlainWithoutShaping, type PdfkitFont } from '../../main/export/pdf/plain-glyphs.ts';
import { samplePlan } from './helpers.ts';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(p: string): PdfkitFont['font'] & { unitsPerEm: number; layout(t: string): { glyphs: { id: number; advanceWidth: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] } } };

/** A stand-in for pdfkit's embedded font: its layoutRun shapes with fontkit and scales to 1000 units, as pdfkit 0.19 does. */
function embedded(name: FaceName) {
  const font = fontkit.openSync(faceFiles()[name]);
  const scale = 1000 / font.unitsPerEm;
  let shapedCalls = 0;
  const f = {
    font, scale,
    layoutRun(text: string) {
      shapedCalls++;
      const run = font.layout(text);
      return {
        glyphs: run.glyphs,
        positions: run.positions.map((p, i) => ({ xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: run.glyphs[i].advanceWidth * scale })),
        advanceWidth: run.positions.reduce((a, p) => a + p.xAdvance * scale, 0),
      };
    },
  };
  const shaped = f.layoutRun.bind(f);
  drawPlainWithoutShaping(f as unknown as PdfkitFont, name);
  return { font: f as unknown as PdfkitFont, shaped, calls: () => shapedCalls };
}

/** pdfkit's words: a run cut after each space or tab. */
const words = (text: string) => text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? [];

const chunks = new Map<FaceName, Set<string>>();
beforeAll(async () => {
  const data = (await samplePlan()).data;
  for (const lang of ['zh', 'en'] as const) {
    const doc = buildDocument(data, lang);
    const ty = typographyFor(lang);
    const add = (font: FaceName, text: string) => {
      if (!chunks.has(font)) chunks.set(font, new Set());
      for (const w of words(text)) chunks.get(font)!.add(w);
    };
    for (const it of bodyFlowItems(doc)) if (it.kind === 'text') for (const r of (it as TextItem).set?.runs ?? []) add(r.font, r.text);
    for (const t of doc.appendices) for (const row of t.rows) for (const c of row) for (const r of runsOf(c.text, ty.table.pdf)) add(r.font, r.text);
  }
  add2('latin', '1, 4412345.678, 37512345.678; 2, 4412399.001, 37512300.5; ');
  function add2(font: FaceName, text: string) {
    for (const w of words(text)) chunks.get(font)!.add(w);
  }
}, 300_000);

describe('plain runs drawn without shaping', () => {
  it('are the glyphs and advances shaping gives, for every plain run of the sample in every face', () => {
    let plain = 0;
    let other = 0;
    for (const [name, set] of chunks) {
      const e = embedded(name);
      for (const text of set) {
        const before = e.calls();
        const mine = e.font.layoutRun(text);
        if (!face(name).plain(text)) {
          expect(e.calls(), `${name} ${text} is shaped`).toBe(before + 1);
          other++;
          continue;
        }
        expect(e.calls(), `${name} ${text} is not shaped`).toBe(before);
        const ref = e.shaped(text);
        expect(mine.glyphs.map((g) => g.id), `${name} ${text}`).toEqual(ref.glyphs.map((g) => g.id));
        mine.positions.forEach((p, i) => {
          const q = ref.positions[i];
          expect(p.xAdvance).toBeCloseTo(q.xAdvance, 6);
          expect([p.yAdvance, p.xOffset, p.yOffset]).toEqual([q.yAdvance, q.xOffset, q.yOffset]);
        });
        expect(mine.advanceWidth).toBeCloseTo(ref.advanceWidth, 6);
        plain++;
      }
    }
    // most of a Chinese plan is plain text; the rest is still shaped
    expect(plain).toBeGreaterThan(300);
    expect(other).toBeGreaterThan(50);
  });
});
