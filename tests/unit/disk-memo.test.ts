// Measurements kept on disk between exports (files/disk-memo.ts): the same numbers come back in the
// next process, a changed source file or a damaged memo starts afresh, and an export measured from
// the memo is the export measured from the faces, byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DiskMemo } from '../../main/files/disk-memo.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const ROOT = path.resolve(__dirname, '../..');

describe('a disk memo', () => {
  it('returns what an earlier one saved for the same source, exactly; nothing for another source', () => {
    const file = path.join(tmpDir('gmp-memo-'), 'm', 'face.json');
    const a = new DiskMemo(file, 'font.ttf|100|1');
    a.set('a19968', 1);
    a.set('sHello ', 0.1 + 0.2); // a float that does not print short
    a.save();
    const b = new DiskMemo(file, 'font.ttf|100|1');
    expect(b.get('a19968')).toBe(1);
    expect(b.get('sHello ')).toBe(0.1 + 0.2);
    expect(new DiskMemo(file, 'font.ttf|101|1').get('a19968')).toBeUndefined();
  });

  it('starts afresh over a damaged file and never throws when it cannot write', () => {
    const dir = tmpDir('gmp-memo-');
    const file = path.join(dir, 'face.json');
    fs.writeFileSync(file, '{"identity":"x","values":{"a1":');
    const m = new DiskMemo(file, 'x');
    expect(m.size).toBe(0);
    m.set('a1', 2);
    m.save();
    expect(new DiskMemo(file, 'x').get('a1')).toBe(2);
    const blocked = new DiskMemo(path.join(file, 'under-a-file.json'), 'x');
    blocked.set('a1', 2);
    expect(() => blocked.save()).not.toThrow();
  });
});

describe('an export measured from the memo', () => {
  it('is the export measured from the faces (the sample in Word, zh), and keeps its measures for the next', async () => {
    const { file } = await samplePlan();
    const cache = tmpDir('gmp-memo-cache-');
    const out = tmpDir('gmp-memo-out-');
    const run = (name: string) => {
      const target = path.join(out, name);
      execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/bench-one.ts', file, 'zh', 'docx', target, 'direct'], { cwd: ROOT, env: { ...process.env, GMP_CACHE_DIR: cache }, stdio: 'pipe' });
      return strFromU8(unzipSync(fs.readFileSync(target))['word/document.xml']);
    };
    const cold = run('cold.docx');
    const memos = fs.readdirSync(path.join(cache, 'memo'));
    expect(memos).toEqual(expect.arrayContaining(['face-1-serif.json', 'face-1-latin.json', 'map-face-1.json', 'lines-1.json']));
    const serif = JSON.parse(fs.readFileSync(path.join(cache, 'memo', 'face-1-serif.json'), 'utf8')) as { values: Record<string, number> };
    expect(serif.values[`a${'煤'.codePointAt(0)}`]).toBe(1); // every Han glyph is one em
    expect(run('warm.docx')).toBe(cold);
  }, 120_000);
});

describe('line counts kept between exports', () => {
  it('are the counts of the lines the text breaks into, read back or computed', async () => {
    const cache = tmpDir('gmp-lines-cache-');
    process.env.GMP_CACHE_DIR = cache;
    const { buildDocument } = await import('../../main/document/build.ts');
    const { bodyFlowItems } = await import('../../main/export/layout/paginate.ts');
    const { saveDiskMemos } = await import('../../main/files/disk-memo.ts');
    const { data } = await samplePlan();
    const check = () => {
      let texts = 0;
      for (const it of bodyFlowItems(buildDocument(data, 'zh'))) {
        if (it.kind !== 'text' || !it.set) continue;
        expect(it.lines).toBe(it.set.lines.length);
        texts++;
      }
      return texts;
    };
    expect(check()).toBeGreaterThan(100);
    saveDiskMemos();
    const kept = JSON.parse(fs.readFileSync(path.join(cache, 'memo', 'lines-1.json'), 'utf8')) as { values: Record<string, number> };
    expect(Object.keys(kept.values).length).toBeGreaterThan(100);
    // a second document of the same plan: the counts now come from the memo, and still match
    expect(check()).toBeGreaterThan(100);
  }, 120_000);
});
