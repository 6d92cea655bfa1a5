// Sketch maps (附图): one polygon per block with its vertices, projections to the metre against
// PROJ, labels that never overlap (measured on the SVG), location points, the note of mines
// without coordinates, flagged and zone-spanning blocks, and a map that follows an edit.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromLonLat, toLonLat } from '../../main/facts/projection.ts';
import { renderMap, renderMaps, MAP_TYPES } from '../../main/maps/index.ts';
import { parseLocation } from '../../main/domain/location.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { insertRow, updateRow } from '../../main/store/row-repo.ts';
import { formatCornerPoints } from '../../main/domain/coordinates.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { StudioService } from '../../main/api/service.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { main as cli } from '../../main/cli/main.ts';
import { buildDocument } from '../../main/document/build.ts';
import { appendixLabelFor } from '../../main/compose/catalog.ts';
import { mapCacheDir, mapKey } from '../../main/maps/map-cache.ts';
import { textWidth } from '../../main/maps/measure.ts';
import { wrap } from '../../main/maps/render-svg.ts';
import { samplePlan, tmpDir } from './helpers.ts';

type Rect = { x: number; y: number; w: number; h: number };

function polygons(svg: string): Map<number, number[][]> {
  const out = new Map<number, number[][]>();
  for (const m of svg.matchAll(/<polygon class="block[^"]*"[^>]*data-block="(\d+)"[^>]*points="([^"]+)"/g)) {
    out.set(Number(m[1]), m[2].split(' ').map((p) => p.split(',').map(Number)));
  }
  return out;
}

function labelRects(svg: string): Rect[] {
  return [...svg.matchAll(/<g class="label"><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)]
    .map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }));
}

function circles(svg: string): Rect[] {
  return [...svg.matchAll(/<circle class="point[^"]*"[^>]*cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)"/g)]
    .map((m) => ({ x: Number(m[1]) - Number(m[3]), y: Number(m[2]) - Number(m[3]), w: 2 * Number(m[3]), h: 2 * Number(m[3]) }));
}

