import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ApiError } from '../api.ts';
import { patchRows, type ChangedRows, type ColumnSpec, type Lang, type Row, type RowsPatch, type TableSpec } from '../types.ts';
import { DataGrid, emptyMemory, type GridMemory, type PasteIssue, type PasteRow } from './DataGrid.tsx';
import { columnLabel, type RefLabels } from './cells.ts';
import { ChecksPanel, type Finding } from './ChecksPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { MapPanel, type MapPick } from './MapPanel.tsx';

const TABLES = ['mines', 'licences', 'exploration_rights', 'reserves', 'indicators', 'zones', 'blocks'];
/** the tables shown with the sketch map beside them */
const MAP_TABLES = new Set(['zones', 'blocks']);

/** A place to go to in the data view (from an undo, a redo or a finding); `seq` repeats a visit. */
export interface DataPlace { table: string; rowId?: number; column?: string; seq: number }

// Per plan file: the open tab and, per tab, its sort, filter, scroll and current cell. Kept outside
// the component so that leaving the data view (or reloading it after an undo) loses nothing.
const memories = new Map<string, { table: string; tabs: Map<string, GridMemory> }>();
let specCache: Record<string, TableSpec> | null = null;

let specsAsked: Promise<Record<string, TableSpec>> | null = null;
/** The tables' column specs, asked for once. */
function specsOnce(): Promise<Record<string, TableSpec>> {
  specsAsked ??= call<Record<string, TableSpec>>('tables.specs').then((s) => (specCache = s)).catch((e) => { specsAsked = null; throw e; });
  return specsAsked;
}

/** A table's rows, sent compact (column names once, then values) and made into rows here. */
async function readRows(table: string): Promise<Row[]> {
  const { columns, values } = await call<{ columns: string[]; values: (string | number | null)[][] }>('rows.table', { table });
  const n = columns.length;
  return values.map((v) => {
    const r: Record<string, string | number | null> = {};
    for (let i = 0; i < n; i++) r[columns[i]] = v[i];
    return r as Row;
  });
}

function memoryOf(file: string) {
  let m = memories.get(file);
  if (!m) memories.set(file, (m = { table: 'mines', tabs: new Map() }));
  return m;
}

interface Props {
  lang: Lang;
  file: string;
  years: number[];
  /** bumps when the data changed elsewhere (undo, redo, restore): the rows are read again */
  version: number;
  /** rows an undo or redo changed: patched in place, nothing read again */
  patch?: RowsPatch | null;
  place?: DataPlace | null;
  onChanged: () => void;
  setStatus: (s: string) => void;
  /** a finding in a chapter's text: open that chapter at its line */
  onOpenChapter?: (at: { key: string; lang: Lang; line: number | null }) => void;
}

