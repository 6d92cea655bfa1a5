// Import an office's spreadsheet: preview what will be added or updated and every located error;
// nothing is written while errors remain, unless the rows with errors are skipped.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { FileDrop } from './FileDrop.tsx';

interface Result {
  file: string; sheet: string; kind: string; headerRow: number; written: boolean; skippedRows: number[];
  changes: { table: string; action: 'add' | 'update'; label: string; row: number }[];
  errors: { row: number; column: string; value: string; message: string }[];
}

export function ImportPanel({ onDone, onClose }: { onDone: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [skip, setSkip] = useState(false);
  const [table, setTable] = useState('');
  const [mapText, setMapText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [uploaded, setUploaded] = useState('');
  const run = async (dryRun: boolean, which = file) => {
    setError('');
    try {
      const mapping = Object.fromEntries(mapText.split(/[,，;；]/).map((x) => x.trim()).filter(Boolean).map((x) => x.split(/\s*[=＝]\s*/) as [string, string]));
      const r = await call<Result>('import.file', { file: which, dryRun, skipErrors: skip, ...(table ? { table } : {}), ...(mapText.trim() ? { mapping } : {}) });
      setResult(r);
      if (r.written) onDone();
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    }
  };
  const adds = result?.changes.filter((c) => c.action === 'add').length ?? 0;
  const updates = (result?.changes.length ?? 0) - adds;
  return (
    <div className="card import" data-testid="import-panel">
      <h3>{t('import.title')}</h3>
      <p className="muted small">{t('import.help')}</p>
      <FileDrop accept=".xlsx,.csv,.txt" testId="import" onError={setError} onFile={(f, name) => { setFile(f); setUploaded(name); setResult(null); void run(true, f); }} />
      {uploaded && <p className="small" data-testid="import-uploaded">{t('files.received', { name: uploaded })}</p>}
      <div className="row">
        <input value={file} onChange={(e) => { setFile(e.target.value); setResult(null); }} placeholder={t('import.path')} data-testid="import-path" />
        <button onClick={() => void run(true)} disabled={!file} data-testid="import-preview">{t('import.preview')}</button>
        <label><input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} /> {t('import.skip')}</label>
        <button className="primary" onClick={() => void run(false)} disabled={!file || (!!result?.errors.length && !skip)} data-testid="import-apply">{t('import.apply')}</button>
        <button onClick={onClose}>{t('grid.cancel')}</button>
      </div>
      <div className="row small">
        <label>{t('import.table')}
          <select value={table} onChange={(e) => { setTable(e.target.value); setResult(null); }} data-testid="import-table">
            <option value="">{t('import.auto')}</option>
            <option value="mines">{t('domain:table.mines')}</option>
            <option value="licences">{t('domain:table.licences')}</option>
            <option value="points">{t('domain:table.blocks')}</option>
          </select>
        </label>
        <input value={mapText} onChange={(e) => { setMapText(e.target.value); setResult(null); }} placeholder={t('import.mapping')} data-testid="import-mapping" />
      </div>
      {error && <div className="cell-error inline" role="alert">{error}</div>}
      {result && (
        <div data-testid="import-result">
          <p>{t('import.summary', { sheet: result.sheet, row: result.headerRow, kind: t(`domain:table.${result.kind === 'points' ? 'blocks' : result.kind}`), adds, updates, errors: result.errors.length })}
            {' '}<strong>{result.written ? t('import.written') : result.errors.length ? t('import.notWritten') : t('import.previewOnly')}</strong></p>
          {result.errors.length > 0 && <ul className="import-errors">{result.errors.map((e, i) => <li key={i} role="alert">{e.message}</li>)}</ul>}
        </div>
      )}
    </div>
  );
}