/** The notes under the legend, their wrapped lines joined again. */
function notes(svg: string, lang: 'zh' | 'en'): string {
  const lines = [...svg.matchAll(/<text class="note"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&#39;/g, "'"));
  return lines.join(lang === 'zh' ? '' : ' ');
}

/** Overlap beyond the 0.1 pt the SVG's one-decimal rounding can make. */
const overlaps = (a: Rect, b: Rect) => a.x + a.w > b.x + 0.1 && b.x + b.w > a.x + 0.1 && a.y + a.h > b.y + 0.1 && b.y + b.h > a.y + 0.1;

function withPlan(fn: (p: Project) => void): PlanData {
  return (async () => {
    const { file } = await samplePlan();
    const copy = path.join(tmpDir('gmp-maps-'), 'copy.gmplan');
    fs.copyFileSync(file, copy);
    const p = Project.open(copy);
    try {
      fn(p);
      return loadPlanData(p.db);
    } finally {
      p.close();
    }
  })() as unknown as PlanData;
}

describe('projection', () => {
  it('projects a known point to the metre as PROJ does (EPSG:2361, EPSG:4525)', () => {
    // PROJ 9.1.1 (Debian proj-bin): echo "39.45 110.0" | cs2cs -f %.4f EPSG:4610 EPSG:2361 → 4368942.2364 37413924.0935
    const x = fromLonLat('xian80', 37, 110, 39.45);
    expect(Math.abs(x.northing - 4368942.2364)).toBeLessThan(0.001);
    expect(Math.abs(x.easting + 37_000_000 - 37413924.0935)).toBeLessThan(0.001);
    // PROJ 9.1.1: echo "39.45 110.0" | cs2cs -f %.4f EPSG:4490 EPSG:4525 → 4368940.1987 37413924.1341
    const c = fromLonLat('cgcs2000', 37, 110, 39.45);
    expect(Math.abs(c.northing - 4368940.1987)).toBeLessThan(0.001);
    expect(Math.abs(c.easting + 37_000_000 - 37413924.1341)).toBeLessThan(0.001);
    // and back
    const [lon, lat] = toLonLat('xian80', 4368942.2364, 37413924.0935);
    expect(Math.abs(lon - 110)).toBeLessThan(1e-8);
    expect(Math.abs(lat - 39.45)).toBeLessThan(1e-8);
  });
});

describe('location points', () => {
  it('reads decimal degrees, degrees-minutes-seconds and projected X/Y; refuses the rest with a located message', () => {
    expect(parseLocation('109.83, 39.44')).toEqual({ kind: 'lonlat', lon: 109.83, lat: 39.44 });
    const dms = parseLocation('109°49′48″E，39°26′24″N');
    expect(dms.kind).toBe('lonlat');
    if (dms.kind === 'lonlat') {
      expect(dms.lon).toBeCloseTo(109.83, 9);
      expect(dms.lat).toBeCloseTo(39.44, 9);
    }
    expect(parseLocation('4367770.34, 37399162.38')).toEqual({ kind: 'xy', x: 4367770.34, y: 37399162.38 });
    expect(() => parseLocation('39.44, 109.83')).toThrow(/location_out_of_range/);
    expect(() => parseLocation('东经一百度')).toThrow(/bad_location/);
    expect(() => parseLocation('4367770.34, 399162.38')).toThrow(/location_out_of_range/);
  });
});

describe('sample maps', () => {
  it('draws one polygon per block with its number of vertices, in the zone-37 plane of Xi\'an 1980', async () => {
    const { data } = await samplePlan();
    const mineBlocks = data.blocks.filter((b) => b.mine_id != null);
    const zoneBlocks = data.blocks.filter((b) => b.zone_id != null);
    const exBlocks = data.blocks.filter((b) => b.exploration_id != null);
    expect(mineBlocks.length).toBeGreaterThan(0);
    expect(exBlocks.length).toBeGreaterThan(0);
    for (const lang of ['zh', 'en'] as const) {
      for (const m of renderMaps(data, lang)) {
        const drawn = polygons(m.svg);
        const expected = [...mineBlocks, ...zoneBlocks, ...(m.type === 'status' ? exBlocks : [])];
        expect([...drawn.keys()].sort((a, b) => a - b)).toEqual(expected.map((b) => b.id).sort((a, b) => a - b));
        for (const b of expected) expect(drawn.get(b.id)!.length).toBe(b.points.length);
        // (a Chinese line may break at a space, which the break then swallows)
        if (lang === 'zh') expect(notes(m.svg, lang).replace(/ /g, '')).toContain('1980西安坐标系，高斯-克吕格投影3°带第37带');
        else expect(notes(m.svg, lang)).toContain("Xi'an 1980, Gauss-Krüger 3° zone 37");
      }
    }
  });

  it('draws mines with only a location as symbols and counts mines with neither in a note', async () => {
    const { data } = await samplePlan();
    const located = data.mines.filter((m) => m.location && !data.blocks.some((b) => b.mine_id === m.id));
    const none = data.mines.filter((m) => !m.location && !data.blocks.some((b) => b.mine_id === m.id));
    expect(located.length).toBeGreaterThan(0);
    const m = renderMap(data, 'distribution', 'zh');
    expect(circles(m.svg).length).toBe(located.length);
    expect(notes(m.svg, 'zh')).toContain(`${none.length} 个矿山无坐标，未上图。`);
    expect(notes(renderMap(data, 'distribution', 'en').svg, 'en')).toContain(`${none.length} ${none.length === 1 ? 'mine' : 'mines'} without coordinates, not shown.`);
  });

  it('labels never overlap each other or a point symbol (measured on the SVG), on the sample and on a crowded plan', async () => {
    const { data } = await samplePlan();
    // a crowded plan: 400 small blocks packed into the sample's extent
    const crowded = withPlan((p) => {
      const mineral = ['煤', '建筑用石料', '石灰岩'];
      for (let i = 0; i < 400; i++) {
        const id = insertRow(p.db, 'mines', { name_zh: `密集矿山 ${i}`, mineral: mineral[i % 3], status: 'producing' });
        const x = 4330000 + (i % 20) * 2500 + (i * 37) % 900, y = 37390000 + Math.floor(i / 20) * 3000;
        insertRow(p.db, 'blocks', { mine_id: id, crs: 'xian80', points: `1, ${x}, ${y}; 2, ${x}, ${y + 800}; 3, ${x - 600}, ${y + 800}; 4, ${x - 600}, ${y}` });
      }
    });
    for (const d of [data, await crowded]) {
      for (const type of MAP_TYPES) {
        const m = renderMap(d, type, 'zh');
        const labels = labelRects(m.svg);
        const dots = circles(m.svg);
        expect(labels.length).toBeGreaterThan(10);
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) expect(overlaps(labels[i], labels[j]), `labels ${i} and ${j}`).toBe(false);
          for (const c of dots) expect(overlaps(labels[i], c)).toBe(false);
        }
        if (d !== data) {
          expect(m.stats.labelsOmitted).toBeGreaterThan(0);
          expect(notes(m.svg, 'zh')).toContain(`${m.stats.labelsOmitted} 个名称因空间不足未标注`);
        }
      }
    }
  });

  it('marks blocks the checks flag and notes blocks spanning two zones', async () => {
    const d = await withPlan((p) => {
      const id = insertRow(p.db, 'mines', { name_zh: '交叉矿', mineral: '煤', status: 'producing' });
      // a bow tie: edges 1-2 and 3-4 cross
      insertRow(p.db, 'blocks', { mine_id: id, crs: 'xian80', points: '1, 4340000, 37420000; 2, 4342000, 37422000; 3, 4340000, 37422000; 4, 4342000, 37420000' });
      const id2 = insertRow(p.db, 'mines', { name_zh: '跨带矿', mineral: '煤', status: 'producing' });
      // Y prefixes 36 and 37 around 109.5°E: the zones' common edge
      const [e36] = [fromLonLat('xian80', 36, 109.49, 39.2), fromLonLat('xian80', 37, 109.51, 39.2)];
      const e37 = fromLonLat('xian80', 37, 109.51, 39.21);
      insertRow(p.db, 'blocks', { mine_id: id2, crs: 'xian80', points: `1, ${e36.northing.toFixed(2)}, ${(36e6 + e36.easting).toFixed(2)}; 2, ${e37.northing.toFixed(2)}, ${(37e6 + e37.easting).toFixed(2)}; 3, ${(e37.northing - 800).toFixed(2)}, ${(37e6 + e37.easting).toFixed(2)}` });
    });
    const m = renderMap(d, 'distribution', 'zh');
    const bow = d.blocks.find((b) => d.mines.find((x) => x.id === b.mine_id)?.name_zh === '交叉矿')!;
    expect(m.svg).toMatch(new RegExp(`<polygon class="block mine flagged"[^>]*data-block="${bow.id}"`));
    expect(m.svg).toContain('坐标核查有误');
    expect(notes(m.svg, 'zh')).toContain('1 个地块跨投影带，已换算至第 37 带绘制。');
    // the spanning block is drawn where it lies: its zone-36 corner converted into zone 37
    const span = d.blocks.find((b) => d.mines.find((x) => x.id === b.mine_id)?.name_zh === '跨带矿')!;
    expect(polygons(m.svg).get(span.id)!.length).toBe(3);
  });

  it('follows an edit of a corner point', async () => {
    const { data } = await samplePlan();
    const block = data.blocks.find((b) => b.mine_id != null)!;
    const before = polygons(renderMap(data, 'plan', 'zh').svg).get(block.id)!;
    const after = await withPlan((p) => {
      const pts = block.points.map((pt, i) => (i === 0 ? { ...pt, x: pt.x + 3000 } : pt));
      updateRow(p.db, 'blocks', block.id, { points: formatCornerPoints(pts) });
    });
    const moved = polygons(renderMap(after, 'plan', 'zh').svg).get(block.id)!;
    expect(moved[0][1]).toBeLessThan(before[0][1] - 1); // 3 km further north is higher on the page
    expect(moved.slice(1)).toEqual(before.slice(1));
  });

  it('numbers maps and tables apart in the document and in the chapter editor\'s appendix labels alike', async () => {
    const { data } = await samplePlan();
    const doc = buildDocument(data, 'zh');
    const label = appendixLabelFor(data, 'zh');
    expect(data.appendices.slice(0, 3)).toEqual(['map:distribution', 'map:status', 'map:plan']);
    for (const f of doc.figures ?? []) expect(label(f.key)).toBe(f.label);
    for (const a of doc.appendices) expect(label(a.key)).toBe(a.label);
    expect(label('mines_status')).toBe('附表 1');
    expect(label('map:plan')).toBe('附图 3');
  });

  it('is served by the API (maps.render) and written by gmp map', async () => {
    const { file } = await samplePlan();
    const dir = tmpDir('gmp-maps-api-');
    const copy = path.join(dir, 'plan.gmplan');
    fs.copyFileSync(file, copy);
    const service = new StudioService({ workspace: dir, configDir: path.join(dir, 'cfg') });
    expect((await dispatch(service, 'plan.open', { file: copy })).ok).toBe(true);
    const r = await dispatch(service, 'maps.render', { type: 'status', lang: 'en' });
    expect(r.ok && (r.result as { svg: string }).svg.startsWith('<svg')).toBe(true);
    const bad = await dispatch(service, 'maps.render', { type: 'geology', lang: 'zh' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'api.bad_args' } });
    service.close();
    const out = path.join(dir, 'map.svg');
    expect(await cli(['map', copy, '--type', 'plan', '--lang', 'zh', '--out', out])).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('伊金霍洛旗绿色矿山建设规划图');
    expect(await cli(['map', copy, '--type', 'nope', '--out', path.join(dir, 'x.svg')])).toBe(1);
    expect(fs.existsSync(path.join(dir, 'x.svg'))).toBe(false);
  });
});

