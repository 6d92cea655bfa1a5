// The finished sketch maps kept on disk between exports (every export runs in a fresh worker), keyed
// by a hash of exactly what a map is drawn from: the plan's rows as the map code and the block
// checks behind the flagged outlines read them, the language and its messages, the map face, the
// map type and options, and the map code's own version. A second export of an unchanged plan reads
// the SVG back instead of projecting, checking and placing labels again; any changed input changes
// the key. The cache is only an aid: a directory that cannot be read or written, or a damaged file,
// means the map is drawn as before; a file is written to a temporary name and renamed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { mineralLabel } from '../domain/minerals.ts';
import { cacheDir, fileIdentity } from '../files/disk-memo.ts';
import { localeOf, resources } from '../i18n/index.ts';
import { mapFontFile } from './measure.ts';
import type { MapType, RenderedMap } from './types.ts';

/**
 * Bumped whenever the drawing changes for the same inputs: anything in main/maps, the block checks
 * (checks/rules/blocks.ts), the projection (facts/projection.ts, proj4) or the label libraries.
 */
export const MAP_CODE_VERSION = 'm1';
/** Files kept; the oldest go first (a plan has three maps, per language). */
const KEEP = 60;

export function mapCacheDir(): string {
  return cacheDir('maps');
}

// What the maps read of a plan, in the plan's order (the order decides what is drawn over what).
// Blocks whole: the block checks read their declared areas and point labels too.
function planInputs(data: PlanData): string {
  const p = data.plan;
  return JSON.stringify({
    plan: [p.jurisdiction_zh, p.jurisdiction_en, p.bbox_west, p.bbox_south, p.bbox_east, p.bbox_north],
    blocks: data.blocks,
    mines: data.mines.map((m) => [m.id, m.name_zh, m.name_en, m.mineral, m.status, m.green_level, m.target_year, m.location]),
    zones: data.zones.map((z) => [z.id, z.name_zh, z.name_en]),
    rights: data.explorationRights.map((e) => [e.id, e.name_zh, e.name_en, e.stage]),
  });
}

const planDigests = new WeakMap<PlanData, string>();
const langDigests = new Map<Lang, string>();

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** The key of one map: a hash of everything its SVG is drawn from. */
export function mapKey(data: PlanData, type: MapType, lang: Lang, showTitle: boolean): string {
  let plan = planDigests.get(data);
  if (!plan) planDigests.set(data, (plan = sha(planInputs(data))));
  let words = langDigests.get(lang);
  if (!words) {
    const r = resources[localeOf(lang)];
    langDigests.set(lang, (words = sha(JSON.stringify([r.maps, r.domain]))));
  }
  // minerals as named in the language (the catalogue's and the plan's own names)
  const minerals = [...new Set(data.mines.map((m) => m.mineral))].map((m) => mineralLabel(m, lang, data.localMinerals ?? []));
  return sha(JSON.stringify([MAP_CODE_VERSION, fileIdentity(mapFontFile()), lang, words, plan, minerals, type, showTitle]));
}

function isRenderedMap(v: unknown, type: MapType): v is RenderedMap {
  const m = v as RenderedMap;
  return !!m && m.type === type && typeof m.svg === 'string' && m.svg.startsWith('<svg') && m.svg.endsWith('</svg>')
    && typeof m.width === 'number' && typeof m.height === 'number' && typeof m.landscape === 'boolean' && typeof m.title === 'string'
    && !!m.stats && typeof m.stats.labels === 'number';
}

/** A map drawn earlier from the same inputs, or null. */
export function readCachedMap(key: string, type: MapType, dir = mapCacheDir()): RenderedMap | null {
  const file = path.join(dir, `${key}.json`);
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (!isRenderedMap(m, type)) return null;
    // touched, so the pruning keeps the maps in use
    const now = new Date();
    fs.utimesSync(file, now, now);
    return m;
  } catch {
    return null; // not cached, unreadable or damaged: drawn afresh
  }
}

export function writeCachedMap(key: string, map: RenderedMap, dir = mapCacheDir()): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${key}.json`);
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(map));
    fs.renameSync(tmp, file);
    prune(dir);
  } catch {
    // a cache that cannot be written costs the next export time, nothing else
  }
}

function prune(dir: string): void {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.tmp'));
  if (files.length <= KEEP) return;
  const dated = files.map((f) => {
    try {
      return { f, t: fs.statSync(path.join(dir, f)).mtimeMs };
    } catch {
      return { f, t: 0 };
    }
  }).sort((a, b) => a.t - b.t);
  for (const { f } of dated.slice(0, dated.length - KEEP)) {
    try {
      fs.unlinkSync(path.join(dir, f));
    } catch {
      // gone already
    }
  }
}
