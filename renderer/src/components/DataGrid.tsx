// A virtualised grid over one table with a spreadsheet's keyboard model: a visible current cell,
// arrows / Tab / Shift+Tab / Home / End / PageUp / PageDown to move (Shift extends a selection),
// Enter or F2 or typing to edit, Enter to commit and move down, Esc to cancel; focus stays in the
// grid. Copy gives the selection as tab-separated text; paste of a block copied from Excel/WPS is
// validated as a whole and written in one step (nothing is written while any cell is wrong).
// Sort, filter, scroll and current cell live in `memory`, kept per tab by the caller.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ColumnSpec, Row, TableSpec } from '../types.ts';
import { columnLabel, display, sortValue, type RefLabels } from './cells.ts';
import { formatTsv, parseTsv } from '../../../main/import/tsv.ts';

const ROW_H = 30;
const UNIT = 56; // px per width unit
const SEQ_W = 48;

export interface GridMemory {
  sort: { key: string; dir: 1 | -1 } | null;
  filter: string;
  scrollTop: number;
  scrollLeft: number;
  /** the current cell, by row id (stable under sort and filter) and column key */
  cursor: { id: number | null; col: string | null };
}

export const emptyMemory = (): GridMemory => ({ sort: null, filter: '', scrollTop: 0, scrollLeft: 0, cursor: { id: null, col: null } });

/** A block to paste: target rows by id (null: a new row), values by column key, as text. */
export interface PasteRow { id: number | null; values: Record<string, string> }
export interface PasteIssue { index: number; column: string; message: string }

interface Props {
  spec: TableSpec;
  rows: Row[];
  refs: RefLabels;
  refOptions: Record<string, { id: number; label: string }[]>;
  onUpdate: (id: number, key: string, value: string | number | boolean | null) => Promise<string | null>;
  onDelete: (id: number) => void;
  /** writes a pasted block; returns the located errors (nothing written) or null */
  onPaste?: (rows: PasteRow[]) => Promise<PasteIssue[] | null>;
  extraColumns?: ColumnSpec[];
  /** a cell to go to (from a finding or an undo); `seq` changes to go there again */
  focus?: { id: number; column?: string; seq: number } | null;
  memory: GridMemory;
  /** inferred cells (`${rowId}:${column}`): shown marked until confirmed */
  marks?: Record<string, { kind: string; note: string }>;
  onConfirmMark?: (id: number, column: string) => void;
}

type Pos = { row: number; col: number };

