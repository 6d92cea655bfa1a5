// SVG → PNG with resvg (a Rust rasteriser, prebuilt per platform). Text is first turned into
// outlines with fontkit from the bundled CJK face (resvg re-reads a font file for every text run,
// seconds per map with an 8 MB CJK face), so the picture is the same on every machine and quick.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { mapFontFile } from './measure.ts';

const require = createRequire(import.meta.url);

interface FkPath { scale(sx: number, sy: number): FkPath; translate(x: number, y: number): FkPath; toSVG(): string }
interface FkFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: FkPath }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
}
let font: FkFont | null = null;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** Every <text> (one line, explicit x, y, font-size) as a <path> of its glyph outlines. */
export function outlineText(svg: string): string {
  if (!font) font = (require('fontkit') as { openSync(p: string): FkFont }).openSync(mapFontFile());
  const f = font;
  return svg.replace(/<text([^>]*)>([^<]*)<\/text>/g, (whole, attrs: string, raw: string) => {
    const x = Number(attr(attrs, 'x') ?? 0), y = Number(attr(attrs, 'y') ?? 0), size = Number(attr(attrs, 'font-size') ?? 12);
    const text = raw.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
    if (!text.trim()) return '';
    const run = f.layout(text);
    const k = size / f.unitsPerEm;
    const width = run.positions.reduce((a, p) => a + p.xAdvance, 0) * k;
    const anchor = attr(attrs, 'text-anchor');
    let pen = x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    const parts: string[] = [];
    run.glyphs.forEach((g, i) => {
      const p = run.positions[i];
      parts.push(g.path.scale(k, -k).translate(pen + p.xOffset * k, y - p.yOffset * k).toSVG());
      pen += p.xAdvance * k;
    });
    const cls = attr(attrs, 'class');
    return `<path${cls ? ` class="${cls}"` : ''} d="${parts.join(' ')}" fill="${attr(attrs, 'fill') ?? '#000'}"/>`;
  });
}

/** `widthPt`: the map's width in points (1/72 in); the PNG has `dpi` pixels per inch. */
export function svgToPng(svg: string, widthPt: number, dpi = 300): Buffer {
  const r = new Resvg(outlineText(svg), {
    fitTo: { mode: 'width', value: Math.round((widthPt / 72) * dpi) },
    font: { loadSystemFonts: false },
    background: '#ffffff',
  });
  return Buffer.from(r.render().asPng());
}
