// The faces of the layout and of the PDF, one per GB/T 9704 role, embedded as subsets (the text stays searchable):
// serif body 仿宋/宋 (Noto Serif CJK SC), 黑体 (Noto Sans Hans from @embedpdf/fonts-sc), 楷体
// (AR PL UKai CN), and a Latin serif with Times New Roman's advance widths for Latin text and digits
// (the Word file's Latin face), so both formats break the same lines. The CJK and Kai files are
// subsets made by scripts/fonts/subset-fonts.py (see fonts/README.md for sources and licences), with
// TrueType outlines: pdfkit's subsetting (fontkit) of a CFF face costs a fixed 0.2 s or more per face
// and export, a TrueType face only its glyphs. The full Noto Sans Hans (CFF) stays the fallback
// `heiFull` for characters beyond the subsets; it is embedded only in a PDF that uses it.
// pdfkit does not fall back per glyph: the runs are split per face in script-runs.ts.
// The files stay in export/pdf/fonts (they are packed with the app); their metrics are read here,
// below both renderers, for the page model (layout/paginate.ts) and the tables' column widths.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { diskMemo, fileIdentity } from '../../files/disk-memo.ts';

const require = createRequire(import.meta.url);

export type FaceName = 'serif' | 'hei' | 'heiBold' | 'kai' | 'latin' | 'latinBold' | 'latinItalic' | 'heiFull';

/** Directory of the bundled subsets: next to this module, or GMP_PDF_FONT_DIR (packaged app). */
function ownDir(): string {
  const env = process.env.GMP_PDF_FONT_DIR;
  if (env) return env;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'fonts'), path.resolve(here, '..', 'pdf', 'fonts'), path.resolve(here, '..', '..', 'main', 'export', 'pdf', 'fonts'), path.resolve(process.cwd(), 'main', 'export', 'pdf', 'fonts')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'GmpSerifSC-Regular.ttf'))) ?? candidates[0];
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
    serif: path.join(own, 'GmpSerifSC-Regular.ttf'),
    kai: path.join(own, 'GmpKaiCN-Regular.ttf'),
    latin: path.join(own, 'GmpLatinSerif-Regular.ttf'),
    latinBold: path.join(own, 'GmpLatinSerif-Bold.ttf'),
    latinItalic: path.join(own, 'GmpLatinSerif-Italic.ttf'),
    hei: path.join(own, 'GmpSansSC-Regular.ttf'),
    heiBold: path.join(own, 'GmpSansSC-Medium.ttf'),
    heiFull: path.join(hei, 'NotoSansHans-Regular.otf'),
  };
  for (const f of Object.values(files)) if (!fs.existsSync(f)) throw new Error(`font missing: ${f}`);
  return files;
}

interface FaceInfo {
  has(cp: number): boolean;
  /**
   * Width in ems of a string as pdfkit measures it (widthOfString): the sum of its space-delimited
   * chunks, each shaped by fontkit (kerning, ligatures). Chunks are cached for the process; a chunk
   * of a CJK face made only of full-width characters is the sum of its advances (shaping changes
   * nothing there, and that skips the CJK faces' large substitution tables).
   */
  width(text: string): number;
  /** pdfkit's line height of the face at 1 pt: (ascender - descender) / unitsPerEm */
  lineHeightPerPt: number;
  /** the face's ascender at 1 pt (where pdfkit puts the baseline below a line's top) */
  ascentPerPt: number;
  /** advance width of a code point in ems (0 when the face lacks it) */
  advance(cp: number): number;
  /**
   * Whether shaping leaves this chunk as its characters' own glyphs and advances (full-width text
   * in a CJK face; figures in a face that kerns none of their pairs): what width() sums without
   * shaping, and what the PDF may draw without shaping (pdf/plain-glyphs.ts).
   */
  plain(chunk: string): boolean;
}

const faces = new Map<FaceName, FaceInfo>();

/** Bumped when what the memo keeps is measured differently. */
const MEMO_VERSION = 1;

