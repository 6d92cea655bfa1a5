// Values computed from a file that does not change between runs (a font's advance widths, the
// width of a word set in it), remembered on disk from one export to the next. Every export runs in
// a fresh worker: without this each one loads fontkit and opens the faces again (about 0.3 s CPU
// for the sample) to measure the same characters. A memo is tied to its source file's identity
// (path, size, modification time) and a version: a changed file or version starts it afresh.
// It is only an aid: a cache that cannot be read or written, or a damaged file, means the values
// are computed as before. Files are written whole (temporary name, then rename).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The app's cache folder: GMP_CACHE_DIR, else ~/.cache/gmp-studio; `sub` a folder inside it. */
export function cacheDir(sub: string): string {
  const root = process.env.GMP_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'gmp-studio');
  return path.join(root, sub);
}

/** Identity of a source file: its path, size and modification time (empty when it cannot be read). */
export function fileIdentity(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${path.resolve(file)}|${s.size}|${Math.round(s.mtimeMs)}`;
  } catch {
    return '';
  }
}

export class DiskMemo {
  private readonly values = new Map<string, number>();
  private dirty = false;

  /**
   * `file`: where the memo is kept; `identity`: what its values were computed from (an empty
   * identity keeps nothing on disk); `max`: entries kept (past it the memo starts afresh).
   */
  constructor(readonly file: string, private readonly identity: string, private readonly max = 100_000) {
    if (!identity) return;
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { identity?: unknown; values?: unknown };
      if (stored.identity === identity && stored.values && typeof stored.values === 'object') {
        for (const [k, v] of Object.entries(stored.values as Record<string, unknown>)) if (typeof v === 'number' && Number.isFinite(v)) this.values.set(k, v);
      }
    } catch {
      // none yet, unreadable or damaged: computed afresh
    }
  }

  get size(): number {
    return this.values.size;
  }

  get(key: string): number | undefined {
    return this.values.get(key);
  }

  set(key: string, value: number): void {
    if (this.values.size >= this.max) this.values.clear();
    this.values.set(key, value);
    this.dirty = true;
  }

  /** Writes the memo if it learned anything since it was read or last written. */
  save(): void {
    if (!this.dirty || !this.identity) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ identity: this.identity, values: Object.fromEntries(this.values) }));
      fs.renameSync(tmp, this.file);
      this.dirty = false;
    } catch {
      // a memo that cannot be written costs the next run time, nothing else
    }
  }
}

const open = new Map<string, DiskMemo>();

/** The memo kept at `<cache>/memo/<name>.json` for `identity` (one per name and process). */
export function diskMemo(name: string, identity: string): DiskMemo {
  const file = path.join(cacheDir('memo'), `${name}.json`);
  let m = open.get(file);
  if (!m) {
    m = new DiskMemo(file, identity);
    open.set(file, m);
  }
  return m;
}

/** Writes every memo of this process that learned something (at the end of an export). */
export function saveDiskMemos(): void {
  for (const m of open.values()) m.save();
}