export function DataGrid({ spec, rows, refs, refOptions, onUpdate, onDelete, onPaste, extraColumns = [], focus, memory, marks, onConfirmMark }: Props) {
  const { t } = useTranslation();
  const columns = useMemo(() => [...spec.columns, ...extraColumns], [spec, extraColumns]);
  // the row number and the row's name (when it is the first column) stay in view when the grid scrolls sideways
  const pinned = (c: { key: string }, ci: number) => ci === 0 && c.key === spec.labelColumn;
  const [filter, setFilterState] = useState(memory.filter);
  const [sort, setSortState] = useState(memory.sort);
  const [editing, setEditing] = useState<{ id: number; key: string } | null>(null);
  const editingRef = useRef<{ id: number; key: string } | null>(null);
  const [draft, setDraft] = useState('');
  const [cellError, setCellError] = useState<{ id: number; key: string; message: string } | null>(null);
  const [pasteIssues, setPasteIssues] = useState<{ issues: PasteIssue[]; rows: PasteRow[] } | null>(null);
  const parent = useRef<HTMLDivElement>(null);

  const setFilter = (f: string) => { memory.filter = f; setFilterState(f); };
  const setSort = (s: GridMemory['sort']) => { memory.sort = s; setSortState(s); };

  const view = useMemo(() => {
    const f = filter.trim().toLowerCase();
    let list = f ? rows.filter((r) => columns.some((c) => display(c, r[c.key], t, refs).toLowerCase().includes(f))) : rows;
    // a sort kept for a column this table does not have is ignored, never a crash
    const col = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (sort && col) {
      const keyed = list.map((r) => ({ r, k: sortValue(col, r, t, refs) }));
      keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * sort.dir);
      list = keyed.map((x) => x.r);
    }
    return list;
  }, [rows, filter, sort, columns, t, refs]);

  const colIndex = (key: string | null) => Math.max(0, columns.findIndex((c) => c.key === key));
  const rowIndex = (id: number | null) => (id == null ? 0 : Math.max(0, view.findIndex((r) => r.id === id)));
  const [cursor, setCursorState] = useState<Pos>(() => ({ row: rowIndex(memory.cursor.id), col: colIndex(memory.cursor.col) }));
  const [anchor, setAnchor] = useState<Pos>(cursor);
  const clampRow = (r: number) => Math.max(0, Math.min(view.length - 1, r));
  const clampCol = (c: number) => Math.max(0, Math.min(columns.length - 1, c));
  const cur: Pos = { row: clampRow(cursor.row), col: clampCol(cursor.col) };

  const virtual = useVirtualizer({
    count: view.length, getScrollElement: () => parent.current, estimateSize: () => ROW_H, overscan: 12,
    initialOffset: memory.scrollTop,
  });

  const lefts = useMemo(() => {
    const out: number[] = [];
    let x = SEQ_W;
    for (const c of columns) { out.push(x); x += (c.width ?? 2) * UNIT; }
    return out;
  }, [columns]);
  // the width the pinned columns (# and the name) cover at the grid's left edge
  const pinnedW = SEQ_W + (columns[0] && pinned(columns[0], 0) ? (columns[0].width ?? 2) * UNIT : 0);
  const width = lefts.length ? lefts[lefts.length - 1] + (columns[columns.length - 1].width ?? 2) * UNIT + 64 : SEQ_W + 64;

  useLayoutEffect(() => {
    const el = parent.current;
    if (!el) return;
    el.scrollTop = memory.scrollTop;
    el.scrollLeft = memory.scrollLeft;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const reveal = (p: Pos, align: 'auto' | 'center' = 'auto') => {
    const el = parent.current;
    if (!el || view.length === 0) return;
    virtual.scrollToIndex(p.row, { align });
    const left = lefts[p.col] ?? 0;
    const right = left + (columns[p.col]?.width ?? 2) * UNIT;
    // a pinned column is always in view; any other is revealed right of the pinned ones
    if (columns[p.col] && pinned(columns[p.col], p.col)) return;
    if (left - pinnedW < el.scrollLeft) el.scrollLeft = Math.max(0, left - pinnedW);
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth + 8;
  };

  const setCursor = (p: Pos, extend = false, align: 'auto' | 'center' = 'auto') => {
    const q = { row: clampRow(p.row), col: clampCol(p.col) };
    setCursorState(q);
    if (!extend) setAnchor(q);
    memory.cursor = { id: view[q.row]?.id ?? null, col: columns[q.col]?.key ?? null };
    reveal(q, align);
  };

  const focusGrid = () => parent.current?.focus({ preventScroll: true });

  // go to a cell asked for from outside (a finding, an undo)
  useEffect(() => {
    if (!focus) return;
    const i = view.findIndex((r) => r.id === focus.id);
    if (i < 0) return;
    const c = focus.column ? columns.findIndex((x) => x.key === focus.column) : cur.col;
    // after the rows have rendered
    requestAnimationFrame(() => {
      setCursor({ row: i, col: c >= 0 ? c : cur.col }, false, 'center');
      focusGrid();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.seq, focus?.id, view]);

  const startEdit = (row: Row, col: ColumnSpec, typed?: string) => {
    const e = { id: row.id, key: col.key };
    editingRef.current = e;
    setEditing(e);
    const current = row[col.key] === null || row[col.key] === undefined ? '' : String(row[col.key]);
    setDraft(typed ?? current);
    setCellError(null);
  };

  const stopEdit = () => {
    editingRef.current = null;
    setEditing(null);
    focusGrid();
  };

  /** Commits the open editor; `then` moves the cursor once the value is stored. */
  const commit = async (then?: Pos) => {
    const e = editingRef.current;
    if (!e) return;
    const col = columns.find((c) => c.key === e.key)!;
    const row = rows.find((r) => r.id === e.id);
    const old = row?.[col.key];
    const value = col.type === 'bool' ? draft === '1' : draft === '' ? null : draft;
    if (String(old ?? '') !== draft) {
      editingRef.current = null; // no second commit from the blur that follows
      const message = await onUpdate(e.id, e.key, value);
      if (message) {
        editingRef.current = e;
        setCellError({ ...e, message });
        return;
      }
    }
    setCellError(null);
    stopEdit();
    if (then) setCursor(then);
  };

  const cancel = () => {
    setCellError(null);
    stopEdit();
  };

  const selection = () => ({
    r0: Math.min(anchor.row, cur.row), r1: Math.max(anchor.row, cur.row),
    c0: Math.min(anchor.col, cur.col), c1: Math.max(anchor.col, cur.col),
  });
  const sel = selection();
  const inSel = (r: number, c: number) => (sel.r0 !== sel.r1 || sel.c0 !== sel.c1) && r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1;

  const pageRows = () => Math.max(1, Math.floor((parent.current?.clientHeight ?? 300) / ROW_H) - 2);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editingRef.current || e.target !== parent.current) return; // the editor handles its own keys
    if (view.length === 0) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const shift = e.shiftKey;
    const go = (p: Pos) => setCursor(p, shift);
    switch (e.key) {
      case 'ArrowDown': go({ row: ctrl ? view.length - 1 : cur.row + 1, col: cur.col }); break;
      case 'ArrowUp': go({ row: ctrl ? 0 : cur.row - 1, col: cur.col }); break;
      case 'ArrowRight': go({ row: cur.row, col: ctrl ? columns.length - 1 : cur.col + 1 }); break;
      case 'ArrowLeft': go({ row: cur.row, col: ctrl ? 0 : cur.col - 1 }); break;
      case 'PageDown': go({ row: cur.row + pageRows(), col: cur.col }); break;
      case 'PageUp': go({ row: cur.row - pageRows(), col: cur.col }); break;
      case 'Home': go({ row: ctrl ? 0 : cur.row, col: 0 }); break;
      case 'End': go({ row: ctrl ? view.length - 1 : cur.row, col: columns.length - 1 }); break;
      case 'Tab': {
        // Tab moves within the grid, wrapping to the next (or previous) row; never to a row's buttons
        const back = shift;
        let { row, col } = cur;
        col += back ? -1 : 1;
        if (col >= columns.length) { col = 0; row = Math.min(view.length - 1, row + 1); }
        if (col < 0) { col = columns.length - 1; row = Math.max(0, row - 1); }
        setCursor({ row, col });
        break;
      }
      case 'Enter':
      case 'F2':
        startEdit(view[cur.row], columns[cur.col]);
        break;
      case 'Escape':
        setAnchor(cur);
        break;
      case 'Delete':
      case 'Backspace': {
        const col = columns[cur.col];
        const row = view[cur.row];
        if (row[col.key] === null || row[col.key] === '' || row[col.key] === undefined) break;
        void onUpdate(row.id, col.key, null).then((m) => { if (m) setCellError({ id: row.id, key: col.key, message: m }); });
        break;
      }
      default:
        if (e.key.length === 1 && !ctrl && !e.altKey) {
          const col = columns[cur.col];
          // typing starts editing: text-like cells take the key typed, lists open on their value
          const typed = col.type === 'enum' || col.type === 'ref' || col.type === 'bool' ? undefined : e.key;
          startEdit(view[cur.row], col, typed);
          break;
        }
        return;
    }
    e.preventDefault();
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editingRef.current || view.length === 0) return;
    const out: string[][] = [];
    for (let r = sel.r0; r <= sel.r1; r++) {
      const row = view[r];
      out.push(columns.slice(sel.c0, sel.c1 + 1).map((c) => (c.type === 'bool' ? (row[c.key] ? '1' : '0') : display(c, row[c.key], t, refs))));
    }
    e.clipboardData.setData('text/plain', formatTsv(out));
    e.preventDefault();
  };

  const onPasteEvent = async (e: ClipboardEvent<HTMLDivElement>) => {
    if (editingRef.current || !onPaste) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const block = parseTsv(text);
    if (block.length === 0) return;
    const top = view.length ? sel.r0 : 0;
    const left = view.length ? sel.c0 : 0;
    const widest = Math.max(...block.map((r) => r.length));
    if (left + widest > columns.length) {
      setPasteIssues({ issues: [{ index: -1, column: '', message: t('grid.pasteTooWide', { columns: widest, room: columns.length - left }) }], rows: [] });
      return;
    }
    const target: PasteRow[] = block.map((cells, i) => ({
      id: view[top + i]?.id ?? null,
      values: Object.fromEntries(cells.map((v, j) => [columns[left + j].key, v])),
    }));
    const issues = await onPaste(target);
    if (issues && issues.length) {
      setPasteIssues({ issues, rows: target });
      return;
    }
    setPasteIssues(null);
    setCursorState({ row: top, col: left });
    setAnchor({ row: top + block.length - 1, col: left + widest - 1 });
    focusGrid();
  };

  const issueText = (i: PasteIssue, rows: PasteRow[]) => {
    if (i.index < 0) return i.message;
    const id = rows[i.index]?.id;
    const at = id == null ? t('grid.newRow', { n: i.index + 1 - rows.filter((r) => r.id != null).length }) : t('grid.rowNo', { n: view.findIndex((r) => r.id === id) + 1 });
    const c = columns.find((x) => x.key === i.column);
    return `${at}, ${c ? columnLabel(spec.name, c, t) : i.column}: ${i.message}`;
  };
  const pasteIssueAt = (id: number, key: string) => {
    if (!pasteIssues) return null;
    return pasteIssues.issues.find((i) => pasteIssues.rows[i.index]?.id === id && i.column === key)?.message ?? null;
  };

  const editor = (col: ColumnSpec) => {
    const common = {
      value: draft,
      'data-testid': 'cell-editor',
      onKeyDown: (e: KeyboardEvent) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !(col.type === 'points' && e.shiftKey)) { e.preventDefault(); void commit({ row: cur.row + 1, col: cur.col }); }
        else if (e.key === 'Tab') { e.preventDefault(); void commit({ row: cur.row, col: cur.col + (e.shiftKey ? -1 : 1) }); }
        else if (e.key === 'Escape') { e.preventDefault(); cancel(); }
      },
      onBlur: () => { if (editingRef.current) void commit(); },
    };
    if (col.type === 'enum' || col.type === 'ref' || col.type === 'bool') {
      const options = col.type === 'enum'
        ? (col.values ?? []).map((v) => ({ value: v, label: t(`domain:${col.vocab}.${v}`, { defaultValue: v }) }))
        : col.type === 'bool' ? [{ value: '0', label: t('grid.no') }, { value: '1', label: t('grid.yes') }]
          : (refOptions[col.ref ?? ''] ?? []).map((o) => ({ value: String(o.id), label: o.label, data: true }));
      return (
        <select {...common} autoFocus onChange={(e) => setDraft(e.target.value)}>
          {!col.required && <option value="">{t('grid.empty')}</option>}
          {options.map((o) => <option key={o.value} value={o.value} data-plan-data={'data' in o ? '' : undefined}>{o.label}</option>)}
        </select>
      );
    }
    return (
      <input {...common} onChange={(e) => setDraft(e.target.value)}
        ref={(el) => { if (el && document.activeElement !== el) { el.focus(); el.setSelectionRange(el.value.length, el.value.length); } }} />
    );
  };

  return (
    <div className="grid-wrap">
      <div className="grid-toolbar">
        <input className="filter" placeholder={t('grid.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="grid-filter" />
        <span className="muted" data-testid="grid-count">{filter ? t('grid.shown', { shown: view.length, count: rows.length }) : t('grid.rows', { count: rows.length })}</span>
        <span className="muted hint">{t('grid.editHint')}</span>
      </div>
      {cellError && <div className="grid-error" role="alert" data-testid="grid-error">{cellError.message}</div>}
      {pasteIssues && (
        <div className="grid-error" role="alert" data-testid="paste-error">
          <strong>{t('grid.pasteRefused', { count: pasteIssues.issues.length })}</strong>
          <ul>{pasteIssues.issues.map((i, k) => <li key={k} data-testid="paste-issue">{issueText(i, pasteIssues.rows)}</li>)}</ul>
          <button className="link" onClick={() => { setPasteIssues(null); focusGrid(); }}>{t('grid.dismiss')}</button>
        </div>
      )}
      <div className="grid" ref={parent} tabIndex={0} onKeyDown={onGridKey} onCopy={onCopy} onPaste={(e) => void onPasteEvent(e)}
        onScroll={(e) => { memory.scrollTop = e.currentTarget.scrollTop; memory.scrollLeft = e.currentTarget.scrollLeft; }}
        // a cell scrolled into view (by the browser or a tool) lands beside the pinned columns and below the header, not under them
        style={{ scrollPaddingLeft: pinnedW, scrollPaddingTop: ROW_H }}
        data-testid={`grid-${spec.name}`} role="grid" aria-rowcount={view.length} aria-colcount={columns.length}>
        <div className="grid-inner" style={{ width, height: virtual.getTotalSize() + ROW_H }}>
          <div className="grid-row header" style={{ width }} role="row">
            <div className="grid-cell seq pinned">#</div>
            {columns.map((c, ci) => (
              <div key={c.key} role="columnheader" className={`grid-cell ${pinned(c, ci) ? 'pinned name' : ''}`} style={{ width: (c.width ?? 2) * UNIT }} data-col={c.key}
                onClick={() => setSort(sort?.key !== c.key ? { key: c.key, dir: 1 } : sort.dir === 1 ? { key: c.key, dir: -1 } : null)}
                aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                {columnLabel(spec.name, c, t)}{sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
              </div>
            ))}
            <div className="grid-cell actions" />
          </div>
          {virtual.getVirtualItems().map((vi) => {
            const row = view[vi.index];
            if (!row) return null;
            return (
              <div key={row.id} role="row" className={`grid-row ${vi.index === cur.row ? 'selected' : ''}`} style={{ transform: `translateY(${vi.start + ROW_H}px)`, width }} data-testid="grid-row" data-row-id={row.id}>
                <div className="grid-cell seq pinned">{vi.index + 1}</div>
                {columns.map((c, ci) => {
                  const isEditing = editing?.id === row.id && editing.key === c.key;
                  const err = cellError && cellError.id === row.id && cellError.key === c.key ? cellError.message : pasteIssueAt(row.id, c.key);
                  const isCur = vi.index === cur.row && ci === cur.col;
                  const mark = marks?.[`${row.id}:${c.key}`];
                  return (
                    <div key={c.key} role="gridcell" aria-selected={isCur || inSel(vi.index, ci)}
                      className={`grid-cell ${pinned(c, ci) ? 'pinned name' : ''} ${err ? 'invalid' : ''} ${c.type === 'real' || c.type === 'int' ? 'num' : ''} ${isCur ? 'current' : ''} ${inSel(vi.index, ci) ? 'in-sel' : ''} ${mark ? 'inferred' : ''}`}
                      title={mark ? t('grid.inferred', { how: t(`domain:markKind.${mark.kind}`), note: mark.note }) : undefined}
                      data-inferred={mark?.kind}
                      style={{ width: (c.width ?? 2) * UNIT }}
                      data-col={c.key}
                      data-current={isCur ? 'true' : undefined}
                      onMouseDown={(e) => { if (isEditing) return; if (e.button === 0) setCursor({ row: vi.index, col: ci }, e.shiftKey); }}
                      onMouseEnter={(e) => { if (e.buttons === 1 && !editing) setCursor({ row: vi.index, col: ci }, true); }}
                      onDoubleClick={() => startEdit(row, c)}>
                      {isEditing ? editor(c) : c.type === 'enum' || c.type === 'bool' ? display(c, row[c.key], t, refs) : <span data-plan-data>{display(c, row[c.key], t, refs)}</span>}
                      {mark && !isEditing && onConfirmMark && <button tabIndex={-1} className="link confirm-mark" title={t('grid.confirmMark')} onMouseDown={(e) => e.stopPropagation()} onClick={() => onConfirmMark(row.id, c.key)} data-testid="confirm-mark">✓</button>}
                      {err && <div className="cell-error" role="alert" data-testid="cell-error">{err}</div>}
                    </div>
                  );
                })}
                <div className="grid-cell actions">
                  <button tabIndex={-1} className="link danger" onClick={() => { if (window.confirm(t('grid.confirmDelete'))) onDelete(row.id); }} data-testid="delete-row">{t('grid.delete')}</button>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
