// Text split into face runs (script-runs.ts), cached, and the width of a string set in a role's
// faces. Shared by the page model, the tables' column widths and the PDF's inlines.
import { face, type FaceName } from './faces.ts';
import { faceRuns, type RoleFaces } from './script-runs.ts';
import type { FaceSpec } from '../typography.ts';

const cache = new Map<string, { text: string; font: FaceName }[]>();

/** The face runs of a text in a role's faces (cached: tables repeat their values). */
export function runsOf(text: string, role: RoleFaces): { text: string; font: FaceName }[] {
  const key = `${role.cjk}|${role.latin}|${text}`;
  let runs = cache.get(key);
  if (!runs) {
    runs = faceRuns(text, role);
    if (cache.size > 20000) cache.clear();
    cache.set(key, runs);
  }
  return runs;
}

/** Width of a string in points from its glyphs' advance widths (no kerning): the tables' measure. */
export function textWidthPt(text: string, role: RoleFaces, sizePt: number): number {
  // printable ASCII the Latin face has (figures, codes, corner points): its advances, without
  // splitting it into runs (and filling the run cache with the tokens of a long cell)
  const latin = face(role.latin);
  let ascii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c > 0x20 && !latin.has(c))) {
      ascii = -1;
      break;
    }
    ascii += latin.advance(c) * sizePt;
  }
  if (ascii >= 0) return ascii;
  let w = 0;
  for (const r of runsOf(text, role)) {
    const f = face(r.font);
    for (const ch of r.text) w += f.advance(ch.codePointAt(0)!) * sizePt;
  }
  return w;
}

/** The faces of a FaceSpec, with bold/italic emphasis picking the Latin bold/italic face. */
export function roleFor(f: FaceSpec, emphasis: { bold?: boolean; italic?: boolean } = {}): RoleFaces {
  const role: RoleFaces = f.pdf;
  if (emphasis.bold) return { cjk: role.cjk === 'hei' ? 'heiBold' : role.cjk, latin: 'latinBold' };
  if (emphasis.italic) return { ...role, latin: 'latinItalic' };
  return role;
}