describe('maps kept on disk between exports', () => {
  it('reads back a map drawn from the same inputs, and draws again when a coordinate, the language or a name changes', async () => {
    const { data } = await samplePlan();
    const prev = process.env.GMP_CACHE_DIR;
    process.env.GMP_CACHE_DIR = tmpDir('gmp-map-cache-');
    try {
      const dir = mapCacheDir();
      const fresh = MAP_TYPES.map((type) => renderMap(data, type, 'zh', undefined, { showTitle: false }));
      const first = renderMaps(data, 'zh', MAP_TYPES, { showTitle: false });
      expect(first).toEqual(fresh);
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(3);
      // the second call reads the files: a mark put into one comes back
      const key = mapKey(data, 'status', 'zh', false);
      const file = path.join(dir, files.find((f) => f.startsWith(key))!);
      const stored = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, stored.replace('</svg>', '<!--cached--></svg>'));
      const second = renderMaps(data, 'zh', MAP_TYPES, { showTitle: false });
      expect(second[1].svg).toContain('<!--cached-->');
      expect(second[0]).toEqual(first[0]);
      // a damaged (cut short) file is drawn afresh
      fs.writeFileSync(file, stored.slice(0, stored.length - 100));
      expect(renderMaps(data, 'zh', ['status'], { showTitle: false })[0]).toEqual(first[1]);

      // one corner point 300 m further north: another key, another SVG
      const block = data.blocks.find((b) => b.mine_id != null)!;
      const moved: PlanData = { ...data, blocks: data.blocks.map((b) => (b === block ? { ...b, points: b.points.map((pt, i) => (i === 0 ? { ...pt, x: pt.x + 300 } : pt)) } : b)) };
      expect(mapKey(moved, 'status', 'zh', false)).not.toBe(key);
      const redrawn = renderMaps(moved, 'zh', MAP_TYPES, { showTitle: false });
      expect(redrawn[1].svg).not.toBe(first[1].svg);
      expect(redrawn[1]).toEqual(renderMap(moved, 'status', 'zh', undefined, { showTitle: false }));
      // a renamed mine, a declared area (read by the block checks), the language, the title option
      const renamed: PlanData = { ...data, mines: data.mines.map((m, i) => (i === 0 ? { ...m, name_zh: `${m.name_zh}甲` } : m)) };
      const declared: PlanData = { ...data, blocks: data.blocks.map((b) => (b === block ? { ...b, declared_area_km2: (b.declared_area_km2 ?? 0) + 1 } : b)) };
      for (const k of [mapKey(renamed, 'status', 'zh', false), mapKey(declared, 'status', 'zh', false), mapKey(data, 'status', 'en', false), mapKey(data, 'status', 'zh', true), mapKey(data, 'plan', 'zh', false)]) expect(k).not.toBe(key);
      // a field the maps do not read leaves the key alone
      const other: PlanData = { ...data, mines: data.mines.map((m, i) => (i === 0 ? { ...m, remarks: `${m.remarks}x` } : m)) };
      expect(mapKey(other, 'status', 'zh', false)).toBe(key);
    } finally {
      if (prev === undefined) delete process.env.GMP_CACHE_DIR;
      else process.env.GMP_CACHE_DIR = prev;
    }
  });
});

