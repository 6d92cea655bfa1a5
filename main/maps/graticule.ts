// Graticule ticks in degrees along the map frame: where the meridians and parallels of the
// map's own datum cross the frame's edges in the Gauss-Krüger plane (proj4).
import { fromLonLat, toLonLat } from '../facts/projection.ts';
import type { MapPlane } from './types.ts';

export interface Tick { edge: 'top' | 'bottom' | 'left' | 'right'; value: number; pos: number /* easting or northing, m */ }

const STEPS_MIN = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600];

function step(span: number): number {
  for (const s of STEPS_MIN) if (span * 60 / s <= 5) return s / 60;
  return 10;
}

/**
 * Solve f(t) = target for monotonic f on [a, b]: regula falsi with the Illinois step (the
 * meridians and parallels are nearly straight in the plane, so it lands in a few evaluations where
 * bisection took fifty), kept inside the bracket. Returns t and the value f computed there.
 */
function solve<T>(f: (t: number) => T, value: (r: T) => number, target: number, a: number, b: number): { t: number; r: T } | null {
  let ra = f(a), rb = f(b);
  let fa = value(ra) - target, fb = value(rb) - target;
  if (fa * fb > 0) return null;
  if (fa === 0) return { t: a, r: ra };
  if (fb === 0) return { t: b, r: rb };
  let side = 0;
  for (let i = 0; i < 60; i++) {
    const m = (a * fb - b * fa) / (fb - fa);
    const rm = f(m);
    const fm = value(rm) - target;
    // a micrometre in the plane, or the bracket at the resolution of a double
    if (Math.abs(fm) < 1e-6 || Math.abs(b - a) < 1e-13) return { t: m, r: rm };
    if (fa * fm < 0) {
      b = m; fb = fm;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = m; fa = fm;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  const t = (a + b) / 2;
  return { t, r: f(t) };
}

export function graticuleTicks(plane: MapPlane, ext: { minE: number; maxE: number; minN: number; maxN: number }): Tick[] {
  const prefix = plane.zone * 1_000_000;
  const corners = [[ext.minE, ext.minN], [ext.minE, ext.maxN], [ext.maxE, ext.minN], [ext.maxE, ext.maxN]]
    .map(([e, n]) => toLonLat(plane.crs, n, e + prefix));
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  const lon0 = Math.min(...lons), lon1 = Math.max(...lons), lat0 = Math.min(...lats), lat1 = Math.max(...lats);
  const ticks: Tick[] = [];
  const s = step(Math.max(lon1 - lon0, lat1 - lat0));
  const at = (lon: number, lat: number) => fromLonLat(plane.crs, plane.zone, lon, lat);
  for (let lon = Math.ceil(lon0 / s - 1e-9) * s; lon <= lon1 + 1e-9; lon += s) {
    for (const [edge, n] of [['bottom', ext.minN], ['top', ext.maxN]] as const) {
      const hit = solve((t) => at(lon, t), (q) => q.northing, n, lat0 - 1, lat1 + 1);
      if (hit === null) continue;
      const e = hit.r.easting;
      if (e >= ext.minE && e <= ext.maxE) ticks.push({ edge, value: lon, pos: e });
    }
  }
  for (let lat = Math.ceil(lat0 / s - 1e-9) * s; lat <= lat1 + 1e-9; lat += s) {
    for (const [edge, e] of [['left', ext.minE], ['right', ext.maxE]] as const) {
      const hit = solve((t) => at(t, lat), (q) => q.easting, e, lon0 - 1, lon1 + 1);
      if (hit === null) continue;
      const n = hit.r.northing;
      if (n >= ext.minN && n <= ext.maxN) ticks.push({ edge, value: lat, pos: n });
    }
  }
  return ticks;
}

/** 109.8333 → 109°50′ (seconds when the step needs them). */
export function formatDegrees(v: number, hemi: string): string {
  const total = Math.round(v * 3600);
  const d = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${d}°${String(m).padStart(2, '0')}′${s ? `${String(s).padStart(2, '0')}″` : ''}${hemi}`;
}
