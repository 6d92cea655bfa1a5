// What a map shows, from the plan's data: every corner-point block (jurisdiction boundary,
// demonstration zones, exploration rights, mines) as a ring in one Gauss-Krüger plane, and mines
// without blocks at their location point. Nothing is placed that the plan does not locate.
import type { Block, Mine, PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { parseLocation } from '../domain/location.ts';
import { mineralLabel } from '../domain/minerals.ts';
import { project, ringAreaKm2, splitZone, zonesOf } from '../facts/geometry.ts';
import { fromLonLat, toLonLat } from '../facts/projection.ts';
import { areaMismatch, mixedZones, outsideJurisdiction, repeatedPoint, selfIntersection, tooFewPoints } from '../checks/rules/blocks.ts';
import { computeFacts, type Facts } from '../facts/plan-facts.ts';
import type { FeatureKind, MapFeature, MapModel, MapPlane, MapType, XY } from './types.ts';

const BLOCK_RULES = [tooFewPoints, repeatedPoint, selfIntersection, mixedZones, outsideJurisdiction, areaMismatch];

/** The plan's figures, computed only if a rule reads them (the block rules are geometric and do not). */
function lazyFacts(data: PlanData): Facts {
  let facts: Facts | null = null;
  return new Proxy({} as Facts, { get: (_t, key) => (facts ??= computeFacts(data))[key as keyof Facts] });
}

/** The ids of blocks the plan checks find in error. */
export function flaggedBlocks(data: PlanData): Set<number> {
  const facts = lazyFacts(data);
  return new Set(BLOCK_RULES.flatMap((r) => r.run(data, facts)).filter((f) => f.table === 'blocks' && f.rowId != null).map((f) => f.rowId!));
}

/** The plane most of the plan's coordinates are typed in: the commonest (system, zone). */
export function choosePlane(data: PlanData): MapPlane {
  const count = new Map<string, number>();
  const add = (crs: string, zone: number, n: number) => count.set(`${crs}:${zone}`, (count.get(`${crs}:${zone}`) ?? 0) + n);
  for (const b of data.blocks) {
    // a block's points are nearly always in one zone: counted per run of one zone, not per point
    let zone = NaN, n = 0;
    for (const p of b.points) {
      const z = Math.floor(p.y / 1_000_000);
      if (z !== zone) { if (n) add(b.crs, zone, n); zone = z; n = 0; }
      n += 1;
    }
    if (n) add(b.crs, zone, n);
  }
  for (const m of data.mines) {
    const loc = safeLocation(m);
    if (loc?.kind === 'xy') add('xian80', splitZone(loc.y).zone, 1);
  }
  let best: MapPlane | null = null;
  let n = -1;
  for (const [k, v] of count) {
    const [crs, zone] = k.split(':');
    if (v > n) { n = v; best = { crs: crs as MapPlane['crs'], zone: Number(zone) }; }
  }
  if (best) return best;
  // nothing located: the zone of the plan's extent, in the older system
  const p = data.plan;
  const lon = p.bbox_west != null && p.bbox_east != null ? (p.bbox_west + p.bbox_east) / 2 : 111;
  return { crs: 'xian80', zone: Math.round(lon / 3) };
}

// a mine's location point, parsed once per plan snapshot (the plane and each of the three maps read it)
const locations = new WeakMap<Mine, ReturnType<typeof parseLocation> | null>();

function safeLocation(m: Mine) {
  if (!m.location) return null;
  let loc = locations.get(m);
  if (loc === undefined) {
    try {
      loc = parseLocation(m.location);
    } catch {
      loc = null; // stored values are validated; an old file's odd value is simply not drawn
    }
    locations.set(m, loc);
  }
  return loc;
}

export function mineCategory(type: MapType, m: Mine): string {
  if (type === 'distribution') return `mineral:${m.mineral}`;
  if (type === 'status') return `status:${m.status ?? 'unknown'}`;
  if (m.green_level) return `green:${m.green_level}`;
  if (m.target_year) return `target:${m.target_year}`;
  return 'other';
}

interface BlockGeometry { ring: XY[]; spansZones: boolean; areaKm2: number }

// The plane and every block's ring in it depend on the coordinates only, not on the map type:
// worked out once per plan snapshot and shared by the three maps.
const geometries = new WeakMap<PlanData, { plane: MapPlane; blocks: Map<number, BlockGeometry> }>();

function planGeometry(data: PlanData) {
  let g = geometries.get(data);
  if (g) return g;
  const plane = choosePlane(data);
  const blocks = new Map<number, BlockGeometry>();
  for (const b of data.blocks) {
    if (b.points.length < 3) continue;
    const ring = b.points.map((pt): XY => {
      const q = project(pt);
      if (b.crs === plane.crs && q.zone === plane.zone) return [q.easting, q.northing];
      const [lon, lat] = toLonLat(b.crs, pt.x, pt.y);
      const r = fromLonLat(plane.crs, plane.zone, lon, lat);
      return [r.easting, r.northing];
    });
    blocks.set(b.id, { ring, spansZones: zonesOf(b.points).length > 1, areaKm2: ringAreaKm2(b.points) });
  }
  geometries.set(data, (g = { plane, blocks }));
  return g;
}

export function buildMapModel(data: PlanData, type: MapType, lang: Lang, flagged = flaggedBlocks(data)): MapModel {
  const geometry = planGeometry(data);
  const plane = geometry.plane;
  const notes = { unplacedMines: 0, unplacedExploration: 0, spanning: 0, otherCrs: 0, lonLatPoints: 0, flagged: 0 };
  const toPlane = (b: Block): BlockGeometry => {
    const g = geometry.blocks.get(b.id)!;
    if (g.spansZones) notes.spanning += 1;
    if (b.crs !== plane.crs) notes.otherCrs += 1;
    return g;
  };
  const name = (zh: string, en: string) => (lang === 'zh' ? zh : en || zh);
  const mines = new Map(data.mines.map((m) => [m.id, m]));
  const zones = new Map(data.zones.map((z) => [z.id, z]));
  const rights = new Map(data.explorationRights.map((e) => [e.id, e]));
  const features: MapFeature[] = [];
  const minesWithBlocks = new Set<number>();
  const rightsWithBlocks = new Set<number>();
  const showExploration = type === 'status';

  for (const b of data.blocks) {
    if (b.points.length < 3) continue;
    let kind: FeatureKind;
    let category: string;
    let label: string;
    let row: MapFeature['row'];
    if (b.boundary) {
      kind = 'boundary'; category = 'boundary'; label = ''; row = { table: 'blocks', id: b.id };
    } else if (b.mine_id != null && mines.has(b.mine_id)) {
      const m = mines.get(b.mine_id)!;
      minesWithBlocks.add(m.id);
      kind = 'mine'; category = mineCategory(type, m); label = name(m.name_zh, m.name_en); row = { table: 'mines', id: m.id };
    } else if (b.exploration_id != null && rights.has(b.exploration_id)) {
      const e = rights.get(b.exploration_id)!;
      rightsWithBlocks.add(e.id);
      if (!showExploration) continue;
      kind = 'exploration'; category = `stage:${e.stage}`; label = name(e.name_zh, e.name_en); row = { table: 'exploration_rights', id: e.id };
    } else if (b.zone_id != null && zones.has(b.zone_id)) {
      const z = zones.get(b.zone_id)!;
      kind = 'zone'; category = 'zone'; label = name(z.name_zh, z.name_en); row = { table: 'zones', id: z.id };
    } else {
      kind = 'zone'; category = 'block'; label = b.name_zh; row = { table: 'blocks', id: b.id };
    }
    const isFlagged = flagged.has(b.id);
    if (isFlagged) notes.flagged += 1;
    const g = toPlane(b);
    features.push({ kind, blockId: b.id, row, name: label, category, ring: g.ring, areaKm2: g.areaKm2, flagged: isFlagged, spansZones: g.spansZones });
  }
  for (const m of data.mines) {
    if (minesWithBlocks.has(m.id)) continue;
    const loc = safeLocation(m);
    if (!loc) { notes.unplacedMines += 1; continue; }
    let point: XY;
    if (loc.kind === 'lonlat') {
      notes.lonLatPoints += 1;
      const r = fromLonLat(plane.crs, plane.zone, loc.lon, loc.lat);
      point = [r.easting, r.northing];
    } else {
      const q = splitZone(loc.y);
      if (q.zone === plane.zone) point = [q.easting, loc.x];
      else {
        const [lon, lat] = toLonLat(plane.crs, loc.x, loc.y);
        const r = fromLonLat(plane.crs, plane.zone, lon, lat);
        point = [r.easting, r.northing];
      }
    }
    features.push({ kind: 'mine', blockId: null, row: { table: 'mines', id: m.id }, name: name(m.name_zh, m.name_en), category: mineCategory(type, m), point, flagged: false, spansZones: false });
  }
  if (showExploration) notes.unplacedExploration = data.explorationRights.filter((e) => !rightsWithBlocks.has(e.id)).length;
  const order: Record<FeatureKind, number> = { boundary: 0, zone: 1, exploration: 2, mine: 3 };
  features.sort((a, b) => order[a.kind] - order[b.kind] || (a.point ? 1 : 0) - (b.point ? 1 : 0));
  const mineralNames = Object.fromEntries([...new Set(data.mines.map((m) => m.mineral))].map((m) => [m, mineralLabel(m, lang, data.localMinerals ?? [])]));
  return { type, plane, features, notes, mineralNames };
}
