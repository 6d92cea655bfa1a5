// Corner-point geometry on Gauss-Krüger 3° zone coordinates (Xi'an 1980 / CGCS2000).
// X is the northing in metres; Y is the easting with the zone number as its prefix
// (37399162.38 → zone 37, 399162.38 m with the 500 000 m false easting).
import type { CornerPoint } from '../domain/coordinates.ts';

export interface ProjectedPoint {
  zone: number;
  northing: number;
  easting: number; // without the zone prefix
}

export function splitZone(y: number): { zone: number; easting: number } {
  const zone = Math.floor(y / 1_000_000);
  return { zone, easting: y - zone * 1_000_000 };
}

export function project(p: CornerPoint): ProjectedPoint {
  const { zone, easting } = splitZone(p.y);
  return { zone, northing: p.x, easting };
}

/** Central meridian of a 3° zone, degrees east. */
export function centralMeridian(zone: number): number {
  return zone * 3;
}

/** Shoelace area in square metres (absolute), on the projected plane. */
export function ringAreaM2(points: readonly CornerPoint[]): number {
  const n = points.length;
  if (n < 3) return 0;
  // Shift to a local origin to keep the products small and exact enough.
  const ox = points[0].x;
  const oy = splitZone(points[0].y).easting;
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i];
    const b = points[(i + 1) % n];
    const ax = a.x - ox;
    const ay = splitZone(a.y).easting - oy;
    const bx = b.x - ox;
    const by = splitZone(b.y).easting - oy;
    twice += ay * bx - by * ax;
  }
  return Math.abs(twice) / 2;
}

export function ringAreaKm2(points: readonly CornerPoint[]): number {
  return ringAreaM2(points) / 1_000_000;
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function zonesOf(points: readonly CornerPoint[]): number[] {
  return [...new Set(points.map((p) => splitZone(p.y).zone))];
}
