// Comparison of two states of a plan: chapter text per block (characters for Chinese, words for
// English; whole-paragraph moves shown as moves), table rows matched by a stable key with the
// changed cells named, and the derived figures that moved because the data changed.
import { diffArrays, diffWords } from 'diff';
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { computeFacts, type Facts } from '../facts/plan-facts.ts';
import { templateScope } from '../compose/compose.ts';
import { engineFor, renderTemplate } from '../compose/engine.ts';
import { lenientScope } from '../compose/placeholders.ts';
import { appendixLabelFor } from '../compose/catalog.ts';
import { TABLES, type TableName } from '../store/tables.ts';
import { formatCornerPoints } from '../domain/coordinates.ts';

export interface TextPart { value: string; added?: boolean; removed?: boolean }

export interface ChapterChange {
  chapter: string; // key
  title: string;
  lang: Lang;
  kind: 'changed' | 'added' | 'removed' | 'moved';
  before: string | null;
  after: string | null;
  parts?: TextPart[];
}

export interface CellChange { column: string; before: string | number | null; after: string | number | null }

export interface RowChange {
  table: TableName;
  key: string;
  kind: 'added' | 'removed' | 'changed';
  cells: CellChange[];
}

export interface DerivedChange { fact: string; before: string | number | null; after: string | number | null }

export interface PlanDiff {
  chapters: ChapterChange[];
  rows: RowChange[];
  derived: DerivedChange[];
  counts: {
    chapters: Record<string, number>;
    tables: Record<string, { added: number; removed: number; changed: number }>;
    derived: number;
  };
}

/** Paragraph-level blocks of a chapter's source text. */
export function textBlocks(body: string): string[] {
  return body.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
}

/** Chinese text compares character by character, but a number ("87.80") changes as a whole. */
function zhTokens(s: string): string[] {
  return s.match(/\d+(?:\.\d+)?%?|[A-Za-z]+|[\s\S]/g) ?? [];
}

export function diffText(before: string, after: string, lang: Lang): TextPart[] {
  if (lang === 'en') {
    return diffWords(before, after).map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) }));
  }
  const out: TextPart[] = [];
  for (const p of diffArrays(zhTokens(before), zhTokens(after))) {
    const value = p.value.join('');
    const part: TextPart = { value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) };
    const last = out[out.length - 1];
    if (last && !!last.added === !!part.added && !!last.removed === !!part.removed) last.value += value;
    else out.push(part);
  }
  return out;
}

/**
 * Aligns two block lists: equal blocks kept; a block removed in one place and added unchanged in
 * another is a move; a removed block followed by an added one is a change of that block.
 */
export function alignBlocks(a: string[], b: string[]): { kind: 'same' | 'changed' | 'added' | 'removed' | 'moved'; before: string | null; after: string | null }[] {
  const out: { kind: 'same' | 'changed' | 'added' | 'removed' | 'moved'; before: string | null; after: string | null }[] = [];
  const parts = diffArrays(a, b);
  const removedAll = parts.filter((p) => p.removed).flatMap((p) => p.value);
  const addedAll = parts.filter((p) => p.added).flatMap((p) => p.value);
  const moved = new Set(removedAll.filter((x) => addedAll.includes(x)));
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.added && !p.removed) {
      for (const v of p.value) out.push({ kind: 'same', before: v, after: v });
      continue;
    }
    if (p.removed) {
      const next = parts[i + 1];
      const removed = p.value.filter((v) => !moved.has(v));
      const added = next?.added ? next.value.filter((v) => !moved.has(v)) : [];
      for (const v of p.value) if (moved.has(v)) out.push({ kind: 'removed', before: v, after: null });
      const n = Math.min(removed.length, added.length);
      for (let k = 0; k < n; k++) out.push({ kind: 'changed', before: removed[k], after: added[k] });
      for (const v of removed.slice(n)) out.push({ kind: 'removed', before: v, after: null });
      for (const v of added.slice(n)) out.push({ kind: 'added', before: null, after: v });
      if (next?.added) {
        for (const v of next.value) if (moved.has(v)) out.push({ kind: 'moved', before: v, after: v });
        i++;
      }
      continue;
    }
    for (const v of p.value) out.push(moved.has(v) ? { kind: 'moved', before: v, after: v } : { kind: 'added', before: null, after: v });
  }
  // a moved block appears once as removed (old place) and once as moved (new place): keep the move only
  return out.filter((o) => !(o.kind === 'removed' && o.before !== null && moved.has(o.before)));
}

