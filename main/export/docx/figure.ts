// Figures (附图) in Word: each in a section of its own (landscape when the map is wide), the SVG
// with a PNG fallback rasterised at 300 dpi by resvg in the bundled CJK face, so Word shows the
// vectors and WPS and LibreOffice, which read the fallback, show the same picture.
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type ISectionOptions } from 'docx';
import type { FigureBlock, PlanDocument } from '../../document/ir.ts';
import { captionText } from '../../document/numbering.ts';
import { svgToPng } from '../../maps/raster.ts';
import { textBox } from '../layout/geometry.ts';

export interface FigureHooks {
  /** the section properties of a page of that orientation */
  pageProps(landscape: boolean): ISectionOptions['properties'];
  footers: ISectionOptions['footers'];
  /** the caption paragraph, bookmarked as `id` (the list of appendices links to it) */
  caption(text: string, id: string): Paragraph;
}

export function figureParagraphs(f: FigureBlock, lang: PlanDocument['lang'], hooks: FigureHooks): Paragraph[] {
  const box = textBox(f.landscape);
  const scale = Math.min(1, box.width / f.width, (box.height - 40) / f.height);
  const px = (pt: number) => Math.round((pt * scale * 96) / 72); // docx sizes images in 96-dpi pixels
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(f.svg, 'utf8'),
    transformation: { width: px(f.width), height: px(f.height) },
    fallback: { type: 'png', data: svgToPng(f.svg, f.width, 300) },
    altText: { name: f.label, title: f.title, description: f.title },
  });
  return [hooks.caption(captionText(f.label, f.title, lang), f.id), new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [image] })];
}

/** One section per figure. */
export function figureSections(doc: PlanDocument, hooks: FigureHooks): ISectionOptions[] {
  return (doc.figures ?? []).map((f) => ({ properties: hooks.pageProps(f.landscape), footers: hooks.footers, children: figureParagraphs(f, doc.lang, hooks) }));
}
