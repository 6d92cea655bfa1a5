// The caches (map pictures, finished maps) keep their newest files: the oldest past the limit go,
// with a stray temporary file; other files in the folder are left alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneOldest } from '../../main/files/cache-prune.ts';
import { tmpDir } from './helpers.ts';

describe('a cache folder pruned', () => {
  it('keeps the newest files of its kind and removes the oldest and stray temporary files', () => {
    const dir = tmpDir('gmp-prune-');
    const at = (name: string, s: number) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, name);
      fs.utimesSync(f, s, s);
    };
    at('a.png', 1000);
    at('b.png', 2000);
    at('x.png.1.tmp', 1500);
    at('c.png', 3000);
    at('d.png', 4000);
    at('notes.txt', 10);
    pruneOldest(dir, '.png', 3);
    expect(fs.readdirSync(dir).sort()).toEqual(['b.png', 'c.png', 'd.png', 'notes.txt']);
    pruneOldest(dir, '.png', 3);
    expect(fs.readdirSync(dir).sort()).toEqual(['b.png', 'c.png', 'd.png', 'notes.txt']);
    expect(() => pruneOldest(path.join(dir, 'missing'), '.png', 3)).not.toThrow();
  });
});
