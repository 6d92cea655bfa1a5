// A map model → one SVG sketch map: title, blocks in the Gauss-Krüger plane at one scale, labels
// placed without overlaps, graticule ticks in degrees, a scale bar in km, a north arrow (true north,
// turned by the meridian convergence), a legend of the categories present and the notes.
import type { TFunction } from 'i18next';
import { fromLonLat, toLonLat } from '../facts/projection.ts';
import { graticuleTicks, formatDegrees } from './graticule.ts';
import { placeLabels, type Box, type LabelRequest } from './labels.ts';
import { advanceEm, MAP_FONT_FAMILY, textWidth } from './measure.ts';
import { categoryLabel, categoryOrder, FLAG_COLOUR, mineralOrder, styleOf, targetYears, type Style, type StyleContext } from './styles.ts';
import type { MapModel, RenderedMap, XY } from './types.ts';


const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITIES[c]) : s);
const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

// Sized in points to print at full size on an A4 page's text box (landscape: 243 × 138 mm less
// the caption, the PDF's; portrait: 156 × 225 mm), so the type sizes below are the printed ones.
const SIZE = { landscape: { w: 686, h: 356 }, portrait: { w: 440, h: 596 } };
const FONT = { title: 14, label: 7, legend: 7.5, tick: 6, note: 6.5 };

function frameOf(landscape: boolean, titled: boolean) {
  const { w: W, h: H } = landscape ? SIZE.landscape : SIZE.portrait;
  const y0 = titled ? 44 : 20;
  return landscape ? { x0: 46, y0, x1: W - 168, y1: H - 20 } : { x0: 46, y0, x1: W - 40, y1: H - 172 };
}

function styleAttrs(s: Style, flagged = false): string {
  const stroke = flagged ? FLAG_COLOUR : s.stroke;
  const dash = flagged ? '3 2' : s.dash;
  return `fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${stroke}" stroke-width="${flagged ? 1.4 : s.strokeWidth}"${dash ? ` stroke-dasharray="${dash}"` : ''} stroke-linejoin="round"`;
}

