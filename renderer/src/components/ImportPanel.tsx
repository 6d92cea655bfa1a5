// Import an office's spreadsheet: preview what will be added or updated and every located error;
// nothing is written while errors remain, unless the rows with errors are skipped.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { FileDrop } from './FileDrop.tsx';
import { chooseNative, isDesktop } from '../files.ts';

interface Result {
  file: string; sheet: string; kind: string; headerRow: number; written: boolean; skippedRows: number[];
  changes: { table: string; action: 'add' | 'update'; label: string; row: number; text: string; inferred: Record<string, string> }[];
  errors: { row: number; column: string; value: string; message: string }[];
  notices: { message: string }[];
  unknownHeaders: string[];
  localMinerals: string[];
  summary: string;
}

interface ImportJob { stage: string; fraction: number; done: boolean; result?: Result; error?: { code: string; message: { zh: string; en: string } } }

const GROUPS = ['unknown', 'energy', 'metallic', 'nonmetallic', 'water_gas'];

/** `onDone`: the import was written; the panel's owner closes it and shows `summary` where the user is. */
export function ImportPanel({ onDone, onClose }: { onDone: (summary: string) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState('');
  const [skip, setSkip] = useState(false);
  const [table, setTable] = useState('');
  const [mapText, setMapText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [uploaded, setUploaded] = useState('');
  const [groups, setGroups] = useState<Record<string, string>>({});
  // the import runs as a job: its stage and fraction done are shown while it runs
  const [job, setJob] = useState<{ stage: string; fraction: number } | null>(null);
  const poll = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (poll.current) clearTimeout(poll.current); }, []);
  const run = async (dryRun: boolean, which = file) => {
    setError('');
    try {
      const mapping = Object.fromEntries(mapText.split(/[,，;；]/).map((x) => x.trim()).filter(Boolean).map((x) => x.split(/\s*[=＝]\s*/) as [string, string]));
      const { jobId } = await call<{ jobId: string }>('import.start', { file: which, dryRun, skipErrors: skip, ...(table ? { table } : {}), ...(mapText.trim() ? { mapping } : {}), ...(Object.keys(groups).length ? { mineralGroups: groups } : {}) });
      setJob({ stage: 'queued', fraction: 0 });
      const j = await new Promise<ImportJob>((resolve, reject) => {
        const next = () => {
          poll.current = setTimeout(() => {
            call<ImportJob>('import.status', { jobId }).then((s) => {
              if (s.done) resolve(s);
              else {
                setJob({ stage: s.stage, fraction: s.fraction });
                next();
              }
            }, reject);
          }, 150);
        };
        next();
      });
      setJob(null);
      if (j.error) throw new Error(j.error.message[i18n.language === 'en' ? 'en' : 'zh']);
      const r = j.result!;
      if (r.written) onDone(r.summary);
      else setResult(r);
    } catch (e) {
      setJob(null);
      setResult(null);
      setError((e as Error).message);
    }
  };
  return (
    <div className="card import" data-testid="import-panel">
      <h3>{t('import.title')}</h3>
      <p className="muted small">{t('import.help')}</p>
      <FileDrop accept=".xlsx,.csv,.txt" testId="import" onError={setError} onFile={(f, name) => { setFile(f); setUploaded(name); setResult(null); void run(true, f); }} />
      {uploaded && <p className="small" data-testid="import-uploaded">{t('files.received', { name: uploaded })}</p>}
      <div className="row">
        {isDesktop() && (
          <button onClick={() => void chooseNative('importFile').then((f) => { if (f) { setFile(f); setUploaded(f); setResult(null); void run(true, f); } }).catch((e: Error) => setError(e.message))} data-testid="import-dialog">{t('import.choose')}</button>
        )}
        <button onClick={() => void run(true)} disabled={!file || !!job} data-testid="import-preview">{t('import.preview')}</button>
        <label><input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} /> {t('import.skip')}</label>
        <button className="primary" onClick={() => void run(false)} disabled={!file || !!job || (!!result?.errors.length && !skip)} data-testid="import-apply">{t('import.apply')}</button>
        <button onClick={onClose} disabled={!!job}>{t('grid.cancel')}</button>
      </div>
      {job && (
        <div className="import-progress small" data-testid="import-progress">
          <progress max={1} value={job.fraction} aria-label={t('import.progress')} />{' '}
          <span>{t(`import.stage.${job.stage}`)} {Math.floor(job.fraction * 100)} %</span>
        </div>
      )}
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
          <p data-testid="import-summary" className="pre-line">{result.summary}</p>
          {result.localMinerals.length > 0 && !result.written && (
            <div className="row small" data-testid="import-local-minerals">
              {result.localMinerals.map((m) => (
                <label key={m}>{t('import.localMineral', { name: m })}
                  <select value={groups[m] ?? 'unknown'} onChange={(e) => setGroups({ ...groups, [m]: e.target.value })}>
                    {GROUPS.map((g) => <option key={g} value={g}>{t(`domain:mineralCatalogueGroup.${g}`)}</option>)}
                  </select>
                </label>
              ))}
            </div>
          )}
          {result.notices.length > 0 && <ul className="import-notices" data-testid="import-notices">{result.notices.map((n, i) => <li key={i}>{n.message}</li>)}</ul>}
          {result.changes.length > 0 && (
            <ul className="import-rows" data-testid="import-rows">
              {result.changes.map((c, i) => <li key={i} className={Object.keys(c.inferred).length ? 'inferred' : ''}>{c.text}</li>)}
            </ul>
          )}
          {result.errors.length > 0 && <ul className="import-errors">{result.errors.map((e, i) => <li key={i} role="alert">{e.message}</li>)}</ul>}
        </div>
      )}
    </div>
  );
}
