// Text → pdfmake inlines: one inline per face run (layout/script-runs.ts), each with the line height
// that makes its line exactly `linePt` tall whatever face it is in, so a line of mixed Chinese and
// Latin text is as tall as a line of either (Word's "exactly N pt" line spacing).
import { face, type FaceName } from '../layout/faces.ts';
import { runsOf, textWidthPt } from '../layout/text-width.ts';
import type { RoleFaces } from '../layout/script-runs.ts';

export { textWidthPt };

export interface Inline {
  text: string;
  font: FaceName;
  lineHeight?: number;
  bold?: boolean;
  italics?: boolean;
}

/** Inlines of `text` in a role's faces; `linePt` gives every line that exact height. */
export function inlines(text: string, role: RoleFaces, sizePt: number, linePt?: number): Inline[] {
  return runsOf(text, role).map((r) => (linePt
    ? { text: r.text, font: r.font, lineHeight: linePt / (face(r.font).lineHeightPerPt * sizePt) }
    : { text: r.text, font: r.font }));
}
