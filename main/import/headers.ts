// Recognising an appendix table by its headers, in Chinese or English, tolerant of spaces,
// full-width brackets, units in the header and merged title rows above it.

export type ImportKind = 'mines' | 'licences' | 'points';

/** field → header spellings (normalised by normaliseHeader) */
export const HEADER_ALIASES: Record<ImportKind, Record<string, string[]>> = {
  mines: {
    name_zh: ['矿山名称', '矿山', '名称', 'mine', 'minename', 'name'],
    holder: ['矿权人', '采矿权人', '企业名称', 'holder', 'licenceholder'],
    division: ['所在乡镇', '乡镇', '所在地', '行政区划', '划分', 'township', 'division'],
    scale_class: ['规模类型', '开采规模', '矿山规模', '规模', 'scaleclass', 'scale'],
    production: ['生产规模', '设计生产规模', '生产能力', 'productionscale', 'capacity'],
    mineral: ['开采矿种', '矿种', '主矿种', 'mineral'],
    points: ['拐点坐标', '坐标', '矿区范围拐点坐标', 'cornerpoints', 'coordinates'],
    method: ['开采方式', 'method', 'miningmethod'],
    area_km2: ['面积', '矿区面积', 'area'],
    status: ['生产状态', '状态', '现状', 'status'],
    target_year: ['目标年份', '计划建成年份', '建成年份', '完成年度', 'targetyear'],
    green_level: ['类型', '级别', '绿色矿山级别', 'level', 'greenlevel'],
    life_years: ['剩余服务年限', '服务年限', 'remaininglife'],
    remarks: ['备注', 'remarks', 'note'],
  },
  licences: {
    number: ['采矿许可证号', '采矿许可证', '许可证号', '证号', 'licencenumber', 'licenseno', 'licence', 'license'],
    holder: ['矿权人', '采矿权人', 'holder'],
    // a licence table's 矿山名称 links the licence to its mine by name
    mine: ['矿山名称', '矿山', 'mine', 'minename'],
    area_km2: ['面积', '矿区面积', 'area'],
    production: ['生产规模', '规模', 'productionscale', 'scale'],
    mineral: ['开采矿种', '矿种', 'mineral'],
    method: ['开采方式', 'method'],
    // the header variants offices use
    first_issued: ['首次发证时间', '首次发证', '首次发证日期', '首次设立时间', '首次设立日期', '设立时间', '设立日期', '发证日期', '发证时间', 'firstissued'],
    validity: ['有效期', '有效期限', '有效期限起止', 'validity'],
    status: ['生产状态', '矿山状态', '状态', 'status'],
    scale_class: ['规模类型', '矿山规模', 'scaleclass'],
    remarks: ['备注', 'remarks'],
  },
  points: {
    label: ['拐点编号', '点号', '编号', 'point', 'no'],
    x: ['x', 'x坐标'],
    y: ['y', 'y坐标'],
  },
};

/** The fields without which a table is not that table. */
export const KEY_FIELDS: Record<ImportKind, string[]> = {
  mines: ['name_zh'],
  licences: ['number'],
  points: ['x', 'y'],
};

export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC') // full-width brackets, letters and digits → half-width
    .replace(/[（(][^）)]*[）)]/g, '') // units in brackets: 面积(km²)
    .replace(/km[²2]|万吨\/年|万m[³3]\/年/gi, '')
    .replace(/[\s_\-:：*＊]/g, '')
    .toLowerCase();
}

export interface HeaderMatch {
  kind: ImportKind;
  headerRow: number; // 0-based
  /** field → column index */
  columns: Record<string, number>;
  /** header text of each used column, for messages */
  headers: Record<string, string>;
  unknown: string[];
  score: number;
}

function matchRow(row: string[], kind: ImportKind): HeaderMatch | null {
  const aliases = HEADER_ALIASES[kind];
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  const unknown: string[] = [];
  row.forEach((cell, i) => {
    const n = normaliseHeader(cell);
    if (!n) return;
    const field = Object.keys(aliases).find((f) => !(f in columns) && aliases[f].includes(n));
    if (field) {
      columns[field] = i;
      headers[field] = cell;
    } else if (!['序号', 'no.', 'no', '#'].includes(n)) unknown.push(cell);
  });
  if (!KEY_FIELDS[kind].every((f) => f in columns)) return null;
  return { kind, headerRow: -1, columns, headers, unknown, score: Object.keys(columns).length };
}

/** Finds the header row (within the first 15 rows) and the table kind that fits it best. */
export function detectTable(rows: string[][], only?: ImportKind): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const kinds: ImportKind[] = only ? [only] : ['licences', 'mines', 'points'];
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    for (const kind of kinds) {
      const m = matchRow(rows[r] ?? [], kind);
      if (!m) continue;
      // points tables have a second header row (X / Y under the coordinate title)
      if (m.score >= 2 && (!best || m.score > best.score)) best = { ...m, headerRow: r };
    }
  }
  if (best || only !== 'points' && only) return best;
  // corner-point tables: "拐点编号 | 直角坐标（80 坐标系）" over "X | Y"
  for (let r = 1; r < Math.min(rows.length, 15); r++) {
    const merged = (rows[r] ?? []).map((c, i) => c || rows[r - 1]?.[i] || '');
    const m = matchRow(merged, 'points');
    if (m && (!only || only === 'points')) return { ...m, headerRow: r };
  }
  return best;
}

/**
 * A manual column mapping, for headers the studio does not know: field → the column's header text,
 * its letter ("C") or its number ("3"). The header row is the one (of the first 15) that holds the
 * most of the named header texts; with letters or numbers only, the row above the first data row.
 */
export function mapTable(rows: string[][], kind: ImportKind, mapping: Record<string, string>): HeaderMatch | { unknownField: string } | { missingColumn: string } {
  const fields = HEADER_ALIASES[kind];
  for (const f of Object.keys(mapping)) if (!(f in fields)) return { unknownField: f };
  const byText = Object.entries(mapping).filter(([, v]) => !/^([A-Za-z]{1,2}|\d{1,3})$/.test(v.trim()));
  let headerRow = 0;
  let bestHits = -1;
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const norm = (rows[r] ?? []).map((c) => normaliseHeader(c));
    const hits = byText.filter(([, v]) => norm.includes(normaliseHeader(v))).length;
    if (hits > bestHits) {
      bestHits = hits;
      headerRow = r;
    }
  }
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  for (const [field, v] of Object.entries(mapping)) {
    const t = v.trim();
    let idx: number;
    if (/^\d{1,3}$/.test(t)) idx = Number(t) - 1;
    else if (/^[A-Za-z]{1,2}$/.test(t)) idx = [...t.toUpperCase()].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    else idx = (rows[headerRow] ?? []).findIndex((c) => normaliseHeader(c) === normaliseHeader(t));
    if (idx < 0) return { missingColumn: t };
    columns[field] = idx;
    headers[field] = rows[headerRow]?.[idx] || t;
  }
  return { kind, headerRow, columns, headers, unknown: [], score: Object.keys(columns).length };
}
