// The newer revision as a Word file whose differences from the older one are real tracked
// changes: w:ins / w:del runs (w:delText), paragraph marks inserted or deleted, and table rows
// inserted or deleted as rows. Accept all gives the newer text, reject all the older.
import {
  AlignmentType, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun, type ISectionOptions,
} from 'docx';
import { diffArrays } from 'diff';
import type { Block, Cell, PlanDocument, TableBlock } from '../document/ir.ts';
import { captionText, joinNumber } from '../document/numbering.ts';
import { typographyFor, type Typography } from '../export/typography.ts';
import { footer, pageProps, runStyle, styles, TableSink, textWidth } from '../export/docx/render-docx.ts';
import { spliceTables, type TableRevisions } from '../export/docx/table-xml.ts';
import { diffText, type TextPart } from './compare.ts';

export interface RedlineOptions {
  author: string;
  date: string; // ISO
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

function blockText(b: Block, lang: 'zh' | 'en'): string {
  if (b.kind === 'heading') return joinNumber(b.number, b.text, lang);
  if (b.kind === 'paragraph') return b.runs.map((r) => r.text).join('');
  return '';
}

function signature(b: Block, lang: 'zh' | 'en'): string {
  if (b.kind === 'table') return `T:${b.key}:${b.label}`;
  if (b.kind === 'pageBreak') return 'B';
  return `${b.kind === 'heading' ? `H${b.level}` : 'P'}:${blockText(b, lang)}`;
}

type Op =
  | { op: 'same'; block: Block }
  | { op: 'added'; block: Block }
  | { op: 'removed'; block: Block }
  | { op: 'changed'; before: Block; after: Block };

function sameKind(a: Block, b: Block): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'heading' && b.kind === 'heading') return a.level === b.level;
  if (a.kind === 'table' && b.kind === 'table') return a.key === b.key;
  return true;
}

/** Aligns the blocks of two documents. */
export function alignDocument(a: Block[], b: Block[], lang: 'zh' | 'en'): Op[] {
  const ops: Op[] = [];
  const parts = diffArrays(a.map((x) => signature(x, lang)), b.map((x) => signature(x, lang)));
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const n = p.value.length;
    if (!p.added && !p.removed) {
      for (let k = 0; k < n; k++) ops.push({ op: 'same', block: b[ib + k] });
      ia += n;
      ib += n;
    } else if (p.removed) {
      const removed = a.slice(ia, ia + n);
      ia += n;
      const next = parts[i + 1];
      const added = next?.added ? b.slice(ib, ib + next.value.length) : [];
      if (next?.added) {
        ib += next.value.length;
        i++;
      }
      // pair blocks of the same kind in order as changes; the rest are removed / added
      let r = 0;
      let s = 0;
      while (r < removed.length || s < added.length) {
        if (r < removed.length && s < added.length && sameKind(removed[r], added[s])) ops.push({ op: 'changed', before: removed[r++], after: added[s++] });
        else if (r < removed.length && (s >= added.length || !added.slice(s).some((x) => sameKind(removed[r], x)))) ops.push({ op: 'removed', block: removed[r++] });
        else ops.push({ op: 'added', block: added[s++] });
      }
    } else {
      for (let k = 0; k < n; k++) ops.push({ op: 'added', block: b[ib + k] });
      ib += n;
    }
  }
  return ops;
}

class Ids {
  private n = 1;
  next = () => this.n++;
}

/**
 * LibreOffice joins neighbouring changes of one author and time into one change, even across a
 * paragraph end that is not itself changed, and then accepts or rejects them as one. Giving each
 * paragraph's changes their own second keeps them apart (Word shows the same author and day).
 */
