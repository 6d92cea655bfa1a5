// Figures (附图) in the PDF: each on its own page, landscape when the map is wide, its caption on
// top, the SVG drawn as vectors by svg-to-pdfkit (the copy pdfmake ships) in the bundled Hei face
// (the full face if a label needs it), scaled down only if the page is smaller.
import { createRequire } from 'node:module';
import type { FigureBlock } from '../../document/ir.ts';
import { face } from '../layout/faces.ts';
import { textBox } from '../layout/geometry.ts';
import type { TextItem } from '../layout/paginate.ts';
import { drawItemLine, itemLines, type Frame } from './draw-pdf.ts';

const require = createRequire(import.meta.url);
type SvgToPdfkit = (doc: unknown, svg: string, x: number, y: number, options: Record<string, unknown>) => void;
const svgToPdfkit = (require('pdfmake/js/3rd-party/svg-to-pdfkit.js') as { default: SvgToPdfkit }).default;

/** Space above a figure's caption, pt. */
export const figureCaptionTop = 8;

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
export const pdfTextBox = textBox;

/** Draws a figure page's content: the caption, then the map centred below it. */
export function drawFigure(f: Frame, fig: FigureBlock, caption: TextItem): void {
  const box = textBox(fig.landscape);
  let y = caption.top;
  const lines = itemLines(caption).length;
  for (let l = 0; l < lines; l++) {
    drawItemLine(f, caption, l, y);
    y += caption.lineH;
  }
  y += caption.bottom;
  const room = box.height - 48; // the caption's line and its margins
  const scale = Math.min(1, box.width / fig.width, room / fig.height);
  const w = fig.width * scale;
  const h = fig.height * scale;
  const font = svgFace(fig.svg);
  svgToPdfkit(f.pdf, fig.svg, f.left + (box.width - w) / 2, f.top + y, {
    width: w, height: h, assumePt: true, useCSS: false,
    fontCallback: () => font,
  });
  f.pdf.fillColor('black').strokeColor('black').lineWidth(1);
}
