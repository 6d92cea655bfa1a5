// The PDF faces, one per GB/T 9704 role, embedded as subsets (the text stays searchable):
// serif body 仿宋/宋 (Noto Serif CJK SC), 黑体 (Noto Sans Hans from @embedpdf/fonts-sc), 楷体
// (AR PL UKai CN), and a Latin serif with Times New Roman's advance widths for Latin text and digits
// (the Word file's Latin face), so both formats break the same lines. The CJK and Kai files are
// subsets made by scripts/fonts/subset-fonts.py (see fonts/README.md for sources and licences).
// pdfkit does not fall back per glyph: the runs are split per face in script-runs.ts.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export type FaceName = 'serif' | 'hei' | 'heiBold' | 'kai' | 'latin' | 'latinBold' | 'latinItalic';

/** Directory of the bundled subsets: next to this module, or GMP_PDF_FONT_DIR (packaged app). */
function ownDir(): string {
  const env = process.env.GMP_PDF_FONT_DIR;
  if (env) return env;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'fonts'), path.resolve(here, '..', '..', 'main', 'export', 'pdf', 'fonts'), path.resolve(process.cwd(), 'main', 'export', 'pdf', 'fonts')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'GmpSerifSC-Regular.otf'))) ?? candidates[0];
}

export function fontDir(): string {
  const env = process.env.GMP_FONT_DIR;
  if (env) return env;
  // The package does not export its package.json: resolve the main entry, then ../fonts.
  const main = require.resolve('@embedpdf/fonts-sc');
  return path.resolve(path.dirname(main), '..', 'fonts');
}

export function faceFiles(): Record<FaceName, string> {
  const own = ownDir();
  const hei = fontDir();
  const files: Record<FaceName, string> = {
    serif: path.join(own, 'GmpSerifSC-Regular.otf'),
    kai: path.join(own, 'GmpKaiCN-Regular.ttf'),
    latin: path.join(own, 'GmpLatinSerif-Regular.ttf'),
    latinBold: path.join(own, 'GmpLatinSerif-Bold.ttf'),
    latinItalic: path.join(own, 'GmpLatinSerif-Italic.ttf'),
    hei: path.join(hei, 'NotoSansHans-Regular.otf'),
    heiBold: path.join(hei, 'NotoSansHans-Medium.otf'),
  };
  for (const f of Object.values(files)) if (!fs.existsSync(f)) throw new Error(`font missing: ${f}`);
  return files;
}

interface FaceInfo {
  has(cp: number): boolean;
  /** pdfkit's line height of the face at 1 pt: (ascender - descender) / unitsPerEm */
  lineHeightPerPt: number;
  /** advance width of a code point in ems (0 when the face lacks it) */
  advance(cp: number): number;
}

const faces = new Map<FaceName, FaceInfo>();

/** Coverage and metrics of a face, read with fontkit (what pdfkit reads fonts with). */
export function face(name: FaceName): FaceInfo {
  let info = faces.get(name);
  if (!info) {
    const fontkit = require('fontkit') as { openSync(p: string): FontkitFont };
    const font = fontkit.openSync(faceFiles()[name]);
    const upm = font.unitsPerEm;
    const widths = new Map<number, number>();
    info = {
      has: (cp) => font.hasGlyphForCodePoint(cp),
      lineHeightPerPt: (font.ascent - font.descent) / upm,
      advance: (cp) => {
        let w = widths.get(cp);
        if (w === undefined) {
          w = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth / upm : 0;
          widths.set(cp, w);
        }
        return w;
      },
    };
    faces.set(name, info);
  }
  return info;
}

interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

/** Characters of `text` that no face of the PDF can draw (they would print as blanks). */
export function missingGlyphs(text: string, faces: FaceName[] = ['serif', 'latin', 'hei']): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '\u3000') continue;
    if (!faces.some((f) => face(f).has(cp))) missing.add(ch);
  }
  return [...missing];
}

/** Characters of `text` one face lacks (drawn by a fallback face instead). */
export function lackingIn(name: FaceName, text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && ch !== '\u3000' && !face(name).has(cp)) out.add(ch);
  }
  return [...out];
}
