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
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { mineralLabel } from '../domain/minerals.ts';
import { cacheDir, fileIdentity } from '../files/disk-memo.ts';
import { localeOf, resources } from '../i18n/index.ts';
import { mapFontFile } from './measure.ts';
import type { MapType, RenderedMap } from './types.ts';
import { pruneOldest } from '../files/cache-prune.ts';

const require = createRequire(import.meta.url);

/**
 * Bumped whenever the drawing changes for the same inputs: anything in main/maps, the block checks
 * (checks/rules/blocks.ts), the projection (facts/projection.ts, proj4) or the label libraries.
 * The identity of the code's own files is in the key too (codeIdentity), so a change the version
 * missed still draws afresh where the sources (or an app's bundle) changed.
 */
export const MAP_CODE_VERSION = 'm2';
/** Files kept; the oldest go first (a plan has three maps, per language). */
const KEEP = 60;

export function mapCacheDir(): string {
  return cacheDir('maps');
}

// What the maps read of a plan, in the plan's order (the order decides what is drawn over what):
// every field of the blocks (the block checks read their declared areas and point labels too), the
// corner coordinates as binary doubles (a 5,000-block plan's 60,000 numbers hashed without turning
// them into text), and the fields of the other rows the maps name, colour and place by.
function planDigest(data: PlanData): string {
  const p = data.plan;
  const h = crypto.createHash('sha256');
  let n = 0;
  for (const b of data.blocks) n += b.points.length;
  const xy = new Float64Array(2 * n);
  let i = 0;
  const blocks = data.blocks.map((b) => {
    const { points, ...rest } = b;
    for (const pt of points) { xy[i++] = pt.x; xy[i++] = pt.y; }
    return [rest, points.length, points.map((pt) => pt.label).join('\u0001')];
  });
  h.update(JSON.stringify({
    plan: [p.jurisdiction_zh, p.jurisdiction_en, p.bbox_west, p.bbox_south, p.bbox_east, p.bbox_north],
    blocks,
    mines: data.mines.map((m) => [m.id, m.name_zh, m.name_en, m.mineral, m.status, m.green_level, m.target_year, m.location]),
    zones: data.zones.map((z) => [z.id, z.name_zh, z.name_en]),
    rights: data.explorationRights.map((e) => [e.id, e.name_zh, e.name_en, e.stage]),
  }));
  h.update(new Uint8Array(xy.buffer));
  return h.digest('hex');
}

const planDigests = new WeakMap<PlanData, string>();
const langDigests = new Map<Lang, string>();
let face: string | null = null;
let code: string | null = null;

/**
 * The files the drawing comes from, by path, size and modification time: this folder (main/maps,
 * or the bundle holding this code in a built app) and the block checks and projection beside it.
 */
function codeIdentity(): string {
  try {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const files = fs.readdirSync(dir).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort().map((f) => path.join(dir, f));
    for (const rel of [
      '../checks/rules/blocks.ts', '../checks/finding.ts', '../facts/projection.ts', '../facts/geometry.ts',
      '../domain/location.ts', '../domain/vocabulary.ts', '../domain/minerals.ts',
    ]) files.push(path.join(dir, rel));
    // and the libraries it draws with (placing labels, indexing, projecting), by their installed entry file
    const libs = ['polylabel', 'rbush', 'proj4'].map((name) => {
      try {
        return fileIdentity(require.resolve(name));
      } catch {
        return name;
      }
    });
    return [...files.map(fileIdentity), ...libs].join('\n');
  } catch {
    return '';
  }
}

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** The key of one map: a hash of everything its SVG is drawn from. */
export function mapKey(data: PlanData, type: MapType, lang: Lang, showTitle: boolean): string {
  let plan = planDigests.get(data);
  if (!plan) planDigests.set(data, (plan = planDigest(data)));
  let words = langDigests.get(lang);
  if (!words) {
    const r = resources[localeOf(lang)];
    langDigests.set(lang, (words = sha(JSON.stringify([r.maps, r.domain]))));
  }
  // minerals as named in the language (the catalogue's and the plan's own names)
  const minerals = [...new Set(data.mines.map((m) => m.mineral))].map((m) => mineralLabel(m, lang, data.localMinerals ?? []));
  // the face as this process measures it (measure.ts reads it once per process too)
  face ??= fileIdentity(mapFontFile());
  code ??= codeIdentity();
  return sha(JSON.stringify([MAP_CODE_VERSION, code, face, lang, words, plan, minerals, type, showTitle]));
}

function isRenderedMap(v: unknown, type: MapType): v is RenderedMap {
  const m = v as RenderedMap;
  return !!m && m.type === type && typeof m.svg === 'string' && m.svg.startsWith('<svg') && m.svg.endsWith('</svg>')
    && typeof m.width === 'number' && typeof m.height === 'number' && typeof m.landscape === 'boolean' && typeof m.title === 'string'
    && !!m.stats && typeof m.stats.labels === 'number';
}

// A file holds the map's facts as one line of JSON, then the SVG as it is (a large plan's SVG runs
// to megabytes: read back without escaping and parsing it).
const EXT = '.map';

/** A map drawn earlier from the same inputs, or null. */
export function readCachedMap(key: string, type: MapType, dir = mapCacheDir()): RenderedMap | null {
  const file = path.join(dir, `${key}${EXT}`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const text = fs.readFileSync(fd, 'utf8');
    const nl = text.indexOf('\n');
    if (nl < 0) return null;
    const m = JSON.parse(text.slice(0, nl)) as Record<string, unknown>;
    m.svg = text.slice(nl + 1);
    if (!isRenderedMap(m, type)) return null;
    // touched, so the pruning keeps the maps in use (not on every read: an hour's accuracy will do)
    if (Date.now() - fs.fstatSync(fd).mtimeMs > 3_600_000) {
      const now = new Date();
      fs.futimesSync(fd, now, now);
    }
    return m;
  } catch {
    return null; // not cached, unreadable or damaged: drawn afresh
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export function writeCachedMap(key: string, map: RenderedMap, dir = mapCacheDir()): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${key}${EXT}`);
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    // the facts in the map's own order, its SVG left empty in them
    fs.writeFileSync(tmp, `${JSON.stringify({ ...map, svg: '' })}\n${map.svg}`);
    fs.renameSync(tmp, file);
    // at the first write of a process and every 20th after (an export writes a few maps; a
    // long-running app that previews after every edit still keeps the folder bounded)
    const n = writes.get(dir) ?? 0;
    writes.set(dir, n + 1);
    if (n % 20 === 0) prune(dir);
  } catch {
    // a cache that cannot be written costs the next export time, nothing else
  }
}

const writes = new Map<string, number>();

function prune(dir: string): void {
  pruneOldest(dir, EXT, KEEP);
}
