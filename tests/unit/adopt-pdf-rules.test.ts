// Tables rebuilt from the rules a PDF draws (main/adopt/pdf-grid.ts): rows and columns are the bands
// between rules, merged cells are where no rule crosses, a cell's wrapped lines are joined (CJK without
// a space, Latin words with one, a code broken mid-way without). Then the studio's own PDF export of
// the seed plan, adopted again, gives back every row of every table it came from — the green-mine list
// over three pages (header repeated, names wrapped), the indicator table (no 序号 column, wrapped and
// merged cells), the reserves and the zone's corner points.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGrids, gridRows, type GridItem, type PageRules } from '../../main/adopt/pdf-grid.ts';
import { adoptPlan, type AdoptReport } from '../../main/adopt/adopt.ts';
import { exportPlan } from '../../main/export/export-plan.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { readPlanFile, tmpDir } from './helpers.ts';

/** A text item as pdfjs gives it: baseline y, 10 pt, each character 10 pt wide (Latin 5). */
const item = (s: string, x: number, y: number): GridItem => ({ s, x, y, h: 10, w: [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 5 : 10), 0) });

describe('a ruled table', () => {
  // three columns, no 序号 column; the header's 说明 spans two columns (no rule at x=200 in the first
  // row); the first column's cell spans the second and third rows (no rule at y=240 over it)
  const rules: PageRules = {
    h: [[300, 0, 300], [280, 0, 300], [240, 100, 300], [220, 0, 300]],
    v: [[0, 220, 300], [100, 220, 300], [200, 220, 280], [300, 220, 300]],
  };
  const items = [
    item('名称', 10, 286), item('说明', 180, 286),
    item('甲建材有限公', 2, 262), item('司东山石料厂', 2, 247), // wrapped in a merged cell over two rows
    item('Coal', 110, 265), item('mine', 110, 251), // Latin wrapped at a space
    item('C150100201603', 205, 265), item('7130122841', 205, 251), // a code broken where the column ends
    item('乙', 110, 226), item('x', 210, 226),
    item('表外文字', 0, 200), // below the grid: not the table's
  ];

  it('gives the bands between its rules as rows and columns, merged cells kept in their first row and column', () => {
    const grids = findGrids(rules);
    expect(grids).toHaveLength(1);
    const { rows, used } = gridRows(grids[0], items);
    expect(rows).toEqual([
      ['名称', '说明', ''],
      ['甲建材有限公司东山石料厂', 'Coal mine', 'C1501002016037130122841'],
      ['', '乙', 'x'],
    ]);
    expect(used.size).toBe(items.length - 1);
  });

  it('joins rules drawn in pieces (one segment per cell, as pdfmake draws them)', () => {
    const pieces: PageRules = {
      h: rules.h.flatMap(([y, x1, x2]) => (x1 === 0 ? [[y, 0, 100], [y, 100, 200], [y, 200, 300]] : [[y, 100, 200], [y, 200, 300]]) as [number, number, number][]),
      v: rules.v.flatMap(([x, y1, y2]) => (y2 - y1 > 60 ? [[x, 220, 240], [x, 240, 280], [x, 280, 300]] : [[x, 220, 240], [x, 240, 280]]) as [number, number, number][]),
    };
    const grids = findGrids(pieces);
    expect(grids).toHaveLength(1);
    expect(gridRows(grids[0], items).rows[1]).toEqual(['甲建材有限公司东山石料厂', 'Coal mine', 'C1501002016037130122841']);
  });

  it('is no table when the rules do not close cells (a map frame crossed by a few lines) or make one row', () => {
    const map: PageRules = { h: [[0, 0, 400], [150, 0, 400], [300, 0, 400]], v: [[0, 0, 300], [400, 0, 300], [120, 140, 160], [260, 140, 160]] };
    const grids = findGrids(map);
    expect(grids.every((g) => gridRows(g, [item('北', 10, 280), item('示例煤矿 01', 50, 100)]).rows.length === 0)).toBe(true);
    const box: PageRules = { h: [[0, 0, 400], [30, 0, 400]], v: [[0, 0, 30], [400, 0, 30]] };
    expect(findGrids(box)).toEqual([]);
  });
});

describe('the studio\'s own PDF export, adopted again', () => {
  let source: { data: PlanData; report: AdoptReport };
  let again: { data: PlanData; report: AdoptReport };
  beforeAll(async () => {
    const dir = tmpDir('gmp-adopt-pdf-');
    const first = path.join(dir, 'seed.gmplan');
    const report = await adoptPlan(path.resolve(__dirname, '../fixtures/adopt/banner-seed.txt'), first);
    source = { data: readPlanFile(first), report };
    const [pdf] = await exportPlan(source.data, { lang: 'zh', formats: ['pdf'], outDir: dir, baseName: 'seed-export' });
    const second = path.join(dir, 'seed-again.gmplan');
    const report2 = await adoptPlan(pdf, second);
    again = { data: readPlanFile(second), report: report2 };
  }, 300_000);

  const rows = <T extends { id: number }>(list: T[]) => list.map((r) => ({ ...r, id: 0 }));

  it('gives back every row of every table, cell for cell', () => {
    const [s, a] = [source.data, again.data];
    expect(s.mines).toHaveLength(48);
    expect(rows(a.mines)).toEqual(rows(s.mines));
    expect(rows(a.reserves)).toEqual(rows(s.reserves));
    expect(a.indicators).toHaveLength(8);
    expect(rows(a.indicators)).toEqual(rows(s.indicators));
    expect(rows(a.zones)).toEqual(rows(s.zones));
    expect(rows(a.blocks)).toEqual(rows(s.blocks));
    // a name wrapped over two lines of its cell comes back whole
    expect(a.mines.map((m) => m.name_zh)).toContain('鄂尔多斯市乌兰煤炭（集团）有限责任公司特拉布拉煤矿');
    expect(again.report.tables.filter((t) => t.key).map((t) => [t.key, t.rows, t.continuations, t.errors.length])).toEqual([
      ['reserves', 3, 0, 0], ['green_mines', 48, 0, 0], ['indicators', 8, 0, 0], ['zone_points', 12, 0, 0],
    ]);
  });

  it('gives back the chapters and their headings, the figures bound and no contradiction', () => {
    const titles = (d: PlanData) => d.chapters.filter((c) => c.lang === 'zh').map((c) => [c.title, c.numbered]);
    expect(titles(again.data)).toEqual(titles(source.data));
    const headings = (d: PlanData) => d.chapters.filter((c) => c.lang === 'zh').map((c) => c.body.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/\s+/g, '')));
    expect(headings(again.data)).toEqual(headings(source.data));
    expect(again.report.findings).toEqual([]);
    expect(again.report.totals.bound).toBe(source.report.totals.bound);
    // letter-spaced justified lines are closed up again
    const all = again.data.chapters.map((c) => c.body).join('\n');
    expect(all).toContain('年底，全旗共有探矿权 7 个，勘查总面积');
    expect(all).not.toMatch(/第一章 +现状与形势\s*\|/);
  });
});
