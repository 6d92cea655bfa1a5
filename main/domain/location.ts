// A mine's location point as offices type it: longitude/latitude in decimal degrees or
// degrees-minutes-seconds ("109°49′43″, 39°26′16″"), or projected Gauss-Krüger X/Y in metres with
// the zone number before the easting ("4367770.34, 37399162.38"). Stored as typed (normalised).
import { GmpError } from './errors.ts';
import { normaliseCoordinateText } from './coordinates.ts';

export type LocationPoint =
  | { kind: 'lonlat'; lon: number; lat: number }
  | { kind: 'xy'; x: number; y: number };

/** One angle: 109.83, 109.83°, 109°49′43″, 109°49'43", 109度49分43秒, with an optional E/N. */
function angle(s: string): number | null {
  const t = s.trim().replace(/[ENen东北]$/, '').trim();
  if (/^-?\d+(\.\d+)?°?$/.test(t)) return Number(t.replace('°', ''));
  const m = /^(\d+)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′分])?\s*(?:(\d+(?:\.\d+)?)\s*["″秒])?$/.exec(t);
  if (!m) return null;
  const min = m[2] ? Number(m[2]) : 0;
  const sec = m[3] ? Number(m[3]) : 0;
  if (min >= 60 || sec >= 60) return null;
  return Number(m[1]) + min / 60 + sec / 3600;
}

export function parseLocation(text: string): LocationPoint {
  const raw = text.trim();
  const clean = normaliseCoordinateText(raw).replace(/[()（）]/g, '');
  const parts = clean.split(/\s*[,;]\s*|\s+(?=\d)/).filter((p) => p.length > 0);
  if (parts.length !== 2) throw new GmpError('coords.bad_location', { text: raw });
  const [a, b] = parts.map(angle);
  if (a === null || b === null) throw new GmpError('coords.bad_location', { text: raw });
  if (a > 1000 || b > 1000) {
    // projected metres: X the northing, Y the easting with its zone prefix
    if (a < 1_000_000 || a > 9_999_999 || b < 13_000_000 || b > 45_999_999) throw new GmpError('coords.location_out_of_range', { text: raw });
    return { kind: 'xy', x: a, y: b };
  }
  if (a < 73 || a > 136 || b < 3 || b > 54) throw new GmpError('coords.location_out_of_range', { text: raw });
  return { kind: 'lonlat', lon: a, lat: b };
}

/** The stored form: "109.828711, 39.437846" or "4367770.34, 37399162.38". */
export function formatLocation(p: LocationPoint): string {
  return p.kind === 'lonlat' ? `${p.lon.toFixed(6)}, ${p.lat.toFixed(6)}` : `${p.x.toFixed(2)}, ${p.y.toFixed(2)}`;
}
