// A virtualised grid over one table: smooth with thousands of rows; inline editing with the
// store's validation message shown at the cell (the stored row stays as it was); sort and filter.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ColumnSpec, Row, TableSpec } from '../types.ts';
import { columnLabel, display, sortValue, type RefLabels } from './cells.ts';

const ROW_H = 30;
const UNIT = 56; // px per width unit

interface Props {
  spec: TableSpec;
  rows: Row[];
  refs: RefLabels;
  refOptions: Record<string, { id: number; label: string }[]>;
  onUpdate: (id: number, key: string, value: string | number | boolean | null) => Promise<string | null>;
  onDelete: (id: number) => void;
  extraColumns?: ColumnSpec[];
  /** a row to scroll to and select (from a finding) */
  focusId?: number | null;
}

export function DataGrid({ spec, rows, refs, refOptions, onUpdate, onDelete, extraColumns = [], focusId }: Props) {
  const { t } = useTranslation();
  const columns = useMemo(() => [...spec.columns, ...extraColumns], [spec, extraColumns]);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const [editing, setEditing] = useState<{ id: number; key: string } | null>(null);
  const [draft, setDraft] = useState('');
  const [cellError, setCellError] = useState<{ id: number; key: string; message: string } | null>(null);
  const [selected, setSelected] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const parent = useRef<HTMLDivElement>(null);

  const view = useMemo(() => {
    const f = filter.trim().toLowerCase();
    let list = f ? rows.filter((r) => columns.some((c) => display(c, r[c.key], t, refs).toLowerCase().includes(f))) : rows;
    if (sort) {
      const col = columns.find((c) => c.key === sort.key)!;
      list = [...list].sort((a, b) => {
        const x = sortValue(col, a, t, refs);
        const y = sortValue(col, b, t, refs);
        return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
      });
    }
    return list;
  }, [rows, filter, sort, columns, t, refs]);

  const virtual = useVirtualizer({ count: view.length, getScrollElement: () => parent.current, estimateSize: () => ROW_H, overscan: 12 });
  useEffect(() => {
    if (focusId == null) return;
    const i = view.findIndex((r) => r.id === focusId);
    if (i >= 0) {
      setSelected((s) => ({ ...s, row: i }));
      virtual.scrollToIndex(i, { align: 'center' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusId, view]);

  const width = columns.reduce((a, c) => a + (c.width ?? 2) * UNIT, 0) + 48 + 64;

  const startEdit = (row: Row, col: ColumnSpec) => {
    setEditing({ id: row.id, key: col.key });
    setDraft(row[col.key] === null || row[col.key] === undefined ? '' : String(row[col.key]));
    setCellError(null);
  };

  const commit = async () => {
    if (!editing) return;
    const col = columns.find((c) => c.key === editing.key)!;
    const row = rows.find((r) => r.id === editing.id);
    const old = row?.[col.key];
    const value = col.type === 'bool' ? draft === '1' : draft === '' ? null : draft;
    if (String(old ?? '') === draft) {
      setEditing(null);
      return;
    }
    const message = await onUpdate(editing.id, editing.key, value);
    if (message) setCellError({ ...editing, message });
    else {
      setEditing(null);
      setCellError(null);
    }
  };

  const onGridKey = (e: KeyboardEvent) => {
    if (editing) return;
    const r = Math.min(selected.row, view.length - 1);
    if (e.key === 'ArrowDown') setSelected({ ...selected, row: Math.min(view.length - 1, r + 1) });
    else if (e.key === 'ArrowUp') setSelected({ ...selected, row: Math.max(0, r - 1) });
    else if (e.key === 'ArrowRight') setSelected({ ...selected, col: Math.min(columns.length - 1, selected.col + 1) });
    else if (e.key === 'ArrowLeft') setSelected({ ...selected, col: Math.max(0, selected.col - 1) });
    else if (e.key === 'Enter' && view[r]) startEdit(view[r], columns[selected.col]);
    else return;
    e.preventDefault();
    virtual.scrollToIndex(Math.min(view.length - 1, Math.max(0, selected.row)));
  };

  const editor = (col: ColumnSpec) => {
    const common = {
      autoFocus: true,
      value: draft,
      'data-testid': 'cell-editor',
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' && !(col.type === 'points' && e.shiftKey)) { e.preventDefault(); void commit(); }
        if (e.key === 'Escape') { setEditing(null); setCellError(null); }
      },
      onBlur: () => void commit(),
    };
    if (col.type === 'enum' || col.type === 'ref' || col.type === 'bool') {
      const options = col.type === 'enum'
        ? (col.values ?? []).map((v) => ({ value: v, label: t(`domain:${col.vocab}.${v}`, { defaultValue: v }) }))
        : col.type === 'bool' ? [{ value: '0', label: t('grid.no') }, { value: '1', label: t('grid.yes') }]
          : (refOptions[col.ref ?? ''] ?? []).map((o) => ({ value: String(o.id), label: o.label }));
      return (
        <select {...common} onChange={(e) => setDraft(e.target.value)}>
          {!col.required && <option value="">{t('grid.empty')}</option>}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      );
    }
    return <input {...common} onChange={(e) => setDraft(e.target.value)} />;
  };

  return (
    <div className="grid-wrap">
      <div className="grid-toolbar">
        <input className="filter" placeholder={t('grid.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="grid-filter" />
        <span className="muted" data-testid="grid-count">{filter ? t('grid.shown', { shown: view.length, count: rows.length }) : t('grid.rows', { count: rows.length })}</span>
        <span className="muted hint">{t('grid.editHint')}</span>
      </div>
      {cellError && <div className="grid-error" role="alert" data-testid="grid-error">{cellError.message}</div>}
      <div className="grid" ref={parent} tabIndex={0} onKeyDown={onGridKey} data-testid={`grid-${spec.name}`}>
        <div className="grid-inner" style={{ width, height: virtual.getTotalSize() + ROW_H }}>
          <div className="grid-row header" style={{ width }}>
            <div className="grid-cell seq">#</div>
            {columns.map((c) => (
              <div key={c.key} className="grid-cell" style={{ width: (c.width ?? 2) * UNIT }} onClick={() => setSort(sort?.key === c.key ? { key: c.key, dir: sort.dir === 1 ? -1 : 1 } : { key: c.key, dir: 1 })} title={c.key}>
                {columnLabel(spec.name, c, t)}{sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
              </div>
            ))}
            <div className="grid-cell actions" />
          </div>
          {virtual.getVirtualItems().map((vi) => {
            const row = view[vi.index];
            return (
              <div key={row.id} className={`grid-row ${vi.index === selected.row ? 'selected' : ''}`} style={{ transform: `translateY(${vi.start + ROW_H}px)`, width }} data-testid="grid-row" data-row-id={row.id}>
                <div className="grid-cell seq">{vi.index + 1}</div>
                {columns.map((c, ci) => {
                  const isEditing = editing?.id === row.id && editing.key === c.key;
                  const err = cellError && cellError.id === row.id && cellError.key === c.key ? cellError.message : null;
                  return (
                    <div key={c.key} className={`grid-cell ${err ? 'invalid' : ''} ${c.type === 'real' || c.type === 'int' ? 'num' : ''}`} style={{ width: (c.width ?? 2) * UNIT }}
                      data-col={c.key}
                      onClick={() => setSelected({ row: vi.index, col: ci })}
                      onDoubleClick={() => startEdit(row, c)}>
                      {isEditing ? editor(c) : display(c, row[c.key], t, refs)}
                      {err && <div className="cell-error" role="alert" data-testid="cell-error">{err}</div>}
                    </div>
                  );
                })}
                <div className="grid-cell actions">
                  <button className="link danger" onClick={() => { if (window.confirm(t('grid.confirmDelete'))) onDelete(row.id); }} data-testid="delete-row">{t('grid.delete')}</button>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