function stamp(base: string, n: number): string {
  return new Date(Date.parse(base) + n * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function runsOf(parts: TextPart[], ty: Typography, f: ReturnType<typeof runStyle>, o: RedlineOptions, ids: Ids) {
  return parts.map((p) => (p.added
    ? new InsertedTextRun({ text: p.value, ...f, id: ids.next(), author: o.author, date: o.date })
    : p.removed
      ? new DeletedTextRun({ text: p.value, ...f, id: ids.next(), author: o.author, date: o.date })
      : new TextRun({ text: p.value, ...f })));
}

function paragraphOf(block: Block, parts: TextPart[], mark: 'ins' | 'del' | null, lang: 'zh' | 'en', ty: Typography, base: RedlineOptions, ids: Ids): Paragraph {
  const o = { ...base, date: stamp(base.date, ids.next()) };
  const isHeading = block.kind === 'heading';
  const level = isHeading ? Math.min(block.level, 6) : 0;
  const f = runStyle(ty, isHeading ? ty.headings[level - 1] : ty.body);
  const change = { id: ids.next(), author: o.author, date: o.date };
  return new Paragraph({
    heading: isHeading ? HEADINGS[level - 1] : undefined,
    run: mark === 'ins' ? { insertion: change } : mark === 'del' ? { deletion: change } : undefined,
    children: runsOf(parts, ty, f, o, ids),
  });
}

function rowKey(t: TableBlock, row: Cell[]): string {
  const seq = /^(序号|No\.)$/.test(t.columns[0]?.header ?? '');
  return (seq ? row[1]?.text : row[0]?.text) ?? '';
}

/** Rows joined by a vertical merge cannot be matched one by one (a row that only spans columns can). */
function hasSpans(t: TableBlock): boolean {
  return t.rows.some((r) => r.some((c) => (c.rowSpan ?? 1) > 1));
}

/** A table of the newer revision with the older one's rows merged in as tracked changes. */
function redlineTable(before: TableBlock | null, after: TableBlock | null, lang: 'zh' | 'en', o: RedlineOptions, ids: Ids): { table: TableBlock; rev: TableRevisions } {
  const base = (after ?? before)!;
  type R = { cells: Cell[]; mark?: 'ins' | 'del'; parts?: (TextPart[] | undefined)[] };
  let rows: R[];
  if (!before) rows = after!.rows.map((c) => ({ cells: c, mark: 'ins' }));
  else if (!after) rows = before.rows.map((c) => ({ cells: c, mark: 'del' }));
  else if (hasSpans(before) || hasSpans(after)) {
    const same = JSON.stringify(before.rows) === JSON.stringify(after.rows);
    rows = same ? after.rows.map((c) => ({ cells: c })) : [...before.rows.map((c) => ({ cells: c, mark: 'del' as const })), ...after.rows.map((c) => ({ cells: c, mark: 'ins' as const }))];
  } else {
    rows = [];
    const ka = before.rows.map((r) => rowKey(before, r));
    const kb = after.rows.map((r) => rowKey(after, r));
    let ia = 0;
    let ib = 0;
    const pair = (x: Cell[], y: Cell[]): R => {
      const parts = y.map((c, i) => (c.text === (x[i]?.text ?? '') ? undefined : diffText(x[i]?.text ?? '', c.text, lang)));
      return parts.some(Boolean) ? { cells: y, parts } : { cells: y };
    };
    for (const p of diffArrays(ka, kb)) {
      const n = p.value.length;
      if (!p.added && !p.removed) {
        for (let k = 0; k < n; k++) rows.push(pair(before.rows[ia + k], after.rows[ib + k]));
        ia += n;
        ib += n;
      } else if (p.removed) {
        for (let k = 0; k < n; k++) rows.push({ cells: before.rows[ia + k], mark: 'del' });
        ia += n;
      } else {
        for (let k = 0; k < n; k++) rows.push({ cells: after.rows[ib + k], mark: 'ins' });
        ib += n;
      }
    }
  }
  const table: TableBlock = { ...base, rows: rows.map((r) => r.cells), notes: after?.notes ?? [] };
  const rev: TableRevisions = {
    author: o.author,
    date: o.date,
    nextId: ids.next,
    rowMark: (i) => (rows[i]?.mark ? { kind: rows[i].mark!, id: ids.next(), author: o.author, date: o.date } : undefined),
    cellParts: (i, c) => rows[i]?.parts?.[c],
  };
  return { table, rev };
}

export async function renderRedlineDocx(older: PlanDocument, newer: PlanDocument, o: RedlineOptions): Promise<Buffer> {
  const lang = newer.lang;
  const ty = typographyFor(lang);
  const ids = new Ids();
  const sink = new TableSink(textWidth, ty);
  // First the body as paragraph specs, so paragraph-mark changes can be placed as Word places them.
  type Item = { kind: 'p'; block: Block; parts: TextPart[]; mark: 'ins' | 'del' | null } | { kind: 't'; before: TableBlock | null; after: TableBlock | null };
  const items: Item[] = [];
  for (const op of alignDocument(older.body, newer.body, lang)) {
    if (op.op === 'same') {
      const b = op.block;
      if (b.kind === 'heading' || b.kind === 'paragraph') items.push({ kind: 'p', block: b, parts: [{ value: blockText(b, lang) }], mark: null });
      else if (b.kind === 'table') items.push({ kind: 't', before: b, after: b });
    } else if (op.op === 'changed') {
      const { before, after } = op;
      if (after.kind === 'table' && before.kind === 'table') items.push({ kind: 't', before, after });
      else items.push({ kind: 'p', block: after, parts: diffText(blockText(before, lang), blockText(after, lang), lang), mark: null });
    } else if (op.block.kind === 'heading' || op.block.kind === 'paragraph') {
      const text = blockText(op.block, lang);
      items.push({ kind: 'p', block: op.block, parts: [{ value: text, ...(op.op === 'added' ? { added: true } : { removed: true }) }], mark: op.op === 'added' ? 'ins' : 'del' });
    } else if (op.block.kind === 'table') {
      items.push({ kind: 't', before: op.op === 'added' ? null : op.block, after: op.op === 'added' ? op.block : null });
    }
  }
  // An inserted paragraph after paragraph A is written as Word writes it when one types Enter at the
  // end of A: A's paragraph mark is the inserted one, the new paragraph keeps the old mark. So
  // LibreOffice and Word reject it back to exactly A.
  for (let i = 1; i < items.length; i++) {
    const cur = items[i];
    const prev = items[i - 1];
    if (cur.kind === 'p' && cur.mark === 'ins' && prev.kind === 'p' && prev.mark === null) {
      let j = i;
      while (j + 1 < items.length && items[j + 1].kind === 'p' && (items[j + 1] as { mark: string | null }).mark === 'ins') j++;
      prev.mark = 'ins';
      (items[j] as { mark: string | null }).mark = null;
      i = j;
    }
  }
  const body: Paragraph[] = [];
  const caption = (t: TableBlock) => new Paragraph({ style: 'Caption', children: [new TextRun({ text: captionText(t.label, t.title, newer.lang), ...runStyle(ty, ty.caption) })] });
  const addTable = (before: TableBlock | null, after: TableBlock | null, landscape: boolean) => {
    const { table, rev } = redlineTable(before, after, lang, o, ids);
    body.push(caption(table), sink.add(table, landscape, rev), new Paragraph({ style: 'TableText', children: table.notes.map((n) => new TextRun(n)) }));
  };
  for (const it of items) {
    if (it.kind === 'p') body.push(paragraphOf(it.block, it.parts, it.mark, lang, ty, o, ids));
    else addTable(it.before, it.after, false);
  }
  // the section ends on a paragraph of its own, never on a changed one
  body.push(new Paragraph({ children: [] }));
  const sections: ISectionOptions[] = [{ properties: pageProps(false), footers: { default: footer(ty) }, children: body }];
  // appendix tables, matched by key
  const keys = [...new Set([...newer.appendices.map((t) => t.key), ...older.appendices.map((t) => t.key)])];
  const appendixBody: Paragraph[] = [];
  for (const key of keys) {
    const a = older.appendices.find((t) => t.key === key) ?? null;
    const b = newer.appendices.find((t) => t.key === key) ?? null;
    const landscape = (b ?? a)!.landscape;
    const { table, rev } = redlineTable(a, b, lang, o, ids);
    const parts = [
      new Paragraph({ style: 'Caption', pageBreakBefore: appendixBody.length > 0 || undefined, children: [new TextRun({ text: captionText(table.label, table.title, newer.lang), ...runStyle(ty, ty.caption) })] }),
      sink.add(table, landscape, rev),
      new Paragraph({ style: 'TableText', children: table.notes.map((n) => new TextRun(n)) }),
    ];
    sections.push({ properties: pageProps(landscape), footers: { default: footer(ty) }, children: parts });
    appendixBody.push(...parts);
  }
  const doc = new Document({
    creator: o.author,
    title: newer.title,
    styles: styles(ty),
    sections: [
      { properties: pageProps(false), children: [new Paragraph({ style: 'Title', alignment: AlignmentType.CENTER, children: [new TextRun({ text: newer.title, ...runStyle(ty, ty.title) })] })] },
      ...sections,
    ],
  });
  const packed = await Packer.toBuffer(doc);
  return spliceTables(packed, sink.xml);
}

