// Figures (附图) in the PDF: each on its own page, landscape when the map is wide, the SVG drawn as
// vectors by pdfmake (svg-to-pdfkit) in the bundled Hei face (the full face if a label needs it), scaled down only if the page is smaller.
import type { Content } from 'pdfmake/interfaces';
import type { FigureBlock, PlanDocument } from '../../document/ir.ts';
import { captionText } from '../../document/numbering.ts';
import { PAGE, mmToPt } from '../typography.ts';
import { face } from '../layout/faces.ts';

/** The 黑体 subset when it has every character of the map's labels, else the full face. */
function svgFace(svg: string): 'hei' | 'heiFull' {
  const hei = face('hei');
  for (const m of svg.matchAll(/>([^<>]+)</g)) {
    for (const ch of m[1]) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0x20 && !hei.has(cp)) return 'heiFull';
    }
  }
  return 'hei';
}

/** The text box of a page: a landscape page turns the portrait margins, as the Word file does. */
export function pdfTextBox(landscape: boolean): { width: number; height: number } {
  return landscape
    ? { width: mmToPt(PAGE.heightMm - (PAGE.topMm - 10) - (PAGE.bottomMm - 10)), height: mmToPt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm) }
    : { width: mmToPt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm), height: mmToPt(PAGE.heightMm - PAGE.topMm - PAGE.bottomMm) };
}

type Margins = [number, number, number, number];

/** One section per figure (its own page, orientation and margins). */
export function figureContent(f: FigureBlock, lang: PlanDocument['lang'], caption: (text: string) => Content, margins: (landscape: boolean) => Margins): Content {
  const box = pdfTextBox(f.landscape);
  const room = box.height - 48; // the caption's line and its margins
  const scale = Math.min(1, box.width / f.width, room / f.height);
  return {
    section: [
      { ...(caption(captionText(f.label, f.title, lang)) as object), id: f.id } as Content,
      { svg: f.svg, width: f.width * scale, height: f.height * scale, font: svgFace(f.svg), alignment: 'center' } as unknown as Content,
    ],
    pageOrientation: f.landscape ? 'landscape' : 'portrait',
    pageMargins: margins(f.landscape),
  } as unknown as Content;
}

/** The document's figures, each on its own page. */
export function figurePages(doc: PlanDocument, caption: (text: string) => Content, margins: (landscape: boolean) => Margins): Content[] {
  return (doc.figures ?? []).map((f) => figureContent(f, doc.lang, caption, margins));
}