/** Coverage and metrics of a face, read with fontkit (what pdfkit reads fonts with). */
export function face(name: FaceName): FaceInfo {
  let info = faces.get(name);
  if (!info) {
    // fontkit and the face are opened only for what the disk memo (files/disk-memo.ts) has not
    // kept from an earlier export: the same numbers, measured once per face file
    const file = faceFiles()[name];
    const memo = diskMemo(`face-${MEMO_VERSION}-${name}`, fileIdentity(file));
    let opened: FontkitFont | null = null;
    const font = (): FontkitFont => {
      if (!opened) opened = (require('fontkit') as { openSync(p: string): FontkitFont }).openSync(file);
      return opened;
    };
    const remembered = (key: string, compute: () => number): number => {
      let v = memo.get(key);
      if (v === undefined) {
        v = compute();
        memo.set(key, v);
      }
      return v;
    };
    const upm = () => remembered('upm', () => font().unitsPerEm);
    const widths = new Map<number, number>();
    const chunks = new Map<string, number>();
    const advance = (cp: number) => {
      let w = widths.get(cp);
      if (w === undefined) {
        w = remembered(`a${cp}`, () => (font().hasGlyphForCodePoint(cp) ? font().glyphForCodePoint(cp).advanceWidth / upm() : 0));
        widths.set(cp, w);
      }
      return w;
    };
    const cjkFace = name === 'serif' || name === 'kai' || name === 'hei' || name === 'heiBold' || name === 'heiFull';
    const shaped = (text: string, script?: string) => font().layout(text, undefined, script).advanceWidth / upm();
    // Kerning is an adjustment between two neighbours: measured once per pair, by shaping the pair
    // in the chunk's script (fontkit picks the script from the first letter; digits alone are
    // "common", and some pairs, 11, are kerned only in Latin script).
    const pairs = new Map<string, number>();
    const pair = (a: string, b: string, script: string) => {
      const key = script + a + b;
      let k = pairs.get(key);
      if (k === undefined) {
        k = remembered(`p${key}`, () => {
          const d = shaped(a + b, script) - advance(a.codePointAt(0)!) - advance(b.codePointAt(0)!);
          return Math.abs(d) < 1e-12 ? 0 : d;
        });
        pairs.set(key, k);
      }
      return k;
    };
    // Figures (digits, separators, spaces) whose pairs this face does not kern, in either script
    // the chunk may be shaped in: a chunk made only of them is the sum of its advances, measured
    // without a cache (a cell of thousands of corner points is tens of thousands of such chunks).
    let plain: Set<number> | null = null;
    const plainSet = (): Set<number> => {
      if (!plain) {
        const chars = [...PLAIN_CANDIDATES].filter((c) => advance(c.codePointAt(0)!) > 0);
        const kerned = new Set<string>();
        for (const a of chars) for (const b of chars) for (const script of ['latn', 'zyyy']) if (pair(a, b, script) !== 0) kerned.add(a).add(b);
        plain = new Set(chars.filter((c) => !kerned.has(c)).map((c) => c.codePointAt(0)!));
      }
      return plain;
    };
    const plainWidth = (chunk: string): number => {
      const set = plainSet();
      let w = 0;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (!set.has(c)) return -1;
        w += advance(c);
      }
      return w;
    };
    const chunkWidth = (chunk: string): number => {
      if (!cjkFace) {
        const p = plainWidth(chunk);
        if (p >= 0) return p;
      }
      let w = chunks.get(chunk);
      if (w === undefined) {
        if (cjkFace && FULL_WIDTH.test(chunk)) {
          w = 0;
          for (const ch of chunk) w += advance(ch.codePointAt(0)!);
        } else if (!cjkFace && PAIRWISE.test(chunk)) {
          // Latin text: advances plus pair kerning (the same sum as shaping the chunk; ligatures
          // and anything beyond Latin-1 are shaped whole below)
          w = 0;
          let prev = '';
          const script = LETTER.test(chunk) ? 'latn' : 'zyyy';
          for (const ch of chunk) {
            w += advance(ch.codePointAt(0)!);
            if (prev) w += pair(prev, ch, script);
            prev = ch;
          }
        } else {
          w = remembered(`s${chunk}`, () => shaped(chunk));
        }
        if (chunks.size > 50000) chunks.clear();
        chunks.set(chunk, w);
      }
      return w;
    };
    const coverage = new Map<number, boolean>();
    info = {
      has: (cp) => {
        let v = coverage.get(cp);
        if (v === undefined) {
          v = remembered(`h${cp}`, () => (font().hasGlyphForCodePoint(cp) ? 1 : 0)) === 1;
          coverage.set(cp, v);
        }
        return v;
      },
      width: (text) => {
        // pdfkit's EmbeddedFont.layout: chunks end after each space or tab
        let w = 0;
        let last = 0;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 32 || c === 9) {
            w += chunkWidth(text.slice(last, i + 1));
            last = i + 1;
          }
        }
        if (last < text.length) w += chunkWidth(text.slice(last));
        return w;
      },
      lineHeightPerPt: remembered('lineHeight', () => (font().ascent - font().descent) / upm()),
      ascentPerPt: remembered('ascent', () => font().ascent / upm()),
      advance,
      plain: (chunk) => {
        if (!chunk) return false;
        if (cjkFace) {
          if (!FULL_WIDTH.test(chunk)) return false;
          for (const ch of chunk) if (advance(ch.codePointAt(0)!) <= 0) return false;
          return true;
        }
        return plainWidth(chunk) >= 0;
      },
    };
    faces.set(name, info);
  }
  return info;
}

/** Characters a figure is made of (corner points, areas, dates): measured without shaping when the face kerns none of their pairs. */
const PLAIN_CANDIDATES = '0123456789.,;: -';

/** Latin-1 text without the letter pairs that the Latin faces set as ligatures (fi, fl, ff). */
const PAIRWISE = /^(?!.*f[fil])[\u0020-\u007e\u00a0-\u00ff]+$/su;

const LETTER = /[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/;

/** Han, kana, CJK symbols, full-width forms and the curly quotes (full width in the CJK faces) only. */
const FULL_WIDTH = /^[\u2018-\u201d\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+$/u;

interface FontkitFont {
  unitsPerEm: number;
  layout(text: string, features?: string[], script?: string): { advanceWidth: number };
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

/** Characters of `text` that no face of the PDF can draw (they would print as blanks). */
export function missingGlyphs(text: string, faces: FaceName[] = ['serif', 'latin', 'hei', 'heiFull']): string[] {
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
