// Text → pdfmake inlines: one inline per face run (script-runs.ts), each with the line height
// that makes its line exactly `linePt` tall whatever face it is in, so a line of mixed Chinese and
// Latin text is as tall as a line of either (Word's "exactly N pt" line spacing).
import { face, type FaceName } from './fonts.ts';
import { faceRuns, type RoleFaces } from './script-runs.ts';

export interface Inline {
  text: string;
  font: FaceName;
  lineHeight?: number;
  bold?: boolean;
  italics?: boolean;
}

const cache = new Map<string, { text: string; font: FaceName }[]>();

function runsOf(text: string, role: RoleFaces) {
  const key = `${role.cjk}|${role.latin}|${text}`;
  let runs = cache.get(key);
  if (!runs) {
    runs = faceRuns(text, role);
    if (cache.size > 20000) cache.clear();
    cache.set(key, runs);
  }
  return runs;
}

/** Inlines of `text` in a role's faces; `linePt` gives every line that exact height. */
export function inlines(text: string, role: RoleFaces, sizePt: number, linePt?: number): Inline[] {
  return runsOf(text, role).map((r) => (linePt
    ? { text: r.text, font: r.font, lineHeight: linePt / (face(r.font).lineHeightPerPt * sizePt) }
    : { text: r.text, font: r.font }));
}

/** Width of a string in points, set in a role's faces (the widths pdfkit will use). */
export function textWidthPt(text: string, role: RoleFaces, sizePt: number): number {
  let w = 0;
  for (const r of runsOf(text, role)) {
    const f = face(r.font);
    for (const ch of r.text) w += f.advance(ch.codePointAt(0)!) * sizePt;
  }
  return w;
}