/** Greedy line breaking by measured width: characters for Chinese, words for English. */
export function wrap(text: string, width: number, size: number, lang: 'zh' | 'en'): string[] {
  const units = lang === 'zh' ? [...text] : text.split(/(?<=\s)/);
  const lines: string[] = [];
  let line = '';
  // the line's width in em, added up character by character as textWidth adds it (the same sums,
  // without measuring the whole line again for every unit)
  let em = 0;
  const sum = (from: number, s: string) => {
    for (const ch of s) from += advanceEm(ch.codePointAt(0)!);
    return from;
  };
  for (const u of units) {
    const withU = sum(em, u);
    // a line never starts with closing punctuation (it stays with the text before it)
    if (line && withU * size > width && !/^[）)，。、：；」』》〉]/.test(u)) {
      lines.push(line.trimEnd());
      line = u.trimStart();
      em = sum(0, line);
    } else {
      line += u;
      em = withU;
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

function niceKm(maxKm: number): number {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
  let best = steps[0];
  for (const s of steps) if (s <= maxKm) best = s;
  return best;
}

/** `showTitle`: draw the title on the map (a document's figure carries it in its caption instead). */
export function renderMapSvg(model: MapModel, opts: { t: TFunction; lang: 'zh' | 'en'; title: string; showTitle?: boolean }): RenderedMap {
  const { t, lang, title } = opts;
  const titled = opts.showTitle !== false;
  const { plane, features } = model;
  // extent of everything drawn, padded
  let minE = Infinity, maxE = -Infinity, minN = Infinity, maxN = -Infinity;
  const grow = ([e, n]: XY) => {
    if (e < minE) minE = e; if (e > maxE) maxE = e; if (n < minN) minN = n; if (n > maxN) maxN = n;
  };
  for (const f of features) {
    if (f.ring) f.ring.forEach(grow);
    if (f.point) grow(f.point);
  }
  const empty = !Number.isFinite(minE);
  if (!empty) {
    const pad = Math.max((maxE - minE) * 0.06, (maxN - minN) * 0.06, 1000);
    minE -= pad; maxE += pad; minN -= pad; maxN += pad;
  } else {
    minE = 400_000; maxE = 600_000; minN = 4_300_000; maxN = 4_500_000;
  }
  // the orientation that draws the extent at the larger scale
  const scaleIn = (f: ReturnType<typeof frameOf>) => Math.min((f.x1 - f.x0) / (maxE - minE), (f.y1 - f.y0) / (maxN - minN));
  const landscape = scaleIn(frameOf(true, titled)) > scaleIn(frameOf(false, titled)) * 1.05;
  const { w: W, h: H } = landscape ? SIZE.landscape : SIZE.portrait;
  const frame = frameOf(landscape, titled);
  const fw = frame.x1 - frame.x0, fh = frame.y1 - frame.y0;
  // one scale on both axes; the extent is widened to fill the frame
  const k = scaleIn(frame);
  const cE = (minE + maxE) / 2, cN = (minN + maxN) / 2;
  minE = cE - fw / k / 2; maxE = cE + fw / k / 2; minN = cN - fh / k / 2; maxN = cN + fh / k / 2;
  const sx = (e: number) => frame.x0 + (e - minE) * k;
  const sy = (n: number) => frame.y0 + (maxN - n) * k;
  const ctx: StyleContext = { years: targetYears(features), minerals: mineralOrder(features) };

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(MAP_FONT_FAMILY)}" data-map-type="${model.type}" data-crs="${plane.crs}" data-zone="${plane.zone}">`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  if (titled) {
    // a long title (an English one on a portrait map) is set smaller to stay on the sheet
    const tw = textWidth(title, FONT.title);
    const size = tw > W - 24 ? Math.floor((FONT.title * (W - 24) / tw) * 10) / 10 : FONT.title;
    out.push(`<text x="${W / 2}" y="28" font-size="${size}" text-anchor="middle" fill="#000">${esc(title)}</text>`);
  }
  out.push(`<rect x="${frame.x0}" y="${frame.y0}" width="${fw}" height="${fh}" fill="#fbfbf8" stroke="#000" stroke-width="1"/>`);

  // features
  let polygons = 0, points = 0;
  const labelReqs: LabelRequest[] = [];
  const obstacles: Box[] = [];
  out.push('<g class="features">');
  // per category and per text, worked out once (5,000 blocks share a handful of each)
  const styles = new Map<string, { style: Style; attrs: string; flaggedAttrs: string }>();
  const styleFor = (category: string) => {
    let s = styles.get(category);
    if (!s) {
      const style = styleOf(category, ctx);
      styles.set(category, (s = { style, attrs: styleAttrs(style), flaggedAttrs: styleAttrs(style, true) }));
    }
    return s;
  };
  const [areaHead, areaTail] = t('maps:area', { area: '\u0000' }).split('\u0000');
  const boundaryName = esc(t('maps:legend.boundary'));
  for (const f of features) {
    const st = styleFor(f.category);
    const style = st.style;
    const area = f.areaKm2 != null ? f.areaKm2.toFixed(4) : null;
    const name = esc(f.name);
    const data = `data-table="${f.row.table}" data-id="${f.row.id}"${f.blockId != null ? ` data-block="${f.blockId}"` : ''} data-name="${name}"${area != null ? ` data-area="${area}"` : ''}`;
    const tip = `<title>${name || boundaryName}${area != null ? ` · ${areaHead}${area}${areaTail ?? ''}` : ''}</title>`;
    if (f.ring) {
      let pts = '';
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (let i = 0; i < f.ring.length; i++) {
        const x = sx(f.ring[i][0]), y = sy(f.ring[i][1]);
        pts += `${i ? ' ' : ''}${f1(x)},${f1(y)}`;
        if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      }
      out.push(`<polygon class="block ${f.kind}${f.flagged ? ' flagged' : ''}" ${data} points="${pts}" ${f.flagged ? st.flaggedAttrs : st.attrs}>${tip}</polygon>`);
      polygons += 1;
      if (f.kind !== 'boundary') {
        // a small block is an obstacle: no other name may cover it
        if (f.kind !== 'zone' && (x1 - x0 < 60 || y1 - y0 < 24)) obstacles.push({ minX: x0, minY: y0, maxX: x1, maxY: y1 });
        // the screen ring is wanted only where a label might fit inside (a label is wider than 9 pt
        // and taller than 10.75 pt): not made for the thousands of small blocks of a large plan
        const ring = x1 - x0 >= 9 && y1 - y0 >= 10.75 ? f.ring.map(([e, n]) => [sx(e), sy(n)] as [number, number]) : null;
        labelReqs.push({ text: f.name, size: f.kind === 'zone' ? FONT.label + 1 : FONT.label, ring, at: [(x0 + x1) / 2, (y0 + y1) / 2], radius: (x1 - x0) / 2, radiusY: (y1 - y0) / 2 });
      }
    } else if (f.point) {
      const x = sx(f.point[0]), y = sy(f.point[1]);
      out.push(`<circle class="point ${f.kind}" ${data} cx="${f1(x)}" cy="${f1(y)}" r="3.2" fill="${style.fill}" stroke="#000" stroke-width="0.6">${tip}</circle>`);
      obstacles.push({ minX: x - 3.2, minY: y - 3.2, maxX: x + 3.2, maxY: y + 3.2 });
      labelReqs.push({ text: f.name, size: FONT.label, ring: null, at: [x, y], radius: 3.2 });
      points += 1;
    }
  }
  out.push('</g>');

  // north arrow (true north at the map centre) and scale bar, inside the frame
  const decor: string[] = [];
  if (!empty) {
    const [lonC, latC] = toLonLat(plane.crs, cN, cE + plane.zone * 1_000_000);
    const up = fromLonLat(plane.crs, plane.zone, lonC, latC + 0.05);
    const angle = (Math.atan2(up.easting - cE, up.northing - cN) * 180) / Math.PI;
    const ax = frame.x1 - 26, ay = frame.y0 + 34;
    decor.push(`<g class="north-arrow" transform="translate(${f1(ax)},${f1(ay)}) rotate(${angle.toFixed(2)})"><polygon points="0,-20 7,8 0,3 -7,8" fill="#000"/><polygon points="0,-20 0,3 7,8" fill="#fff" stroke="#000" stroke-width="0.6"/></g>`);
    decor.push(`<text x="${f1(ax)}" y="${f1(ay - 24)}" font-size="9" text-anchor="middle">${esc(t('maps:north'))}</text>`);
    obstacles.push({ minX: ax - 14, minY: ay - 36, maxX: ax + 14, maxY: ay + 12 });
    const km = niceKm((fw / 4 / k) / 1000);
    const len = km * 1000 * k;
    const bx = frame.x0 + 14, by = frame.y1 - 18;
    const unit = t('maps:km');
    decor.push(`<g class="scale-bar">`);
    for (let i = 0; i < 4; i++) decor.push(`<rect x="${f1(bx + (i * len) / 4)}" y="${by}" width="${f1(len / 4)}" height="4" fill="${i % 2 ? '#fff' : '#000'}" stroke="#000" stroke-width="0.6"/>`);
    const fmt = (v: number) => String(Math.round(v * 1000) / 1000);
    decor.push(`<text x="${f1(bx)}" y="${by - 3}" font-size="${FONT.tick}" text-anchor="middle">0</text>`);
    decor.push(`<text x="${f1(bx + len / 2)}" y="${by - 3}" font-size="${FONT.tick}" text-anchor="middle">${fmt(km / 2)}</text>`);
    decor.push(`<text x="${f1(bx + len)}" y="${by - 3}" font-size="${FONT.tick}" text-anchor="middle">${fmt(km)}</text>`);
    decor.push(`<text x="${f1(bx + len + 8)}" y="${by + 4}" font-size="${FONT.tick}">${esc(unit)}</text>`);
    decor.push(`</g>`);
    obstacles.push({ minX: bx - 6, minY: by - 12, maxX: bx + len + 12 + textWidth(unit, FONT.tick), maxY: by + 8 });
  }

  // labels
  const { placed, omitted } = placeLabels(labelReqs, obstacles, { minX: frame.x0 + 2, minY: frame.y0 + 2, maxX: frame.x1 - 2, maxY: frame.y1 - 2 });
  out.push('<g class="labels">');
  for (const p of placed) {
    const b = p.box;
    out.push(`<g class="label"><rect x="${f1(b.minX)}" y="${f1(b.minY)}" width="${f1(b.maxX - b.minX)}" height="${f1(b.maxY - b.minY)}" fill="#ffffff" fill-opacity="0.75"/><text x="${f1(b.minX + 1)}" y="${f1(b.minY + p.size * 1.02)}" font-size="${p.size}" fill="#111">${esc(p.text)}</text></g>`);
  }
  out.push('</g>');
  out.push(...decor);

  // graticule ticks
  if (!empty) {
    const ticks = graticuleTicks(plane, { minE, maxE, minN, maxN });
    out.push('<g class="graticule" stroke="#000" stroke-width="0.6">');
    const txt: string[] = [];
    for (const tk of ticks) {
      const hemi = lang === 'en' ? (tk.edge === 'top' || tk.edge === 'bottom' ? 'E' : 'N') : '';
      const label = formatDegrees(tk.value, hemi);
      if (tk.edge === 'bottom' || tk.edge === 'top') {
        const x = sx(tk.pos);
        const y = tk.edge === 'bottom' ? frame.y1 : frame.y0;
        const d = tk.edge === 'bottom' ? -5 : 5;
        out.push(`<line x1="${f1(x)}" y1="${y}" x2="${f1(x)}" y2="${y + d}"/>`);
        txt.push(`<text x="${f1(x)}" y="${tk.edge === 'bottom' ? y + 10 : y - 3}" font-size="${FONT.tick}" text-anchor="middle">${label}</text>`);
      } else {
        const y = sy(tk.pos);
        const x = tk.edge === 'left' ? frame.x0 : frame.x1;
        const d = tk.edge === 'left' ? 5 : -5;
        out.push(`<line x1="${x}" y1="${f1(y)}" x2="${x + d}" y2="${f1(y)}"/>`);
        if (tk.edge === 'left') txt.push(`<text x="${x - 3}" y="${f1(y + 2.3)}" font-size="${FONT.tick}" text-anchor="end">${label}</text>`);
        else if (!landscape) txt.push(`<text x="${x + 3}" y="${f1(y + 2.3)}" font-size="${FONT.tick}">${label}</text>`);
      }
    }
    out.push('</g>', ...txt);
  }

  // legend
  const lx = landscape ? frame.x1 + 12 : frame.x0;
  const lw = landscape ? W - lx - 8 : fw;
  let ly = landscape ? frame.y0 : frame.y1 + 22;
  out.push(`<g class="legend">`);
  out.push(`<text x="${lx}" y="${ly + 10}" font-size="${FONT.legend + 2}">${esc(t('maps:legendTitle'))}</text>`);
  ly += 22;
  const counts = new Map<string, number>();
  for (const f of features) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  const entries = categoryOrder(model.type, ctx).filter((c) => counts.has(c));
  const colW = landscape ? lw : lw / 2;
  let col = 0;
  const rowH = 13;
  const startY = ly;
  let maxLy = ly;
  const entry = (swatch: string, text: string) => {
    const x = lx + col * colW;
    const lines = wrap(text, colW - 28, FONT.legend, lang);
    out.push(`<g class="legend-entry" transform="translate(${f1(x)},${f1(ly)})">${swatch}${lines.map((l, i) => `<text x="24" y="${8 + i * FONT.legend * 1.3}" font-size="${FONT.legend}">${esc(l)}</text>`).join('')}</g>`);
    ly += rowH + (lines.length - 1) * FONT.legend * 1.3;
    maxLy = Math.max(maxLy, ly);
    if (!landscape && ly > startY + rowH * 5) { col += 1; ly = startY; }
  };
  for (const c of entries) {
    const s = styleOf(c, ctx);
    const sw = c === 'boundary'
      ? `<line x1="0" y1="5" x2="18" y2="5" stroke="${s.stroke}" stroke-width="${s.strokeWidth}" stroke-dasharray="${s.dash}"/>`
      : `<rect x="0" y="0" width="18" height="10" ${styleAttrs(s)}/>`;
    const label = categoryLabel(c, t, model.mineralNames);
    entry(sw, `${lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label}（${counts.get(c)}）`.replace('（', lang === 'zh' ? '（' : ' (').replace('）', lang === 'zh' ? '）' : ')'));
  }
  if (points) entry(`<circle cx="9" cy="5" r="3.2" fill="#ffffff" stroke="#000" stroke-width="0.6"/>`, t('maps:legend.point'));
  if (model.notes.flagged) entry(`<rect x="0" y="0" width="18" height="10" fill="none" stroke="${FLAG_COLOUR}" stroke-width="1.4" stroke-dasharray="3 2"/>`, t('maps:legend.flagged'));
  ly = Math.max(ly, maxLy);
  // notes
  const crsName = t(`maps:crs.${plane.crs}`);
  const n = model.notes;
  const notes = [
    // the plane is stated only when coordinates were drawn in it: with none, its zone would be a guess
    // nor is it said to be drawn from the corner coordinates when none were drawn
    ...(empty ? [t('maps:note.empty')] : [t('maps:system', { crs: crsName, zone: plane.zone }), t('maps:note.sketch')]),
    ...(n.unplacedMines ? [t('maps:note.unplaced', { count: n.unplacedMines })] : []),
    ...(n.unplacedExploration ? [t('maps:note.unplacedExploration', { count: n.unplacedExploration })] : []),
    ...(n.spanning ? [t('maps:note.spanning', { count: n.spanning, zone: plane.zone })] : []),
    ...(n.otherCrs ? [t('maps:note.otherCrs', { count: n.otherCrs, crs: t(`maps:crs.${plane.crs === 'xian80' ? 'cgcs2000' : 'xian80'}`) })] : []),
    ...(n.lonLatPoints ? [t('maps:note.lonLat', { count: n.lonLatPoints })] : []),
    ...(n.flagged ? [t('maps:note.flagged', { count: n.flagged })] : []),
    ...(omitted ? [t('maps:note.labels', { count: omitted })] : []),
  ];
  ly += 8;
  out.push(`<line x1="${lx}" y1="${f1(ly - 4)}" x2="${f1(lx + (landscape ? lw : fw))}" y2="${f1(ly - 4)}" stroke="#999" stroke-width="0.5"/>`);
  const noteW = landscape ? lw : fw;
  for (const note of notes) {
    for (const line of wrap(note, noteW, FONT.note, lang)) {
      ly += FONT.note * 1.45;
      out.push(`<text class="note" x="${lx}" y="${f1(ly)}" font-size="${FONT.note}">${esc(line)}</text>`);
    }
    ly += 2;
  }
  out.push('</g>');
  out.push(`<rect x="4" y="4" width="${W - 8}" height="${H - 8}" fill="none" stroke="#000" stroke-width="0.8"/>`);
  out.push('</svg>');
  return { type: model.type, svg: out.join('\n'), width: W, height: H, landscape, title, stats: { polygons, points, labels: placed.length, labelsOmitted: omitted } };
}
