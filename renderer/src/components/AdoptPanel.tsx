// Start from a previous plan: the user picks (uploads) the old plan as .docx, .pdf or .txt, the studio
// builds the new project aside while a progress bar runs, then shows what it found — chapters, tables
// turned into rows, figures bound, contradictions between text and tables, what it did not recognise —
// and only when the user chooses where to save it is the project kept and opened.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { FileDrop } from './FileDrop.tsx';
import { chooseNative, isDesktop } from '../files.ts';
import type { Summary } from '../types.ts';
import type { AdoptReport } from '../../../main/adopt/adopt.ts';

interface Status {
  id: string; stage: string; fraction: number; done: boolean;
  report?: AdoptReport; summary?: string[]; suggested?: string;
  error?: { code: string; message: { zh: string; en: string } };
}

export function AdoptPanel({ onOpened, onError }: { onOpened: (s: Summary) => void; onError: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [source, setSource] = useState<{ file: string; name: string } | null>(null);
  const [period, setPeriod] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState('');
  const [target, setTarget] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const poll = (jobId: string) => {
    timer.current = setTimeout(() => {
      call<Status>('adopt.status', { jobId }).then((s) => {
        setStatus(s);
        if (s.error) setError(s.error.message[lang]);
        else if (s.done) setTarget(s.suggested ?? '');
        else poll(jobId);
      }, (e: Error) => setError(e.message));
    }, 250);
  };

  const start = async (file: string) => {
    setError('');
    setStatus(null);
    try {
      const { jobId } = await call<{ jobId: string }>('adopt.start', { file, ...(period.trim() ? { period: period.trim() } : {}) });
      setStatus({ id: jobId, stage: 'queued', fraction: 0, done: false });
      poll(jobId);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const discard = async () => {
    if (status) await call('adopt.discard', { jobId: status.id }).catch(() => null);
    setStatus(null);
    setSource(null);
    setError('');
  };

  const commit = async () => {
    if (!status) return;
    setError('');
    try {
      // the desktop app asks where with the system's save dialog (which asks before replacing a file)
      if (isDesktop()) {
        const file = await chooseNative('savePlan', status.suggested);
        if (!file) return;
        onOpened(await call<Summary>('adopt.commit', { jobId: status.id, file, overwrite: true }));
        return;
      }
      onOpened(await call<Summary>('adopt.commit', { jobId: status.id, ...(target.trim() ? { file: /\.gmplan$/i.test(target.trim()) ? target.trim() : `${target.trim()}.gmplan` } : {}), overwrite }));
    } catch (e) {
      setError((e as Error).message);
      onError('');
    }
  };

  const r = status?.report;
  const running = !!status && !status.done;
  return (
    <section className="card adopt" data-testid="adopt-panel">
      <h2>{t('adopt.title')}</h2>
      <p className="muted small">{t('adopt.help')}</p>
      <div className="row small">
        <label>{t('adopt.period')} <input value={period} onChange={(e) => setPeriod(e.target.value)} placeholder="2026-2030" size={11} data-testid="adopt-period" /></label>
        <span className="muted">{t('adopt.periodHelp')}</span>
      </div>
      {!r && <FileDrop accept=".docx,.pdf,.txt" testId="adopt" onError={setError} onFile={(f, name) => { setSource({ file: f, name }); void start(f); }} />}
      {source && <p className="small" data-testid="adopt-source">{t('files.received', { name: source.name })}</p>}
      {running && (
        <div className="adopt-progress" data-testid="adopt-progress">
          <progress value={status.fraction} max={1} /> <span className="small">{t(`adopt.stage.${status.stage}`)}</span>
        </div>
      )}
      {error && (
        <div className="cell-error inline" role="alert" data-testid="adopt-error">
          {error}
          {source && status?.done && <button className="link" onClick={() => void start(source.file)} data-testid="adopt-retry">{t('adopt.retry')}</button>}
        </div>
      )}
      {r && (
        <div className="adopt-report" data-testid="adopt-report">
          <p data-testid="adopt-summary">{status.summary?.[0]}</p>
          <p className="small">
            {r.cover.title && <><strong>{r.cover.title}</strong> · </>}
            {t('adopt.periodRead', { base: r.period.base, near: r.period.near, far: r.period.far })}
          </p>
          <h3>{t('adopt.chapters', { count: r.chapters.length })}</h3>
          <table className="adopt-table" data-testid="adopt-chapters">
            <thead><tr><th>{t('adopt.chapter')}</th><th>{t('adopt.sections')}</th><th>{t('adopt.paragraphs')}</th><th>{t('adopt.bound')}</th><th>{t('adopt.literal')}</th><th>{t('adopt.contradicted')}</th></tr></thead>
            <tbody>
              {r.chapters.map((c) => (
                <tr key={c.key}><td>{c.title}</td><td className="num">{c.headings}</td><td className="num">{c.paragraphs}</td><td className="num">{c.bound}</td><td className="num">{c.literal}</td><td className={`num ${c.contradicted ? 'bad' : ''}`}>{c.contradicted}</td></tr>
              ))}
            </tbody>
          </table>
          <h3>{t('adopt.tables', { count: r.tables.length })}</h3>
          <table className="adopt-table" data-testid="adopt-tables">
            <thead><tr><th>{t('adopt.table')}</th><th>{t('adopt.result')}</th></tr></thead>
            <tbody>
              {r.tables.map((tb, i) => (
                <tr key={i} className={tb.key ? '' : 'unrecognised'}>
                  <td>{[tb.label, tb.title].filter(Boolean).join(' ') || t('adopt.untitled')}{tb.continuations > 0 && <span className="muted small"> {t('adopt.continued', { count: tb.continuations })}</span>}</td>
                  <td>
                    {tb.table
                      ? t('adopt.asRows', { count: tb.rows, table: t(`domain:table.${tb.table}`) })
                      : t('adopt.asText')}
                    {tb.errors.length > 0 && (
                      <ul className="import-errors">{tb.errors.slice(0, 5).map((e, k) => <li key={k}>{e.message}</li>)}{tb.errors.length > 5 && <li>{t('adopt.moreErrors', { count: tb.errors.length - 5 })}</li>}</ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('adopt.findings', { count: r.findings.length })}</h3>
          {r.findings.length === 0 ? <p className="muted small">{t('adopt.noFindings')}</p> : (
            <ul className="adopt-findings" data-testid="adopt-findings">
              {r.findings.map((f, i) => <li key={i} role="alert">{t('adopt.finding', { chapter: f.chapter, context: f.context, text: f.text, expected: f.expected, fact: f.factLabel })}</li>)}
            </ul>
          )}
          <h3>{t('adopt.notRecognised')}</h3>
          <ul className="small" data-testid="adopt-unrecognised">
            <li>{t('adopt.tablesAsText', { count: r.totals.tablesAsText })}</li>
            <li>{t('adopt.literalFigures', { count: r.totals.literal })}</li>
            {r.figuresList.length > 0 && <li>{t('adopt.figuresList', { count: r.figuresList.length })}</li>}
            {r.tocMismatches.map((m, i) => <li key={i}>{t('adopt.tocMismatch', { text: m })}</li>)}
            {r.notices.map((n, i) => <li key={`n${i}`} data-testid="adopt-notice">{n.message}</li>)}
          </ul>
          <details>
            <summary>{t('adopt.boundList', { count: r.totals.bound })}</summary>
            <ul className="small adopt-bound">
              {r.chapters.flatMap((c) => c.figures.filter((f) => f.status === 'bound').map((f, i) => <li key={`${c.key}-${i}`}><code>{f.text}</code> → <code>{f.expr}</code> <span className="muted">…{f.context}…</span></li>))}
            </ul>
          </details>
          <div className="row adopt-save">
            {!isDesktop() && <label>{t('adopt.saveAs')} <input value={target} onChange={(e) => setTarget(e.target.value)} data-testid="adopt-target" /></label>}
            {!isDesktop() && <label className="small"><input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> {t('adopt.overwrite')}</label>}
            <button className="primary" onClick={() => void commit()} disabled={!isDesktop() && !target.trim()} data-testid="adopt-commit">{t('adopt.commit')}</button>
            <button onClick={() => void discard()} data-testid="adopt-discard">{t('adopt.discard')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
