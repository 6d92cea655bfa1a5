// Corner-point blocks: enough points, no repeats, a simple ring, one zone, inside the
// jurisdiction, and an area that agrees with the declared one.
import type { Block, PlanData } from '../../domain/model.ts';
import { ringAreaKm2, zonesOf } from '../../facts/geometry.ts';
import { finding, type Rule } from '../finding.ts';
import { toLonLat } from '../../facts/projection.ts';
import RBush from 'rbush';

// Names by id, built once per plan snapshot (a lookup per block would be quadratic in a 5,000-mine plan).
const names = new WeakMap<PlanData, { zones: Map<number, string>; mines: Map<number, string> }>();

function blockLabel(data: PlanData, b: Block): string {
  let n = names.get(data);
  if (!n) {
    n = { zones: new Map(data.zones.map((z) => [z.id, z.name_zh])), mines: new Map(data.mines.map((m) => [m.id, m.name_zh])) };
    names.set(data, n);
  }
  if (b.zone_id) return n.zones.get(b.zone_id) ?? b.name_zh;
  if (b.mine_id) return n.mines.get(b.mine_id) ?? b.name_zh;
  return b.name_zh || `#${b.id}`;
}

const each = (rule: Rule, data: PlanData, f: (b: Block, label: string) => ReturnType<typeof finding>[] | ReturnType<typeof finding> | null) =>
  data.blocks.flatMap((b) => {
    const r = f(b, blockLabel(data, b));
    return r === null ? [] : Array.isArray(r) ? r : [r];
  });

export const tooFewPoints: Rule = {
  id: 'block.too_few_points', severity: 'error',
  run: (data) => each(tooFewPoints, data, (b, label) => (b.points.length < 3 ? finding(tooFewPoints, 'blocks', b.id, label, { count: b.points.length }) : null)),
};

export const repeatedPoint: Rule = {
  id: 'block.repeated_point', severity: 'error',
  run: (data) => each(repeatedPoint, data, (b, label) => {
    const seen = new Map<string, string>();
    const out = [];
    for (const p of b.points) {
      const key = `${p.x.toFixed(2)},${p.y.toFixed(2)}`;
      if (seen.has(key)) out.push(finding(repeatedPoint, 'blocks', b.id, label, { a: seen.get(key)!, b: p.label }));
      else seen.set(key, p.label);
    }
    return out;
  }),
};

type P = { x: number; y: number };
function orient(a: P, b: P, c: P): number {
  const v = (b.y - a.y) * (c.x - b.x) - (b.x - a.x) * (c.y - b.y);
  return Math.abs(v) < 1e-9 ? 0 : v > 0 ? 1 : 2;
}
function onSegment(a: P, b: P, c: P): boolean {
  return Math.min(a.x, c.x) <= b.x && b.x <= Math.max(a.x, c.x) && Math.min(a.y, c.y) <= b.y && b.y <= Math.max(a.y, c.y);
}
/** Do segments p1q1 and p2q2 meet (cross or touch)? */
export function segmentsMeet(p1: P, q1: P, p2: P, q2: P): boolean {
  const o1 = orient(p1, q1, p2), o2 = orient(p1, q1, q2), o3 = orient(p2, q2, p1), o4 = orient(p2, q2, q1);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(p1, p2, q1)) || (o2 === 0 && onSegment(p1, q2, q1)) || (o3 === 0 && onSegment(p2, p1, q2)) || (o4 === 0 && onSegment(p2, q1, q2));
}

type EdgeBox = { minX: number; minY: number; maxX: number; maxY: number; j: number };
/**
 * The first pair of non-neighbouring edges (i < j, in ring order) that meet, or null.
 * Small rings compare every pair; large ones (a block of thousands of corner points) test only
 * the edges whose bounding boxes overlap, found in an R-tree (rbush), so the check is not quadratic.
 */
