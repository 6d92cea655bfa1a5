import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ApiError } from '../api.ts';
import type { ColumnSpec, Lang, Row, TableSpec } from '../types.ts';
import { DataGrid } from './DataGrid.tsx';
import { columnLabel, type RefLabels } from './cells.ts';
import { ChecksPanel, type Finding } from './ChecksPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';

const TABLES = ['mines', 'licences', 'exploration_rights', 'reserves', 'indicators', 'zones', 'blocks'];

export function DataView({ onChanged, setStatus }: { lang: Lang; onChanged: () => void; setStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const [specs, setSpecs] = useState<Record<string, TableSpec> | null>(null);
  const [table, setTable] = useState('mines');
  const [rows, setRows] = useState<Row[]>([]);
  const [refRows, setRefRows] = useState<Record<string, Row[]>>({});
  const [adding, setAdding] = useState(false);
  const [years, setYears] = useState<number[]>([]);
  const [importing, setImporting] = useState(false);
  const [focus, setFocus] = useState<number | null>(null);
  const [checksVersion, setChecksVersion] = useState(0);

  const load = useCallback(async (name: string) => {
    setRows(await call<Row[]>('rows.list', { table: name }));
    const [mines, zones, rights] = await Promise.all(['mines', 'zones', 'exploration_rights'].map((t) => call<Row[]>('rows.list', { table: t })));
    setRefRows({ mines, zones, exploration_rights: rights });
  }, []);

  useEffect(() => {
    void call<Record<string, TableSpec>>('tables.specs').then(setSpecs);
    void call<{ plan: { indicator_years: number[] } }>('plan.get').then((s) => setYears(s.plan.indicator_years));
  }, []);
  useEffect(() => { void load(table); }, [table, load]);

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
  const extra: ColumnSpec[] = useMemo(() => (table === 'indicators' ? years.map((y) => ({ key: `t:${y}`, type: 'text' as const, width: 3 })) : []), [table, years]);

  if (!specs) return null;
  const spec = specs[table];

  const update = async (id: number, key: string, value: string | number | boolean | null): Promise<string | null> => {
    try {
      setStatus(t('edit.saving'));
      const row = await call<Row>('rows.update', { table, id, patch: { [key]: value } });
      setRows((rs) => rs.map((r) => (r.id === id ? row : r)));
      setStatus(t('edit.saved'));
      onChanged();
      setChecksVersion((v) => v + 1);
      return null;
    } catch (e) {
      setStatus('');
      return e instanceof ApiError ? e.message : String(e);
    }
  };

  const remove = async (id: number) => {
    await call('rows.delete', { table, id });
    await load(table);
    onChanged();
    setChecksVersion((v) => v + 1);
  };

  const pick = (f: Finding) => {
    const target = f.table === 'chapters' ? null : f.table;
    if (!target) return;
    setAdding(false);
    if (target !== table) setTable(target);
    setFocus(f.rowId);
  };

  return (
    <div className="data-layout">
    <div className="data-view">
      <div className="tabs" role="tablist">
        {TABLES.map((name) => (
          <button key={name} role="tab" className={table === name ? 'active' : ''} onClick={() => { setTable(name); setAdding(false); }} data-testid={`table-${name}`}>
            {t(`domain:table.${name}`)}
          </button>
        ))}
        <span className="spacer" />
        <button onClick={() => setImporting(true)} data-testid="import-open">{t('import.open')}</button>
        <button className="primary" onClick={() => setAdding(true)} data-testid="add-row">{t('grid.add')}</button>
      </div>
      {importing && <ImportPanel onClose={() => setImporting(false)} onDone={async () => { await load(table); onChanged(); setChecksVersion((v) => v + 1); }} />}
      {adding && <AddRow spec={spec} extra={extra} refOptions={refOptions} onCancel={() => setAdding(false)} onAdded={async () => { setAdding(false); await load(table); onChanged(); setChecksVersion((v) => v + 1); }} />}
      <DataGrid spec={spec} rows={rows} refs={refs} refOptions={refOptions} onUpdate={update} onDelete={(id) => void remove(id)} extraColumns={extra} focusId={focus} />
    </div>
    <ChecksPanel version={checksVersion} onPick={pick} />
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
    <form className="add-row card" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="add-form">
      <h3>{t('grid.addTitle', { table: t(`domain:table.${spec.name}`) })}</h3>
      <div className="fields">
        {cols.map((c) => (
          <label key={c.key} className={error?.column === c.key ? 'invalid' : ''}>
            {columnLabel(spec.name, c, t)}
            {c.type === 'enum' || c.type === 'ref' ? (
              <select value={values[c.key] ?? ''} onChange={(e) => setValues({ ...values, [c.key]: e.target.value })} data-testid={`add-${c.key}`}>
                <option value="">{t('grid.empty')}</option>
                {(c.type === 'enum' ? (c.values ?? []).map((v) => ({ value: v, label: t(`domain:${c.vocab}.${v}`) })) : (refOptions[c.ref ?? ''] ?? []).map((o) => ({ value: String(o.id), label: o.label })))
                  .map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : c.type === 'points' ? (
              <textarea value={values[c.key] ?? ''} onChange={(e) => setValues({ ...values, [c.key]: e.target.value })} data-testid={`add-${c.key}`} rows={3} />
            ) : (
              <input value={values[c.key] ?? ''} onChange={(e) => setValues({ ...values, [c.key]: e.target.value })} data-testid={`add-${c.key}`} />
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
