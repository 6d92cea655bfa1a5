// A plan document's tables as data: each table recognised by its headers becomes typed rows in the
// right project table, through the spreadsheet import's recognisers and its all-or-nothing row path
// (a table with any row in error writes nothing and stays text in its chapter, with located
// messages). Reserves and indicators, which the spreadsheet import does not take, are read here.
import { GmpError } from '../domain/errors.ts';
import type { Project } from '../store/project.ts';
import { insertRow } from '../store/row-repo.ts';
import { importSheets, type ImportIssue } from '../import/import-plan.ts';
import { detectTable, normaliseHeader } from '../import/headers.ts';
import { vocabCode } from '../import/parse-values.ts';
import { readMineral } from '../domain/minerals.ts';
import { ensureLocalMineral } from '../store/local-minerals.ts';

export interface AdoptedTable {
  label: string;
  title: string;
  /** the document table key it now renders as (registry), or null when it stays text */
  key: string | null;
  /** what it was read as */
  kind: 'mines' | 'green_mines' | 'licences' | 'points' | 'reserves' | 'indicators' | null;
  rows: number;
  errors: ImportIssue[];
  /** indicator target years, from the header */
  years?: number[];
}

interface TableInput {
  label: string;
  title: string;
  rows: string[][];
  /** the paragraph right after the table (a note under it, as the studio's own export writes the zone's declared area) */
  note?: string;
}

const find = (header: string[], names: string[]) => header.findIndex((h) => names.includes(normaliseHeader(h)));

function issue(t: TableInput, row: number, column: string, value: string, e: unknown): ImportIssue {
  if (e instanceof GmpError) return { sheet: t.label || t.title, row, column, value, code: e.code, params: e.params };
  throw e;
}

/** 序号 | 矿产名称 | 矿区数 | 资源储量单位 | 储量 | 资源量 | 全市位次 */
function importReserves(project: Project, t: TableInput, errors: ImportIssue[]): number | null {
  const header = t.rows[0];
  const col = {
    mineral: find(header, ['矿产名称', '矿种', '矿产']), deposits: find(header, ['矿区数', '上表矿区数']), unit: find(header, ['资源储量单位', '单位']),
    reserve: find(header, ['储量']), resource: find(header, ['资源量']), rank: find(header, ['全市位次', '位次']),
  };
  if (col.mineral < 0 || col.reserve < 0 || col.resource < 0) return null;
  let n = 0;
  t.rows.slice(1).forEach((r, i) => {
    const cell = (k: keyof typeof col) => (col[k] >= 0 ? (r[col[k]] ?? '').trim() : '');
    const numOrNull = (s: string) => (!s || s === '/' || s === '—' || s === '-' ? null : s.replace(/,/g, ''));
    const typed = cell('mineral');
    try {
      if (!typed) throw new GmpError('value.required', {});
      const mineral = readMineral(typed).name;
      ensureLocalMineral(project.db, mineral);
      insertRow(project.db, 'reserves', {
        mineral, deposits: numOrNull(cell('deposits')), unit_zh: cell('unit').replace(/\s+/g, ''), reserve: numOrNull(cell('reserve')),
        resource: numOrNull(cell('resource')), rank: numOrNull(cell('rank')),
      });
      n++;
    } catch (e) {
      errors.push(issue(t, i + 2, header[col.mineral], cell('mineral'), e));
    }
  });
  return n;
}

/** 类别 | 指标名称 | (sub) | 2023 年 | 2025 年 | 属性 — merged cells filled down */
function importIndicators(project: Project, t: TableInput, errors: ImportIssue[]): { n: number; years: number[] } | null {
  const header = t.rows[0];
  const cat = find(header, ['类别', '指标类别']);
  const name = find(header, ['指标名称', '指标']);
  const attr = find(header, ['属性', '指标属性']);
  const years = header.map((h, i) => ({ i, y: /^(\d{4})\s*年?$/.exec(h.normalize('NFKC').trim())?.[1] })).filter((x) => x.y);
  if (cat < 0 || name < 0 || attr < 0 || !years.length) return null;
  const sub = header.findIndex((h, i) => !h.trim() && i > name && i < Math.min(...years.map((y) => y.i)));
  let category = '';
  let indicator = '';
  let n = 0;
  t.rows.slice(1).forEach((r, i) => {
    if (r[cat]?.trim()) category = r[cat].trim();
    const own = r[name]?.trim();
    const subText = sub >= 0 ? (r[sub] ?? '').trim() : '';
    if (own) indicator = own;
    else if (!subText) indicator = '';
    const attribute = vocabCode('attribute', r[attr] ?? '');
    try {
      if (!attribute) throw new GmpError('import.unknown_term', { value: r[attr] ?? '' });
      const values: Record<string, string> = { category_zh: category, indicator_zh: indicator, sub_zh: subText, attribute };
      for (const y of years) values[`t:${y.y}`] = (r[y.i] ?? '').trim();
      insertRow(project.db, 'indicators', values);
      n++;
    } catch (e) {
      errors.push(issue(t, i + 2, header[attr], r[attr] ?? '', e));
    }
  });
  return { n, years: years.map((y) => Number(y.y)) };
}

