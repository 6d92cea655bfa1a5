// Property tests: thousands of generated malformed inputs across the parsers and the import.
// Each yields a located GmpError or a valid value: never a crash, never a partial write.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCornerPoints } from '../../main/domain/coordinates.ts';
import { GmpError } from '../../main/domain/errors.ts';
import { parseArea, parseProduction, parseValidity, parseYear } from '../../main/import/parse-values.ts';
import { coerceCell } from '../../main/store/values.ts';
import { TABLES } from '../../main/store/tables.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { Project } from '../../main/store/project.ts';
import { importFile } from '../../main/import/import-plan.ts';
import { describeError } from '../../main/i18n/index.ts';
import { tmpDir } from './helpers.ts';

// text made of the characters offices' data is made of
const officeChar = fc.constantFrom(...'0123456789.,;，；。：: \n-年月日万吨m³3/立方米C甲乙丙XY拐点（）()'.split(''));
const officeText = fc.array(officeChar, { maxLength: 80 }).map((a) => a.join(''));

const onlyLocatedErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GmpError);
    // its message exists in both languages and is not the bare code
    const err = e as GmpError;
    expect(describeError(err, 'zh')).not.toBe(err.code);
    expect(describeError(err, 'en')).not.toBe(err.code);
  }
};

describe('parsers never crash on malformed input', () => {
  it('corner-point lists (2,000 cases)', () => {
    fc.assert(fc.property(officeText, (s) => {
      onlyLocatedErrors(() => {
        const pts = parseCornerPoints(s);
        expect(pts.length).toBeGreaterThanOrEqual(3);
        for (const p of pts) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      });
    }), { numRuns: 2000 });
  });

  it('corner-point lists with one separator removed are refused, not misread (500 cases)', () => {
    const point = fc.tuple(fc.integer({ min: 4_000_000, max: 4_999_999 }), fc.integer({ min: 37_000_000, max: 37_999_999 }), fc.integer({ min: 0, max: 99 }));
    fc.assert(fc.property(fc.array(point, { minLength: 3, maxLength: 12 }), fc.nat(), (pts, k) => {
      const text = pts.map(([x, y, c], i) => `${i + 1}, ${x}.${String(c).padStart(2, '0')}, ${y}.${String(c).padStart(2, '0')}`).join('; ');
      const commas = [...text.matchAll(/, /g)].map((m) => m.index!);
      const at = commas[k % commas.length];
      const broken = text.slice(0, at) + text.slice(at + 2);
      expect(() => parseCornerPoints(broken)).toThrow(GmpError);
    }), { numRuns: 500 });
  });

  it('production scales, validity periods, years and areas (4 × 500 cases)', () => {
    fc.assert(fc.property(officeText, (s) => {
      const p = parseProduction(s);
      if (p) expect(Number.isFinite(p.value) && p.value >= 0).toBe(true);
      const v = parseValidity(s);
      if (v) expect(v.from <= v.to).toBe(true);
      const y = parseYear(s);
      if (y !== null) expect(y >= 1900 && y <= 2100).toBe(true);
      const a = parseArea(s);
      if (a !== null) expect(Number.isFinite(a)).toBe(true);
    }), { numRuns: 500 });
  });

  it('every cell of every table (1,000 cases)', () => {
    const cols = Object.values(TABLES).flatMap((t) => t.columns.map((c) => c));
    fc.assert(fc.property(fc.constantFrom(...cols), fc.oneof(officeText, fc.double(), fc.integer(), fc.constant(null)), (col, v) => {
      onlyLocatedErrors(() => coerceCell(col, v as string | number | null));
    }), { numRuns: 1000 });
  });
});

describe('import of generated malformed CSV files never writes half a table', () => {
  it('200 generated files: either all rows written, or none and located errors', async () => {
    const f = path.join(tmpDir(), 'p.gmplan');
    await createPlanFile(f, defaultPlan('district', '某某区'));
    const header = '序号,采矿许可证号,矿权人,面积（km²）,生产规模,开采矿种,开采方式,首次发证时间,有效期,备注';
    const goodRow = (i: number) => `${i},C13010020100871200${String(70000 + i)},公司${i},0.${i}5,${i}万m3/年,建筑用石料,露天,2010.08.07,2016.01.14-2046.01.14,`;
    const cell = fc.oneof(officeText.map((s) => s.replace(/[",\n]/g, '')), fc.constant(''));
    const sample = fc.sample(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(fc.nat(5), fc.nat(9), cell), { maxLength: 3 })), { numRuns: 200, seed: 42 });
    let written = 0;
    let refused = 0;
    for (const [n, edits] of sample) {
      const rows = Array.from({ length: n }, (_, i) => goodRow(i + 1).split(','));
      for (const [r, c, v] of edits) if (rows[r % n]) rows[r % n][c] = v;
      const src = path.join(tmpDir(), 'x.csv');
      fs.writeFileSync(src, [header, ...rows.map((r) => r.join(','))].join('\n'));
      const before = crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
      const p = Project.open(f);
      const countBefore = (p.db.prepare('SELECT COUNT(*) AS n FROM licences').get() as { n: number }).n;
      let result;
      try {
        result = await importFile(p, src);
      } catch (e) {
        expect(e).toBeInstanceOf(GmpError);
        p.close();
        refused++;
        continue;
      }
      const countAfter = (p.db.prepare('SELECT COUNT(*) AS n FROM licences').get() as { n: number }).n;
      p.close();
      if (result.written) {
        written++;
        expect(result.errors).toEqual([]);
        expect(countAfter - countBefore).toBe(result.changes.filter((c) => c.table === 'licences' && c.action === 'add').length);
      } else {
        refused++;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(e.row).toBeGreaterThanOrEqual(2);
        expect(countAfter).toBe(countBefore);
        expect(crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')).toBe(before);
      }
    }
    expect(written + refused).toBe(200);
    expect(refused).toBeGreaterThan(20);
  });
});
