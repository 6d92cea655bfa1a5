// Figures (附图) in Word: each in a section of its own (landscape when the map is wide), the SVG
// with a PNG fallback rasterised by resvg in the bundled CJK face (raster-cache.ts: 200 dpi, kept on
// disk by the SVG's hash), so Word shows the vectors and WPS and LibreOffice, which read the
// fallback, show the same picture.
// The docx library names a picture by the SHA-1 of its bytes, in JavaScript (0.1 s for the
// sample's three maps): it is given a short stand-in per picture instead, and the pictures' bytes
// take the stand-ins' place in the package after compiling (MediaSink.splice).
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type ISectionOptions } from 'docx';
import type { FigureBlock, PlanDocument } from '../../document/ir.ts';
import { captionText } from '../../document/numbering.ts';
import { svgToPng } from '../../maps/raster.ts';
import { textBox } from '../layout/geometry.ts';
import { cachedPng, FALLBACK_DPI } from './raster-cache.ts';

/** Pictures stand in for by short unique bytes until the package is compiled. */
export class MediaSink {
  private readonly parts = new Map<string, () => Uint8Array>();
  /** The stand-in bytes for a picture whose bytes `data` gives when the package is put together. */
  add(data: () => Uint8Array): Buffer {
    const key = `gmp-media-${this.parts.size}-${process.pid}`;
    this.parts.set(key, data);
    return Buffer.from(key, 'utf8');
  }

  /** Replaces every stand-in among the package's media files by its picture. */
  splice(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
    const left = new Set(this.parts.keys());
    for (const [name, bytes] of Object.entries(files)) {
      if (!name.startsWith('word/media/') || bytes.length > 64) continue;
      const key = Buffer.from(bytes).toString('utf8');
      const data = this.parts.get(key);
      if (!data) continue;
      files[name] = data();
      left.delete(key);
    }
    if (left.size) throw new Error(`picture stand-ins missing from the package: ${[...left].join(', ')}`);
    return files;
  }
}

export interface FigureHooks {
  /** the section properties of a page of that orientation */
  pageProps(landscape: boolean): ISectionOptions['properties'];
  footers: ISectionOptions['footers'];
  /** the caption paragraph, bookmarked as `id` (the list of appendices links to it) */
  caption(text: string, id: string): Paragraph;
  media: MediaSink;
}

export function figureParagraphs(f: FigureBlock, lang: PlanDocument['lang'], hooks: FigureHooks): Paragraph[] {
  const box = textBox(f.landscape);
  const scale = Math.min(1, box.width / f.width, (box.height - 40) / f.height);
  const px = (pt: number) => Math.round((pt * scale * 96) / 72); // docx sizes images in 96-dpi pixels
  const image = new ImageRun({
    type: 'svg',
    data: hooks.media.add(() => Buffer.from(f.svg, 'utf8')),
    transformation: { width: px(f.width), height: px(f.height) },
    fallback: { type: 'png', data: hooks.media.add(() => cachedPng(f.svg, f.width, FALLBACK_DPI, { rasterise: svgToPng })) },
    altText: { name: f.label, title: f.title, description: f.title },
  });
  return [hooks.caption(captionText(f.label, f.title, lang), f.id), new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [image] })];
}

/** One section per figure. */
export function figureSections(doc: PlanDocument, hooks: FigureHooks): ISectionOptions[] {
  return (doc.figures ?? []).map((f) => ({ properties: hooks.pageProps(f.landscape), footers: hooks.footers, children: figureParagraphs(f, doc.lang, hooks) }));
}
