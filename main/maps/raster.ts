// SVG → PNG with resvg (a Rust rasteriser, prebuilt per platform), set in the bundled CJK face only
// (no system fonts), so the picture is the same on every machine.
import { Resvg } from '@resvg/resvg-js';
import { mapFontFile } from './measure.ts';

/** `widthPt`: the map's width in points (1/72 in); the PNG has `dpi` pixels per inch. */
export function svgToPng(svg: string, widthPt: number, dpi = 300): Buffer {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round((widthPt / 72) * dpi) },
    font: { fontFiles: [mapFontFile()], loadSystemFonts: false, defaultFontFamily: 'Noto Sans S Chinese' },
    background: '#ffffff',
  });
  return Buffer.from(r.render().asPng());
}
