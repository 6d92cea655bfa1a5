// The CJK face that ships with the app: Noto Sans Hans (SIL OFL 1.1) from the npm package
// @embedpdf/fonts-sc, a real Regular and Bold (no synthetic bold). It covers Latin and digits too,
// since pdfkit does not fall back per glyph. Embedded as a subset; the text stays searchable.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function fontDir(): string {
  const env = process.env.GMP_FONT_DIR;
  if (env) return env;
  // The package does not export its package.json: resolve the main entry, then ../fonts.
  const main = require.resolve('@embedpdf/fonts-sc');
  return path.resolve(path.dirname(main), '..', 'fonts');
}

export interface FontFiles {
  normal: string;
  bold: string;
}

export function fontFiles(): FontFiles {
  const dir = fontDir();
  const files = { normal: path.join(dir, 'NotoSansHans-Regular.otf'), bold: path.join(dir, 'NotoSansHans-Medium.otf') };
  for (const f of Object.values(files)) if (!fs.existsSync(f)) throw new Error(`font missing: ${f}`);
  return files;
}

let coverage: { has(cp: number): boolean } | null = null;

/** Characters of `text` the bundled font has no glyph for (they would print as blanks in the PDF). */
export function missingGlyphs(text: string): string[] {
  if (!coverage) {
    // fontkit is what pdfkit reads fonts with; asking it here gives the same answer pdfkit will
    const fontkit = require('fontkit') as { openSync(path: string): { hasGlyphForCodePoint(cp: number): boolean } };
    const font = fontkit.openSync(fontFiles().normal);
    coverage = { has: (cp) => font.hasGlyphForCodePoint(cp) };
  }
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '\u3000') continue;
    if (!coverage.has(cp)) missing.add(ch);
  }
  return [...missing];
}
