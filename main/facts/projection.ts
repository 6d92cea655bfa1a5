// Gauss-Krüger 3° zones of Xi'an 1980 and CGCS2000 to and from longitude/latitude with proj4 (shared by the checks and the maps).
// EPSG codes with zone prefix: Xi'an 1980 zones 25-45 = EPSG:2349-2369; CGCS2000 = EPSG:4513-4533.
// EPSG axis order is northing, easting; proj4 takes (easting, northing).
import proj4 from 'proj4';
import type { CoordinateSystem } from '../domain/vocabulary.ts';

const ELLIPSOID: Record<CoordinateSystem, string> = {
  xian80: '+a=6378140 +rf=298.257', // IAG 1975
  cgcs2000: '+ellps=GRS80',
};

export function epsgCode(crs: CoordinateSystem, zone: number): number | null {
  if (zone < 25 || zone > 45) return null;
  return (crs === 'xian80' ? 2349 : 4513) + (zone - 25);
}

export function defineZone(crs: CoordinateSystem, zone: number): string {
  const code = epsgCode(crs, zone);
  const name = code ? `EPSG:${code}` : `GK3-${crs}-${zone}`;
  if (!proj4.defs(name)) {
    proj4.defs(name, `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 ${ELLIPSOID[crs]} +units=m +no_defs`);
  }
  return name;
}

// One converter per (system, zone): building one parses its definition, which costs far more than a point.
const converters = new Map<string, proj4.Converter>();
function converter(crs: CoordinateSystem, zone: number): proj4.Converter {
  const key = `${crs}:${zone}`;
  let c = converters.get(key);
  if (!c) {
    c = proj4('WGS84', defineZone(crs, zone));
    converters.set(key, c);
  }
  return c;
}

/** (X northing, Y easting with zone prefix) → [longitude, latitude] in degrees. */
export function toLonLat(crs: CoordinateSystem, x: number, y: number): [number, number] {
  const zone = Math.floor(y / 1_000_000);
  const [lon, lat] = converter(crs, zone).inverse([y, x]);
  return [lon, lat];
}

/** [longitude, latitude] in degrees → the plane of one zone: { northing, easting } (easting without the zone prefix). */
export function fromLonLat(crs: CoordinateSystem, zone: number, lon: number, lat: number): { northing: number; easting: number } {
  const [e, n] = converter(crs, zone).forward([lon, lat]);
  return { northing: n, easting: e - zone * 1_000_000 };
}

/** The 3° zone whose central meridian is nearest a longitude. */
export function zoneOfLongitude(lon: number): number {
  return Math.round(lon / 3);
}
