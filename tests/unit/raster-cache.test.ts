// The maps' PNG fallbacks are kept on disk by the SVG's hash: a second export of the same map reads
// the picture instead of rasterising it; a damaged or unwritable cache only costs the rasterising.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedPng } from '../../main/export/docx/raster-cache.ts';
import { tmpDir } from './helpers.ts';

// a stand-in rasteriser: a PNG-framed buffer naming its input, and a count of its calls
function fake() {
  const calls: string[] = [];
  const rasterise = (svg: string, widthPt: number, dpi: number) => {
    calls.push(svg);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`${svg}|${widthPt}|${dpi}`.padEnd(48, '.')), Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]);
  };
  return { calls, rasterise };
}

describe('the raster cache', () => {
  it('rasterises a map once and reads it back after, byte for byte; another map, width or resolution is another picture', () => {
    const dir = tmpDir('gmp-raster-');
    const r = fake();
    const a = cachedPng('<svg id="a"/>', 600, 200, { dir, rasterise: r.rasterise });
    expect(r.calls).toHaveLength(1);
    const again = cachedPng('<svg id="a"/>', 600, 200, { dir, rasterise: r.rasterise });
    expect(r.calls).toHaveLength(1);
    expect(again.equals(a)).toBe(true);
    cachedPng('<svg id="b"/>', 600, 200, { dir, rasterise: r.rasterise });
    cachedPng('<svg id="a"/>', 601, 200, { dir, rasterise: r.rasterise });
    cachedPng('<svg id="a"/>', 600, 300, { dir, rasterise: r.rasterise });
    expect(r.calls).toHaveLength(4);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(4);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rasterises again over a damaged file, and still returns the picture when it cannot write', () => {
    const dir = tmpDir('gmp-raster-');
    const r = fake();
    const a = cachedPng('<svg id="a"/>', 600, 200, { dir, rasterise: r.rasterise });
    const [file] = fs.readdirSync(dir);
    fs.writeFileSync(path.join(dir, file), a.subarray(0, 20)); // cut short
    expect(cachedPng('<svg id="a"/>', 600, 200, { dir, rasterise: r.rasterise }).equals(a)).toBe(true);
    expect(r.calls).toHaveLength(2);
    expect(fs.readFileSync(path.join(dir, file)).equals(a)).toBe(true);
    // a "directory" that is a file: nothing can be cached, the picture still comes back
    const blocked = path.join(tmpDir('gmp-raster-'), 'file');
    fs.writeFileSync(blocked, 'x');
    expect(cachedPng('<svg id="a"/>', 600, 200, { dir: blocked, rasterise: r.rasterise }).equals(a)).toBe(true);
  });

  it('keeps at most 60 pictures, dropping the least recently used', () => {
    const dir = tmpDir('gmp-raster-');
    const r = fake();
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 64; i++) {
      cachedPng(`<svg id="${i}"/>`, 600, 200, { dir, rasterise: r.rasterise });
      // the picture just written dated i seconds after the base: distinct times, oldest first
      const t = new Date(base + i * 1000);
      for (const f of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, f)).mtimeMs > base + 600_000) fs.utimesSync(path.join(dir, f), t, t);
    }
    expect(fs.readdirSync(dir)).toHaveLength(60);
    // the newest is still there, the first is gone
    r.calls.length = 0;
    cachedPng('<svg id="63"/>', 600, 200, { dir, rasterise: r.rasterise });
    expect(r.calls).toHaveLength(0);
    cachedPng('<svg id="0"/>', 600, 200, { dir, rasterise: r.rasterise });
    expect(r.calls).toHaveLength(1);
  });
});
