// The maps' PNG fallbacks (Word shows the SVG; WPS and LibreOffice read the PNG beside it), kept
// on disk by the SVG's content hash: the SVG is the map's whole geometry, labels and style, so a
// second export of an unchanged plan (every export runs in a fresh worker) reads the PNG instead
// of outlining the labels and rasterising again (about 0.5 s CPU for the sample's three maps).
// The cache is only an aid: a directory that cannot be read or written, or a damaged file, means
// the picture is rasterised as before; a file is written to a temporary name and renamed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../../files/disk-memo.ts';
import { pruneOldest } from '../../files/cache-prune.ts';

/**
 * Resolution of the fallback. 200 dpi sets the smallest map text (6 pt notes) about 17 px high,
 * sharp on screen and in print; 300 dpi cost twice the CPU and 1.6 times the bytes for no visible
 * gain at the size the maps are printed.
 */
export const FALLBACK_DPI = 200;

/** Bumped when the rasteriser's output changes (resvg, the outlining of text, the face). */
const VERSION = 'r1';
/** Files kept; the oldest go first (a plan has three maps, per language). */
const KEEP = 60;

export function rasterCacheDir(): string {
  return cacheDir('rasters');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** A whole PNG file: its signature first and its IEND chunk last. */
function wholePng(b: Buffer): boolean {
  return b.length > 40 && b.subarray(0, 8).equals(PNG_SIGNATURE) && b.subarray(b.length - 8).equals(IEND);
}

export interface RasterCacheOptions {
  dir?: string;
  /** the rasteriser: (svg, widthPt, dpi) → PNG */
  rasterise: (svg: string, widthPt: number, dpi: number) => Buffer;
}

/** The PNG of `svg` at `dpi`, from the cache or rasterised (and then cached). */
export function cachedPng(svg: string, widthPt: number, dpi: number, opts: RasterCacheOptions): Buffer {
  const dir = opts.dir ?? rasterCacheDir();
  const key = crypto.createHash('sha256').update(`${VERSION}\n${dpi}\n${widthPt}\n`).update(svg).digest('hex');
  const file = path.join(dir, `${key}.png`);
  try {
    const b = fs.readFileSync(file);
    if (wholePng(b)) {
      // touched, so the pruning keeps the pictures in use
      const now = new Date();
      fs.utimesSync(file, now, now);
      return b;
    }
  } catch {
    // not cached (or unreadable): rasterise
  }
  const png = opts.rasterise(svg, widthPt, dpi);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, png);
    fs.renameSync(tmp, file);
    prune(dir);
  } catch {
    // a cache that cannot be written costs the next export time, nothing else
  }
  return png;
}

function prune(dir: string): void {
  pruneOldest(dir, '.png', KEEP);
}
