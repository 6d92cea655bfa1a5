// Text → pdfmake inlines: one inline per face run (layout/script-runs.ts), each with the line height
// that makes its line exactly `linePt` tall whatever face it is in, so a line of mixed Chinese and
// Latin text is as tall as a line of either (Word's "exactly N pt" line spacing).
import { face, type FaceName } from '../layout/faces.ts';
import { runsOf, textWidthPt } from '../layout/text-width.ts';
import type { RoleFaces } from '../layout/script-runs.ts';

export { textWidthPt };

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Inline {
  text: string;
  font: FaceName;
  fontSize: number;
  lineHeight: number;
  alignment: Align;
  color?: string;
  noWrap: boolean;
}

// pdfmake reads some twenty style properties for every word of a text (TextInlines.measure); a
// property the inline does not state is looked up through the whole style stack, once per word and
// property (a third of the 5,000-mine PDF's layout time). So the inlines state the most of them
// they can, with pdfmake's defaults: pdfmake copies an inline's properties into each word by keyed
// stores, and V8 turns an object given more than 14 properties that way into a slow dictionary
// (twice the memory: the 5,000-mine PDF ran out of its heap). Five are the inline's own
// (font, fontSize, lineHeight, alignment, noWrap), nine these; color only where it is not black.
const DEFAULTS = { bold: false, italics: false, characterSpacing: 0, decoration: '', background: '', opacity: 1, sup: false, sub: false, preserveLeadingSpaces: false } as const;

/**
 * Inlines of `text` in a role's faces at `sizePt`; `linePt` gives every line that exact height;
 * `alignment` and `color` are the paragraph's (pdfmake aligns a line by its first inline); `noWrap`:
 * each inline is one word (a text known to fit on one line: fewer words to lay out and draw).
 */
export function inlines(text: string, role: RoleFaces, sizePt: number, linePt: number | undefined, alignment: Align, color?: string, noWrap = false): Inline[] {
  return runsOf(text, role).map((r) => {
    const i: Inline = {
      ...DEFAULTS, text: r.text, font: r.font, fontSize: sizePt, alignment, noWrap,
      lineHeight: linePt ? linePt / (face(r.font).lineHeightPerPt * sizePt) : 1,
    };
    if (color) i.color = color;
    return i;
  });
}

/** One inline of text already in one face (a line the page model broke), one word: it is not wrapped again. */
export function lineInline(text: string, font: FaceName, sizePt: number, linePt: number, alignment: Align): Inline {
  return { ...DEFAULTS, text, font, fontSize: sizePt, alignment, noWrap: true, lineHeight: linePt / (face(font).lineHeightPerPt * sizePt) };
}
