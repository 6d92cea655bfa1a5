// Text widths for label boxes, from the advance widths of the face the maps are set in (the bundled
// Noto Sans Hans, read with fontkit as pdfkit reads it), so the boxes hold in the PDF and the PNG.
import path from 'node:path';
import { createRequire } from 'node:module';
import { diskMemo, fileIdentity, type DiskMemo } from '../files/disk-memo.ts';

const require = createRequire(import.meta.url);

/** The bundled CJK face (same resolution as the PDF exporter's). */
export function mapFontFile(): string {
  const dir = process.env.GMP_FONT_DIR ?? (bundledDir ??= path.resolve(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts'));
  return path.join(dir, 'NotoSansHans-Regular.otf');
}
// resolved once per process (a module resolution costs milliseconds in a fresh one)
let bundledDir: string | null = null;

/** The family name the SVG asks for first (the bundled face's own name), then common CJK faces. */
export const MAP_FONT_FAMILY = "'Noto Sans S Chinese', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif";

interface Font { unitsPerEm: number; glyphForCodePoint(cp: number): { advanceWidth: number } }
let font: Font | null = null;
const cache = new Map<number, number>();

// widths of whole texts in em (the same names are measured for each of a plan's maps)
const texts = new Map<string, number>();

/** Width of `text` at `size`, in the same units as `size`. */
export function textWidth(text: string, size: number): number {
  let em = texts.get(text);
  if (em === undefined) {
    em = emWidth(text);
    if (texts.size > 50_000) texts.clear();
    texts.set(text, em);
  }
  return em * size;
}

// advances kept on disk between exports (files/disk-memo.ts): the face is opened with fontkit only
// for characters no earlier export measured
let memo: DiskMemo | null = null;

function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += advanceEm(ch.codePointAt(0)!);
  return w;
}

/** The advance of one character in em (what textWidth adds up, character by character). */
export function advanceEm(cp: number): number {
  let a = cache.get(cp);
  if (a === undefined) {
    memo ??= diskMemo('map-face-1', fileIdentity(mapFontFile()));
    a = memo.get(`a${cp}`);
    if (a === undefined) {
      if (!font) font = (require('fontkit') as { openSync(p: string): Font }).openSync(mapFontFile());
      a = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      memo.set(`a${cp}`, a);
    }
    if (!a) a = cp > 0x2e80 ? 1 : 0.55;
    cache.set(cp, a);
  }
  return a;
}