export function firstCrossing(pts: readonly P[]): [number, number] | null {
  const n = pts.length;
  const edge = (k: number): [P, P] => [pts[k], pts[(k + 1) % n]];
  const neighbours = (i: number, j: number) => j === i + 1 || (i === 0 && j === n - 1);
  if (n < 64) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (neighbours(i, j)) continue;
        if (segmentsMeet(...edge(i), ...edge(j))) return [i, j];
      }
    }
    return null;
  }
  const boxes: EdgeBox[] = [];
  for (let k = 0; k < n; k++) {
    const [a, c] = edge(k);
    boxes.push({ minX: Math.min(a.x, c.x), minY: Math.min(a.y, c.y), maxX: Math.max(a.x, c.x), maxY: Math.max(a.y, c.y), j: k });
  }
  const tree = new RBush<EdgeBox>();
  tree.load(boxes);
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (const cand of tree.search(boxes[i])) {
      const j = cand.j;
      if (j <= i || neighbours(i, j) || (best >= 0 && j >= best)) continue;
      if (segmentsMeet(...edge(i), ...edge(j))) best = j;
    }
    if (best >= 0) return [i, best];
  }
  return null;
}

export const selfIntersection: Rule = {
  id: 'block.self_intersection', severity: 'error',
  run: (data) => each(selfIntersection, data, (b, label) => {
    const pts = b.points;
    const n = pts.length;
    if (n < 4) return null;
    const hit = firstCrossing(pts);
    if (!hit) return null;
    const [i, j] = hit;
    return finding(selfIntersection, 'blocks', b.id, label, { a: `${pts[i].label}-${pts[(i + 1) % n].label}`, b: `${pts[j].label}-${pts[(j + 1) % n].label}` });
  }),
};

export const mixedZones: Rule = {
  id: 'block.mixed_zones', severity: 'error',
  run: (data) => each(mixedZones, data, (b, label) => {
    const zones = zonesOf(b.points);
    return zones.length > 1 ? finding(mixedZones, 'blocks', b.id, label, { zones: zones.join('、') }) : null;
  }),
};

export const outsideJurisdiction: Rule = {
  id: 'block.outside_jurisdiction', severity: 'error',
  run: (data) => {
    const p = data.plan;
    if (p.bbox_west == null || p.bbox_east == null || p.bbox_south == null || p.bbox_north == null) return [];
    const margin = 0.01; // degrees (about 1 km), for boundary points
    return each(outsideJurisdiction, data, (b, label) => {
      if (zonesOf(b.points).length !== 1) return null;
      for (const pt of b.points) {
        const [lon, lat] = toLonLat(b.crs, pt.x, pt.y);
        if (!Number.isFinite(lon) || lon < p.bbox_west! - margin || lon > p.bbox_east! + margin || lat < p.bbox_south! - margin || lat > p.bbox_north! + margin) {
          return finding(outsideJurisdiction, 'blocks', b.id, label, { point: pt.label, lon: lon.toFixed(4), lat: lat.toFixed(4) });
        }
      }
      return null;
    });
  },
};

/**
 * Gauss-Krüger scale error within a 3° zone keeps areas within 0.04 % of the ellipsoidal area;
 * the declared area is also rounded to its printed decimals. Beyond 0.05 % plus that rounding the
 * corner points and the declared area disagree.
 */
export function areaTolerance(declared: number): number {
  const decimals = (String(declared).split('.')[1] ?? '').length;
  return declared * 0.0005 + 0.5 * 10 ** -decimals;
}

export const areaMismatch: Rule = {
  id: 'block.area_mismatch', severity: 'error',
  run: (data) => each(areaMismatch, data, (b, label) => {
    if (b.declared_area_km2 == null || b.points.length < 3) return null;
    const computed = ringAreaKm2(b.points);
    const diff = Math.abs(computed - b.declared_area_km2);
    if (diff <= areaTolerance(b.declared_area_km2)) return null;
    return finding(areaMismatch, 'blocks', b.id, label, {
      declared: b.declared_area_km2, computed: computed.toFixed(4), pct: ((diff / b.declared_area_km2) * 100).toFixed(2),
    });
  }),
};
