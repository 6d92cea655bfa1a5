// Linear hot paths and bounded reading: an import's time per row stays flat as the file grows; a
// spreadsheet bomb or a zip bomb is refused early naming the limit; long coordinate cells parse in
// linear time; a block with thousands of corner points lays out in linear time and whole.
// Absolute speed figures are printed by `npm run bench`; here only generous complexity ratios.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCornerPoints } from '../../main/domain/coordinates.ts';
import { GmpError } from '../../main/domain/errors.ts';
import { describeError } from '../../main/i18n/index.ts';
import { importFile } from '../../main/import/import-plan.ts';
import { IMPORT_LIMITS, readSheets } from '../../main/import/read-sheets.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { buildDocument } from '../../main/document/build.ts';
import { renderPdf, cellChunks } from '../../main/export/pdf/render-pdf.ts';
import { writeLicenceCsv } from '../bench/licence-csv.ts';
import { writeXlsxBomb } from '../bench/xlsx-bomb.ts';
import { tmpDir } from './helpers.ts';

const dir = tmpDir('gmp-hot-');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function refusal(p: Promise<unknown>): Promise<GmpError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GmpError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('import in linear time', () => {
  async function importCpuPerRow(rows: number): Promise<number> {
    const csv = path.join(dir, `lic-${rows}.csv`);
    writeLicenceCsv(csv, rows);
    const plan = path.join(dir, `p-${rows}.gmplan`);
    await createPlanFile(plan, defaultPlan('district', '测试区'));
    const p = Project.open(plan);
    try {
      const t = cpu();
      const r = await importFile(p, csv, { table: 'licences' });
      const spent = cpu() - t;
      expect(r.errors).toEqual([]);
      expect(r.written).toBe(true);
      expect((p.db.prepare('SELECT COUNT(*) AS n FROM licences').get() as { n: number }).n).toBe(rows);
      return spent / rows;
    } finally {
      p.close();
    }
  }

  it('50,000 licence rows cost per row within 2× of 5,000 (CPU time)', async () => {
    await importCpuPerRow(1000); // warm the JIT
    const small = await importCpuPerRow(5000);
    const large = await importCpuPerRow(50_000);
    expect(large / small, `per row: 5k ${small.toFixed(3)} ms, 50k ${large.toFixed(3)} ms`).toBeLessThan(2);
  }, 600_000);

  it('the name lookups the import makes use indexes', async () => {
    const plan = path.join(dir, 'idx.gmplan');
    await createPlanFile(plan, defaultPlan('district', '测试区'));
    const p = Project.open(plan);
    try {
      const planOf = (sql: string) => (p.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x', 'x') as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(planOf('SELECT id FROM mines WHERE name_zh = ? OR holder = ?')).toMatch(/INDEX/);
      expect(planOf('SELECT name_zh FROM mines WHERE name_zh >= ? AND name_zh < ? || char(1114111) LIMIT 2')).toMatch(/USING (COVERING )?INDEX mines_name/);
      expect(planOf('SELECT COALESCE(MAX(sort), 0) + 1 AS s FROM licences WHERE ? = ?')).toMatch(/INDEX/);
    } finally {
      p.close();
    }
  });
});

describe('bounded reading', () => {
  it('a 5,000,000-row xlsx bomb is refused in ≤ 5 s and ≤ 300 MB, naming the row limit', () => {
    const file = path.join(dir, 'bomb.xlsx');
    writeXlsxBomb(file, 5_000_000);
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    // in its own process, so its peak memory is its own
    const probe = path.join(dir, 'probe.mts');
    fs.writeFileSync(probe, `import { readSheets } from ${JSON.stringify(path.resolve('main/import/read-sheets.ts'))};
import { describeError } from ${JSON.stringify(path.resolve('main/i18n/index.ts'))};
const t = performance.now();
let message = '';
try { await readSheets(process.argv[2]); } catch (e) { message = describeError(e, 'en'); }
process.stdout.write(JSON.stringify({ ms: performance.now() - t, rssMB: process.resourceUsage().maxRSS / 1024, message }));`);
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', probe, file], { encoding: 'utf8' })) as { ms: number; rssMB: number; message: string };
    expect(out.message).toContain('200000');
    expect(out.message).toMatch(/more than 200000 rows/);
    expect(out.ms).toBeLessThanOrEqual(5000);
    expect(out.rssMB).toBeLessThanOrEqual(300);
  }, 120_000);

  it('the same workbook under the limit reads (the generator writes a real xlsx)', async () => {
    const file = path.join(dir, 'small.xlsx');
    writeXlsxBomb(file, 3, { refs: true });
    const [sheet] = await readSheets(file);
    expect(sheet).toEqual({ name: '许可证', rows: [['矿1', '1'], ['矿2', '2'], ['矿3', '3']] });
  });

  it('a zip bomb is refused by its declared size, and by its real size when the declaration lies', async () => {
    const file = path.join(dir, 'zip.xlsx');
    writeXlsxBomb(file, 15_000, { refs: true }); // ~1.3 MB of sheet XML
    const small = { unpackedBytes: 1024 * 1024 };
    const declared = await refusal(readSheets(file, { limits: small }));
    expect(declared.code).toBe('import.too_large');
    // the central directory lies: it declares a few bytes; the counting inflate finds the truth
    const buf = fs.readFileSync(file);
    for (let i = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) buf.writeUInt32LE(10, i + 24);
    const lying = path.join(dir, 'lying.xlsx');
    fs.writeFileSync(lying, buf);
    const real = await refusal(readSheets(lying, { limits: small }));
    expect(real.code).toBe('import.too_large');
    expect(describeError(real, 'en')).toContain('more than 1 MB');
  });

  it('caps on columns, cell length and rows, announced in the message', async () => {
    const wide = path.join(dir, 'wide.csv');
    fs.writeFileSync(wide, `${Array.from({ length: IMPORT_LIMITS.columns + 1 }, (_, i) => `c${i}`).join(',')}\n`);
    const w = await refusal(readSheets(wide));
    expect(w.code).toBe('import.too_many_columns');
    expect(describeError(w, 'zh')).toContain('1000');
    const long = path.join(dir, 'long.csv');
    fs.writeFileSync(long, `矿山名称,拐点坐标\n甲,${'1'.repeat(IMPORT_LIMITS.cellChars + 1)}\n`);
    const l = await refusal(readSheets(long));
    expect(l.code).toBe('import.cell_too_long');
    expect(describeError(l, 'en')).toContain('100000');
    const tall = path.join(dir, 'tall.csv');
    writeLicenceCsv(tall, 120);
    const t = await refusal(readSheets(tall, { limits: { rows: 100 } }));
    expect(t.code).toBe('import.too_many_rows');
    expect(describeError(t, 'en')).toContain('100 rows');
  });

  it('junk is refused without echoing its bytes; a malformed CSV names the line, not the content', async () => {
    const junk = path.join(dir, 'junk.csv');
    fs.writeFileSync(junk, Buffer.concat([Buffer.from('root:x:0:0:secret\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x00, 0x7f])]));
    const j = await refusal(readSheets(junk));
    expect(j.code).toBe('import.not_text');
    for (const lang of ['zh', 'en'] as const) {
      const m = describeError(j, lang);
      expect(m).not.toMatch(/secret|root:x|[\u0000-\u0008\u00ff\ufffd]/);
    }
    const quote = path.join(dir, 'quote.csv');
    fs.writeFileSync(quote, 'a,b\nx,"secret-value\n');
    const q = await refusal(readSheets(quote));
    expect(q.code).toBe('import.bad_csv_line');
    expect(describeError(q, 'en')).not.toContain('secret-value');
  });

  it('reports progress while reading', async () => {
    const csv = path.join(dir, 'progress.csv');
    writeLicenceCsv(csv, 20_000);
    const seen: number[] = [];
    await readSheets(csv, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBeCloseTo(1, 5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('coordinate cells in linear time', () => {
  const shapes: Record<string, (n: number) => string> = {
    'digits, a point, digits, junk': (n) => `1.${'1'.repeat(n)}x`,
    'two numbers run together': (n) => `1.${'1'.repeat(n)}.1x`,
    'spaces and commas': (n) => `1${' ,'.repeat(n / 2)}x`,
    'a long list of points': (n) => Array.from({ length: Math.floor(n / 32) }, (_, i) => `${i + 1}, ${4_400_000 + i}.12, 37500000.${i % 100}`).join('; '),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`${name}: 100,000 characters cost about 10× of 10,000, not 100×`, () => {
      const time = (n: number) => {
        const s = make(n);
        const t = performance.now();
        for (let k = 0; k < 3; k++) {
          try {
            parseCornerPoints(s);
          } catch (e) {
            if (!(e instanceof GmpError)) throw e;
          }
        }
        return (performance.now() - t) / 3;
      };
      time(10_000);
      const small = time(10_000);
      const large = time(100_000);
      expect(large, `10k ${small.toFixed(2)} ms, 100k ${large.toFixed(2)} ms`).toBeLessThan(30 * small + 30);
    });
  }
});

describe('corner points in the PDF', () => {
  it('a long cell is cut into short paragraphs at its separators, with nothing lost', () => {
    const text = Array.from({ length: 500 }, (_, i) => `${i + 1}, 4400000.00, 37500000.00`).join('; ') + '\nsecond block';
    const chunks = cellChunks(text);
    expect(chunks.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(602);
    expect(chunks.at(-1)).toBe('second block');
  });

  it('lays out a block of many points in linear time, and the last point is in the PDF', async () => {
    let made = 0;
    async function planWith(n: number) {
      const file = path.join(dir, `pts-${n}-${made++}.gmplan`);
      await createPlanFile(file, defaultPlan('district', '测试区'));
      const p = Project.open(file);
      const mine = Number(p.db.prepare("INSERT INTO mines (sort, name_zh, mineral, status) VALUES (1, '圆形矿', 'coal', 'producing')").run().lastInsertRowid);
      const block = Number(p.db.prepare("INSERT INTO blocks (sort, mine_id, name_zh, crs) VALUES (1, ?, '圆', 'cgcs2000')").run(mine).lastInsertRowid);
      const ins = p.db.prepare('INSERT INTO points(block_id, seq, label, x, y) VALUES (?, ?, ?, ?, ?)');
      p.tx(() => {
        for (let i = 0; i < n; i++) {
          const a = (2 * Math.PI * i) / n;
          ins.run(block, i + 1, String(i + 1), 4_400_000 + 1000 * Math.cos(a), 37_500_000 + 1000 * Math.sin(a));
        }
      });
      const data = loadPlanData(p.db);
      p.close();
      return data;
    }
    const cost = async (n: number) => {
      const doc = buildDocument(await planWith(n), 'zh');
      const t = cpu();
      const buf = await renderPdf(doc);
      return { ms: cpu() - t, buf };
    };
    await cost(10);
    const small = await cost(2000);
    const large = await cost(8000);
    // with the fixed cost of a document (fonts, front matter, ~1.5 s) linear layout gives about 2×
    // for 4× the points; the old single-cell layout gave 3.5× and more (quadratic)
    const ratio = large.ms / small.ms;
    expect(ratio, `2k: ${small.ms.toFixed(0)} ms, 8k: ${large.ms.toFixed(0)} ms`).toBeLessThan(3);
    const pdf = path.join(dir, 'pts.pdf');
    fs.writeFileSync(pdf, large.buf);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    // nothing cut off: the last points are there (a page break may fall inside a point)
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('7999, 4401000.00, 37499998.43');
    expect(flat).toContain(' 8000, ');
  }, 300_000);
});