/**
 * A changed block as the reader sees it: its figures rendered with its own side's data ("成立由旗政府",
 * not "成立由{{ plan.kind }}政府"). A block that is not a whole template on its own (a tag opened in
 * another paragraph) stays as written.
 */
function blockReader(d: PlanData, facts: Facts, lang: Lang): (block: string | null) => string | null {
  let render: ((s: string) => string) | null = null;
  return (block) => {
    if (block === null || !/\{[{%]/.test(block)) return block;
    if (!render) {
      const engine = engineFor(lang, { appendixLabel: appendixLabelFor(d, lang), localMinerals: d.localMinerals ?? [] }, { lenient: true });
      const scope = lenientScope(templateScope(d, facts, lang), lang, () => {});
      render = (s) => renderTemplate(engine, s, scope, 'compare.md');
    }
    try {
      return render(block);
    } catch {
      return block;
    }
  };
}

function compareChapters(a: PlanData, b: PlanData, fa: Facts, fb: Facts): ChapterChange[] {
  const out: ChapterChange[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const readA = blockReader(a, fa, lang);
    const readB = blockReader(b, fb, lang);
    const keys = [...new Set([...a.chapters, ...b.chapters].filter((c) => c.lang === lang).sort((x, y) => x.sort - y.sort).map((c) => c.key))];
    for (const key of keys) {
      const ca = a.chapters.find((c) => c.key === key && c.lang === lang);
      const cb = b.chapters.find((c) => c.key === key && c.lang === lang);
      const title = cb?.title ?? ca?.title ?? key;
      if (ca && cb && ca.title !== cb.title) out.push({ chapter: key, title, lang, kind: 'changed', before: ca.title, after: cb.title, parts: diffText(ca.title, cb.title, lang) });
      // blocks are matched by their source (an edit of the text, not a figure that moved with the data:
      // those are the derived changes), and shown as they read
      for (const r of alignBlocks(textBlocks(ca?.body ?? ''), textBlocks(cb?.body ?? ''))) {
        if (r.kind === 'same') continue;
        const before = readA(r.before);
        const after = readB(r.after);
        out.push({ chapter: key, title, lang, kind: r.kind, before, after, ...(r.kind === 'changed' ? { parts: diffText(before!, after!, lang) } : {}) });
      }
    }
  }
  return out;
}

type AnyRow = Record<string, unknown> & { id: number };

function rowsOf(d: PlanData, table: TableName): AnyRow[] {
  switch (table) {
    case 'mines': return d.mines as unknown as AnyRow[];
    case 'licences': return d.licences as unknown as AnyRow[];
    case 'exploration_rights': return d.explorationRights as unknown as AnyRow[];
    case 'reserves': return d.reserves as unknown as AnyRow[];
    case 'indicators': return d.indicators.map((i) => ({ ...i, ...Object.fromEntries(Object.entries(i.targets).map(([y, v]) => [`t:${y}`, v.zh])) })) as unknown as AnyRow[];
    case 'zones': return d.zones as unknown as AnyRow[];
    case 'blocks': return d.blocks.map((b) => ({ ...b, points: formatCornerPoints(b.points) })) as unknown as AnyRow[];
  }
}

/** The stable key a row is matched by: licence number, else a name. */
export function rowKey(d: PlanData, table: TableName, r: AnyRow): string {
  const name = (id: unknown, list: { id: number; name_zh: string }[]) => list.find((x) => x.id === id)?.name_zh ?? '';
  switch (table) {
    case 'licences': return String(r.number);
    case 'reserves': return String(r.mineral);
    case 'indicators': return `${r.indicator_zh}${r.sub_zh ? ` / ${r.sub_zh}` : ''}`;
    case 'blocks': return `${name(r.zone_id, d.zones) || name(r.mine_id, d.mines)} ${r.name_zh}`.trim();
    default: return String(r.name_zh);
  }
}

function cellValue(d: PlanData, col: string, v: unknown): string | number | null {
  if (v === undefined || v === null || v === '') return null;
  if (col === 'mine_id') return d.mines.find((m) => m.id === v)?.name_zh ?? null;
  if (col === 'zone_id') return d.zones.find((z) => z.id === v)?.name_zh ?? null;
  return v as string | number;
}

function compareTables(a: PlanData, b: PlanData): RowChange[] {
  const out: RowChange[] = [];
  for (const table of Object.keys(TABLES) as TableName[]) {
    const cols = [...TABLES[table].columns.map((c) => c.key)];
    if (table === 'indicators') {
      const years = new Set([...a.plan.indicator_years, ...b.plan.indicator_years]);
      for (const y of [...years].sort()) cols.push(`t:${y}`);
    }
    const ra = new Map(rowsOf(a, table).map((r) => [rowKey(a, table, r), r]));
    const rb = new Map(rowsOf(b, table).map((r) => [rowKey(b, table, r), r]));
    for (const [key, r] of ra) {
      const other = rb.get(key);
      if (!other) {
        out.push({ table, key, kind: 'removed', cells: [] });
        continue;
      }
      const cells = cols.map((c) => ({ column: c, before: cellValue(a, c, r[c]), after: cellValue(b, c, other[c]) })).filter((x) => x.before !== x.after);
      if (cells.length) out.push({ table, key, kind: 'changed', cells });
    }
    for (const key of rb.keys()) if (!ra.has(key)) out.push({ table, key, kind: 'added', cells: [] });
  }
  return out;
}

function flatten(obj: unknown, prefix: string, out: Map<string, string | number | null>): void {
  if (obj === null || typeof obj !== 'object') {
    out.set(prefix, obj as string | number | null);
    return;
  }
  if (Array.isArray(obj)) {
    obj.forEach((v, i) => {
      const id = v && typeof v === 'object' && ('key' in v || 'year' in v || 'id' in v) ? String((v as Record<string, unknown>).key ?? (v as Record<string, unknown>).year ?? (v as Record<string, unknown>).id) : String(i);
      flatten(v, `${prefix}[${id}]`, out);
    });
    return;
  }
  for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
}

function compareFacts(factsA: Facts, factsB: Facts): DerivedChange[] {
  const fa = new Map<string, string | number | null>();
  const fb = new Map<string, string | number | null>();
  // the record views repeat the lists: compare the records only
  const strip = (f: Facts) => ({
    ...f,
    mines: { ...f.mines, groups: undefined, scales: undefined, statuses: undefined },
    exploration: { ...f.exploration, stages: undefined },
    zone: undefined,
  });
  flatten(strip(factsA), '', fa);
  flatten(strip(factsB), '', fb);
  const out: DerivedChange[] = [];
  for (const k of [...new Set([...fa.keys(), ...fb.keys()])].sort()) {
    if (k.endsWith('.key') || /\.id$/.test(k) || /\]\.(name_|location_)/.test(k)) continue;
    const x = fa.get(k) ?? null;
    const y = fb.get(k) ?? null;
    if (x !== y && !(x === undefined && y === undefined)) out.push({ fact: k, before: x, after: y });
  }
  return out;
}

export function comparePlans(a: PlanData, b: PlanData): PlanDiff {
  // each side's facts computed once: the derived changes and the rendered chapter blocks share them
  const fa = computeFacts(a);
  const fb = computeFacts(b);
  const chapters = compareChapters(a, b, fa, fb);
  const rows = compareTables(a, b);
  const derived = compareFacts(fa, fb);
  const counts: PlanDiff['counts'] = { chapters: {}, tables: {}, derived: derived.length };
  for (const c of chapters) counts.chapters[`${c.chapter}.${c.lang}`] = (counts.chapters[`${c.chapter}.${c.lang}`] ?? 0) + 1;
  for (const r of rows) {
    const t = (counts.tables[r.table] ??= { added: 0, removed: 0, changed: 0 });
    t[r.kind] += 1;
  }
  return { chapters, rows, derived, counts };
}