describe('map title', () => {
  it('stays on the sheet when it is long (an English title on a portrait map)', async () => {
    const { data } = await samplePlan();
    // no coordinates: the empty map is portrait, 440 pt wide
    const bare: PlanData = { ...data, blocks: [], mines: data.mines.map((m) => ({ ...m, location: '' })) };
    for (const type of MAP_TYPES) {
      const m = renderMap(bare, type, 'en');
      expect(m.landscape).toBe(false);
      const [, size, text] = /<text x="[^"]*" y="28" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/.exec(m.svg)!;
      expect(text).toBe(m.title);
      expect(textWidth(text, Number(size))).toBeLessThanOrEqual(m.width - 24);
      expect(Number(size)).toBeGreaterThan(8);
    }
  });
});

describe('note wrapping', () => {
  it('fills each line as far as the measured width allows, and loses no text', () => {
    const zh = '图中 12 个地块跨投影带，已换算至第 37 带绘制；另有 3 个矿山仅以经纬度定位，已投影至本带。';
    const en = 'Blocks typed in the other coordinate system were converted through longitude and latitude before drawing.';
    for (const [text, lang] of [[zh, 'zh'], [en, 'en']] as const) {
      const lines = wrap(text, 120, 6.5, lang);
      expect(lines.length).toBeGreaterThan(1);
      // (the space at a break is dropped)
      expect(lines.join(' ').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      lines.forEach((line, i) => {
        expect(textWidth(line, 6.5)).toBeLessThanOrEqual(120);
        // the next line's first unit would not have fitted (nor is it closing punctuation kept back)
        const next = lines[i + 1];
        if (next) expect(textWidth(line + (lang === 'zh' ? next[0] : ` ${next.split(' ')[0]}`), 6.5)).toBeGreaterThan(120);
      });
    }
  });
});
