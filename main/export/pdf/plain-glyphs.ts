// Drawing without shaping where shaping changes nothing. pdfkit shapes every run it draws with
// fontkit (EmbeddedFont.layoutRun: the face's substitution and positioning lookups, per word),
// which is most of the cost of drawing a plan: its Chinese text is full-width characters that
// shaping leaves as they are, and its corner-point cells are figures a face does not kern. For
// such a run (the page model's own test, faces.ts plain(): the same rule its widths are summed
// by) the glyphs are the face's own for each character, with their advances; any other run is
// shaped by pdfkit as before. tests/unit/plain-glyphs.test.ts checks the two agree, glyph for
// glyph, over every run of the sample.
import { face, type FaceName } from '../layout/faces.ts';

interface Glyph { id: number; advanceWidth: number; codePoints: number[] }
interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }
interface Run { glyphs: Glyph[]; positions: Position[]; advanceWidth: number }

/** pdfkit's embedded font (pdfkit 0.19: EmbeddedFont), the members this module uses. */
export interface PdfkitFont {
  font: { glyphForCodePoint(cp: number): Glyph };
  scale: number;
  layoutRun(text: string, features?: unknown): Run;
}

const done = new WeakSet<object>();

/** Lets `font` (the face `name` as pdfkit embedded it) lay out plain runs from the face's own glyphs. */
export function drawPlainWithoutShaping(font: PdfkitFont | undefined, name: FaceName): void {
  if (!font || done.has(font) || typeof font.layoutRun !== 'function' || !font.font) return;
  done.add(font);
  const shaped = font.layoutRun.bind(font);
  const info = face(name);
  const glyphs = new Map<number, Glyph>();
  font.layoutRun = (text: string, features?: unknown): Run => {
    if (features || !info.plain(text)) return shaped(text, features);
    const run: Run = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let g = glyphs.get(cp);
      if (!g) glyphs.set(cp, (g = font.font.glyphForCodePoint(cp)));
      const w = g.advanceWidth * font.scale;
      run.glyphs.push(g);
      run.positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
      run.advanceWidth += w;
    }
    return run;
  };
}