export function DataView({ lang, file, years, version, patch, place, onChanged, setStatus, onOpenChapter }: Props) {
  const { t } = useTranslation();
  const memory = memoryOf(file);
  const [specs, setSpecs] = useState<Record<string, TableSpec> | null>(specCache);
  const [table, setTableState] = useState(place?.table ?? memory.table);
  const [rows, setRows] = useState<{ table: string; rows: Row[] } | null>(null);
  const [refRows, setRefRows] = useState<Record<string, Row[]>>({});
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  // what the last import wrote, shown above the grid once its panel has closed
  const [imported, setImported] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: number; column?: string; seq: number } | null>(place?.rowId ? { id: place.rowId, column: place.column, seq: place.seq } : null);
  const [checksVersion, setChecksVersion] = useState(0);
  // the row the map outlines: the one last picked on the map or focused from elsewhere
  const [mapSelected, setMapSelected] = useState<{ table: string; id: number } | null>(null);

  const setTable = (name: string) => {
    memory.table = name;
    setTableState(name);
  };

  const tabMemory = (name: string) => {
    let m = memory.tabs.get(name);
    if (!m) memory.tabs.set(name, (m = emptyMemory()));
    return m;
  };

  const [marks, setMarks] = useState<Record<string, { kind: string; note: string }>>({});
  const loadMarks = async (name: string) => {
    const list = await call<{ rowId: number; column: string; kind: string; note: string }[]>('marks.list', { table: name });
    setMarks(Object.fromEntries(list.map((m) => [`${m.rowId}:${m.column}`, { kind: m.kind, note: m.note }])));
  };
  const confirmMark = async (id: number, column: string) => {
    await call('marks.confirm', { table, id, column });
    await loadMarks(table);
    onChanged(); // a confirmation is an undo step
    setChecksVersion((v) => v + 1);
  };

  const load = useCallback(async (name: string) => {
    // the rows are asked for at once; the columns' specs (first visit only) come alongside
    const listed = readRows(name);
    const spec = (specCache ?? (await specsOnce()))[name];
    const needs = new Set((spec?.columns ?? []).filter((c) => c.type === 'ref').map((c) => c.ref!));
    const list = await listed;
    setRows({ table: name, rows: list });
    await loadMarks(name);
    const refs: Record<string, Row[]> = {};
    for (const r of ['mines', 'zones', 'exploration_rights']) {
      if (r === name) refs[r] = list;
      else if (needs.has(r)) refs[r] = await readRows(r);
    }
    setRefRows(refs);
  }, []);

  useEffect(() => {
    if (!specCache) void specsOnce().then(setSpecs);
  }, []);
  useEffect(() => { void load(table); }, [table, load, version]);

  // rows changed here or by an undo: replaced where they are (the grid keeps its sort, scroll and
  // cursor), in the table shown and in the lists its references are named from
  const applyChanges = (changes: ChangedRows[]) => {
    const of = (name: string) => changes.find((c) => c.table === name);
    setRows((rs) => {
      const c = rs && of(rs.table);
      return rs && c ? { table: rs.table, rows: patchRows(rs.rows, c) } : rs;
    });
    setRefRows((refs) => {
      let next = refs;
      for (const [name, list] of Object.entries(refs)) {
        const c = of(name);
        if (c) next = { ...next, [name]: patchRows(list, c) };
      }
      return next;
    });
  };

  // an undo or redo changed these rows: patched in place; the marks and the checks are read again behind it
  const seenPatch = useRef(patch?.seq); // a patch from before this view opened is in the rows it reads
  useEffect(() => {
    if (!patch || patch.seq === seenPatch.current) return;
    seenPatch.current = patch.seq;
    applyChanges(patch.changes);
    if (patch.changes.some((c) => c.table === table)) void loadMarks(table);
    setChecksVersion((v) => v + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [patch?.seq]);

  // an undo, redo or finding asks for a place
  useEffect(() => {
    if (!place) return;
    setAdding(false);
    if (place.table !== table) setTable(place.table);
    if (place.rowId) {
      setFocus({ id: place.rowId, column: place.column, seq: place.seq });
      setMapSelected({ table: place.table, id: place.rowId });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [place?.seq]);

  const refs: RefLabels = useMemo(() => ({
    mines: new Map((refRows.mines ?? []).map((r) => [r.id, String(r.name_zh)])),
    zones: new Map((refRows.zones ?? []).map((r) => [r.id, String(r.name_zh)])),
    exploration_rights: new Map((refRows.exploration_rights ?? []).map((r) => [r.id, String(r.name_zh)])),
  }), [refRows]);
  const refOptions = useMemo(() => ({
    mines: (refRows.mines ?? []).map((r) => ({ id: r.id, label: String(r.name_zh) })),
    zones: (refRows.zones ?? []).map((r) => ({ id: r.id, label: String(r.name_zh) })),
    exploration_rights: (refRows.exploration_rights ?? []).map((r) => ({ id: r.id, label: String(r.name_zh) })),
  }), [refRows]);
  const yearsKey = years.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const extra: ColumnSpec[] = useMemo(() => (table === 'indicators' ? years.map((y) => ({ key: `t:${y}`, type: 'text' as const, width: 3 })) : []), [table, yearsKey]);

  if (!specs) return null;
  const spec = specs[table];
  const current = rows?.table === table ? rows.rows : null;

  const changed = () => {
    onChanged();
    setChecksVersion((v) => v + 1);
  };

  const update = async (id: number, key: string, value: string | number | boolean | null): Promise<string | null> => {
    try {
      setStatus(t('edit.saving'));
      const row = await call<Row>('rows.update', { table, id, patch: { [key]: value } });
      setRows((rs) => (rs && rs.table === table ? { table, rows: rs.rows.map((r) => (r.id === id ? row : r)) } : rs));
      setStatus(t('edit.saved'));
      changed();
      void loadMarks(table);
      return null;
    } catch (e) {
      setStatus('');
      return e instanceof ApiError ? e.message : String(e);
    }
  };

  const paste = async (block: PasteRow[]): Promise<PasteIssue[] | null> => {
    const r = await call<{ written: boolean; errors: PasteIssue[]; rows?: Row[] }>('rows.paste', { table, rows: block });
    if (!r.written) return r.errors;
    if (r.rows) setRows({ table, rows: r.rows });
    setStatus(t('grid.pasted', { count: block.length }));
    changed();
    return null;
  };

  const remove = async (id: number) => {
    await call('rows.delete', { table, id });
    // what the delete changed in other tables is read when their tab opens
    applyChanges([{ table, reload: false, rows: [], removed: [id] }]);
    changed();
  };

  // a click on the map: a zone on the zones tab selects the zone's row; any other corner-point block
  // its row on the blocks tab; a mine drawn at its location point its row on the mines tab
  const pickOnMap = (p: MapPick) => {
    const target = table === 'zones' && p.table === 'zones' ? { table: 'zones', id: p.id }
      : p.blockId != null ? { table: 'blocks', id: p.blockId } : { table: p.table, id: p.id };
    setAdding(false);
    if (target.table !== table) setTable(target.table);
    setFocus({ id: target.id, seq: Date.now() });
    setMapSelected(target);
  };

  const pick = (f: Finding) => {
    if (f.chapter) {
      onOpenChapter?.(f.chapter);
      return;
    }
    const target = f.table === 'chapters' ? null : f.table;
    if (!target) return;
    setAdding(false);
    if (target !== table) setTable(target);
    if (f.rowId != null) {
      setFocus({ id: f.rowId, column: f.column, seq: Date.now() });
      setMapSelected({ table: target, id: f.rowId });
    }
  };

  return (
    <div className="data-layout">
    <div className="data-view">
      <div className="tabs" role="tablist">
        {TABLES.map((name) => (
          <button key={name} role="tab" aria-selected={table === name} className={table === name ? 'active' : ''} onClick={() => { setTable(name); setAdding(false); }} data-testid={`table-${name}`}>
            {t(`domain:table.${name}`)}
          </button>
        ))}
        <span className="spacer" />
        <button onClick={() => { setImporting(true); setImported(null); }} data-testid="import-open">{t('import.open')}</button>
        <button className="primary" onClick={() => setAdding(true)} data-testid="add-row">{t('grid.add')}</button>
      </div>
      {importing && <ImportPanel onClose={() => setImporting(false)} onDone={async (summary) => { setImporting(false); setImported(summary); await load(table); changed(); }} />}
      {imported && (
        <div className="card import-done" role="status" data-testid="import-done">
          <p className="pre-line">{imported}</p>
          <button className="link" onClick={() => setImported(null)} data-testid="import-done-close">{t('grid.dismiss')}</button>
        </div>
      )}
      {adding && <AddRow spec={spec} extra={extra} refOptions={refOptions} onCancel={() => setAdding(false)} onAdded={async () => { setAdding(false); await load(table); changed(); }} />}
      <div className={MAP_TABLES.has(table) ? 'grid-and-map' : 'grid-only'}>
        <ErrorBoundary name="grid" resetKey={table}>
          {current && (
            <DataGrid key={table} spec={spec} rows={current} refs={refs} refOptions={refOptions} onUpdate={update} onDelete={(id) => void remove(id)} onPaste={paste} marks={marks} onConfirmMark={(id, col) => void confirmMark(id, col)}
              extraColumns={extra} focus={focus} memory={tabMemory(table)} />
          )}
        </ErrorBoundary>
        {MAP_TABLES.has(table) && (
          <ErrorBoundary name="map">
            <MapPanel lang={lang} version={checksVersion + version} selected={mapSelected} onPick={pickOnMap} />
          </ErrorBoundary>
        )}
      </div>
    </div>
    <ErrorBoundary name="checks">
      {current && <ChecksPanel version={checksVersion + version} onPick={pick} />}
    </ErrorBoundary>
    </div>
  );
}

function AddRow({ spec, extra, refOptions, onCancel, onAdded }: { spec: TableSpec; extra: ColumnSpec[]; refOptions: Record<string, { id: number; label: string }[]>; onCancel: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ column?: string; message: string } | null>(null);
  const cols = [...spec.columns, ...extra];
  const submit = async () => {
    try {
      const payload: Record<string, string | null> = {};
      for (const c of cols) if (values[c.key] !== undefined && values[c.key] !== '') payload[c.key] = values[c.key];
      await call('rows.insert', { table: spec.name, values: payload });
      onAdded();
    } catch (e) {
      const err = e as ApiError;
      setError({ column: err.location?.column, message: err.message });
    }
  };
  return (
    <form className="add-row card" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="add-form"
      onKeyDown={(e) => {
        // Enter adds the row from any field (a list too, where browsers do not submit); Esc closes
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT') { e.preventDefault(); void submit(); }
        if (e.key === 'Escape') { e.preventDefault(); onCancel(); }
      }}>
      <h3>{t('grid.addTitle', { table: t(`domain:table.${spec.name}`) })}</h3>
      <div className="fields">
        {cols.map((c, i) => (
          <label key={c.key} className={error?.column === c.key ? 'invalid' : ''}>
            {columnLabel(spec.name, c, t)}
            {c.type === 'enum' || c.type === 'ref' ? (
              <select value={values[c.key] ?? ''} onChange={(e) => setValues({ ...values, [c.key]: e.target.value })} data-testid={`add-${c.key}`}>
                <option value="">{t('grid.empty')}</option>
                {(c.type === 'enum' ? (c.values ?? []).map((v) => ({ value: v, label: t(`domain:${c.vocab}.${v}`) })) : (refOptions[c.ref ?? ''] ?? []).map((o) => ({ value: String(o.id), label: o.label, data: true })))
                  .map((o) => <option key={o.value} value={o.value} data-plan-data={'data' in o ? '' : undefined}>{o.label}</option>)}
              </select>
            ) : c.type === 'points' ? (
              <textarea value={values[c.key] ?? ''} onChange={(e) => setValues({ ...values, [c.key]: e.target.value })} data-testid={`add-${c.key}`} rows={3} />
            ) : (
              <input autoFocus={i === 0} value={values[c.key] ?? ''} onChange={(e) => setValues({ ...values, [c.key]: e.target.value })} data-testid={`add-${c.key}`} />
            )}
            {error?.column === c.key && <span className="cell-error inline" role="alert">{error.message}</span>}
          </label>
        ))}
      </div>
      {error && !error.column && <div className="cell-error inline" role="alert">{error.message}</div>}
      <div className="buttons">
        <button type="button" onClick={onCancel}>{t('grid.cancel')}</button>
        <button type="submit" className="primary" data-testid="add-submit">{t('grid.save')}</button>
      </div>
    </form>
  );
}