/** A corner-point table's zone: named after its caption, its declared area from a 面积 column or the note under the table ("申报面积 1202.62km²"). */
function zoneFor(project: Project, t: TableInput): number {
  const name = t.title.replace(/(范围)?拐点坐标.*$/, '').replace(/^.*?(?=[^\s]*示范区$)/, '') || t.title;
  const flat = t.rows.map((r) => r.map((c) => normaliseHeader(c)));
  let area: string | null = null;
  const col = flat[0].findIndex((h) => h.startsWith('面积'));
  if (col >= 0) area = t.rows.slice(1).map((r) => (r[col] ?? '').trim()).find((v) => /^\d+(\.\d+)?$/.test(v)) ?? null;
  else if (t.note) area = /申报面积\s*(\d+(?:\.\d+)?)\s*(?:km²|平方千米|平方公里)/.exec(t.note)?.[1] ?? null;
  const existing = project.db.prepare('SELECT id FROM zones WHERE name_zh = ?').get(name) as { id: number } | undefined;
  if (existing) return existing.id;
  return insertRow(project.db, 'zones', { name_zh: name, declared_area_km2: area });
}

/** Imports one table, all or nothing (inside the caller's transaction, through a savepoint). */
export function adoptTable(project: Project, t: TableInput): AdoptedTable {
  const out: AdoptedTable = { label: t.label, title: t.title, key: null, kind: null, rows: 0, errors: [] };
  const db = project.db;
  db.exec('SAVEPOINT adopt_table');
  const rollback = () => {
    db.exec('ROLLBACK TO adopt_table');
    db.exec('RELEASE adopt_table');
  };
  try {
    const reserves = importReserves(project, t, out.errors);
    if (reserves !== null) {
      Object.assign(out, { kind: 'reserves', key: 'reserves', rows: reserves });
    } else {
      const ind = importIndicators(project, t, out.errors);
      if (ind) {
        Object.assign(out, { kind: 'indicators', key: 'indicators', rows: ind.n, years: ind.years });
      } else {
        const match = detectTable(t.rows);
        if (match) {
          const zoneId = match.kind === 'points' ? zoneFor(project, t) : undefined;
          const res = importSheets(project, [{ name: t.label || t.title, rows: t.rows }], t.label || t.title, { table: match.kind, zoneId });
          out.errors.push(...res.errors);
          out.rows = new Set(res.changes.map((c) => c.row)).size;
          if (match.kind === 'points') Object.assign(out, { kind: 'points', key: 'zone_points', rows: t.rows.length - match.headerRow - 1 });
          else if (match.kind === 'licences') Object.assign(out, { kind: 'licences', key: 'licences' });
          else if (/绿色矿山/.test(t.title) && !('target_year' in match.columns) || ('green_level' in match.columns && !('status' in match.columns) && !('target_year' in match.columns))) Object.assign(out, { kind: 'green_mines', key: 'green_mines' });
          else if ('target_year' in match.columns || 'points' in match.columns) Object.assign(out, { kind: 'mines', key: 'plan_table' });
          else Object.assign(out, { kind: 'mines', key: 'mines_status' });
        }
      }
    }
    if (!out.kind || out.errors.length) {
      rollback();
      out.key = null;
      out.rows = 0;
      return out;
    }
    db.exec('RELEASE adopt_table');
    return out;
  } catch (e) {
    rollback();
    throw e;
  }
}
