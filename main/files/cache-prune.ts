// A cache folder kept to its newest files: past `keep` files, the oldest (by modification time)
// are removed, with the temporary files a crashed write may have left. Only an aid: a file that
// cannot be read or removed is left as it is.
import fs from 'node:fs';
import path from 'node:path';

/** Removes the oldest files ending in `ext` (and any `.tmp`) from `dir` past the newest `keep`. */
export function pruneOldest(dir: string, ext: string, keep: number): void {
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith(ext) || f.endsWith('.tmp'));
  } catch {
    return;
  }
  if (files.length <= keep) return;
  const dated = files.map((f) => {
    try {
      return { f, t: fs.statSync(path.join(dir, f)).mtimeMs };
    } catch {
      return { f, t: 0 };
    }
  }).sort((a, b) => a.t - b.t);
  for (const { f } of dated.slice(0, dated.length - keep)) {
    try {
      fs.rmSync(path.join(dir, f), { force: true });
    } catch {
      // in use or gone: left for the next pruning
    }
  }
}
