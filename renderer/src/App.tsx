import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, setApiLang, ApiError } from './api.ts';
import type { ChangedRows, Lang, RowsPatch, Summary } from './types.ts';
import { StartScreen } from './components/StartScreen.tsx';
import { Overview } from './components/Overview.tsx';
import { DataView, type DataPlace } from './components/DataView.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { BusyIndicator } from './components/BusyIndicator.tsx';
import { ChapterEditor, type ChapterPlace } from './components/ChapterEditor.tsx';
import { ExportDialog } from './components/ExportDialog.tsx';
import { RevisionsPanel } from './components/RevisionsPanel.tsx';
import { LangOptions } from './components/LangOptions.tsx';

type View = 'overview' | 'data' | 'chapters' | 'revisions' | 'export';

interface Place { view: 'data' | 'chapters' | 'overview'; table?: string; rowId?: number; column?: string; key?: string; lang?: Lang; field?: string; line?: number }

const LANG_KEY = 'gmp.uiLang';
function rememberedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Lang>(rememberedLang);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [view, setView] = useState<View>('overview');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0); // bumps after undo/redo so views reload
  const [dataPlace, setDataPlace] = useState<DataPlace | null>(null);
  const [rowsPatch, setRowsPatch] = useState<RowsPatch | null>(null); // rows an undo/redo changed, patched in place
  const [fieldPlace, setFieldPlace] = useState<string | null>(null);
  const [chapterPlace, setChapterPlace] = useState<ChapterPlace | null>(null);

  const switchLang = (l: Lang) => {
    setLang(l);
    setStatus(''); // a status said in the other language would stay behind in it
    setApiLang(l);
    void i18n.changeLanguage(l === 'zh' ? 'zh-CN' : 'en');
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    try { localStorage.setItem(LANG_KEY, l); } catch { /* a private window keeps it for this visit */ }
  };

  // the language chosen last time
  useEffect(() => {
    if (lang !== 'zh') switchLang(lang);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const refresh = useCallback(async () => {
    try {
      const info = await call<{ file: string | null }>('app.info');
      setSummary(info.file ? await call<Summary>('plan.get') : null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.network'));
    }
  }, [t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // After an edit the undo button is ready at once; the plan's summary (figures over every row,
  // heavy with 5,000 rows) is read again once the user pauses, so it never holds up the grid.
  const later = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSoon = useCallback(() => {
    if (later.current) clearTimeout(later.current);
    later.current = setTimeout(() => void refresh(), 1200);
  }, [refresh]);
  const changed = useCallback(() => {
    setSummary((s) => (s ? { ...s, canUndo: true, canRedo: false } : s));
    refreshSoon();
  }, [refreshSoon]);
  useEffect(() => { if (view === 'overview') void refresh(); }, [view, refresh]);

  const undoRedo = useCallback(async (which: 'undo' | 'redo') => {
    try {
      const r = await call<{ edit: { at: Place | null } | null; canUndo: boolean; canRedo: boolean; rows?: ChangedRows[] }>(which === 'undo' ? 'edit.undo' : 'edit.redo');
      if (r.edit) setStatus(t(which === 'undo' ? 'edit.undone' : 'edit.redone'));
      // back to the place of the change: its view, tab, row and column
      const at = r.edit?.at;
      if (at?.view === 'data' && at.table) {
        setView('data');
        setDataPlace({ table: at.table, rowId: at.rowId, column: at.column, seq: Date.now() });
      } else if (at?.view === 'chapters') {
        if (at.key && at.lang) setChapterPlace({ key: at.key, lang: at.lang, line: at.line, seq: Date.now() });
        setView('chapters');
      }
      else if (at?.view === 'overview') {
        await refresh(); // the field shows the restored value when it gets the focus
        setView('overview');
        setFieldPlace(at.field ?? null);
      }
      setSummary((s) => (s ? { ...s, canUndo: r.canUndo, canRedo: r.canRedo } : s));
      // rows changed in the data view are patched where they are (reading 5,000 rows again is what
      // made an undo slow); other steps, and steps over too many rows, reload the views
      const changes = r.rows ?? [];
      if (at?.view === 'data' && changes.length && changes.every((c) => !c.reload)) setRowsPatch({ seq: Date.now(), changes });
      else setVersion((v) => v + 1);
      if (at?.view === 'overview') void refresh();
      else refreshSoon();
    } catch (e) {
      setError((e as Error).message);
    }
  }, [refresh, refreshSoon, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!summary || !(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement;
      if (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT') return; // native text undo there
      if (e.key.toLowerCase() === 'z' && !e.shiftKey) { e.preventDefault(); void undoRedo('undo'); }
      if (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey)) { e.preventDefault(); void undoRedo('redo'); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [summary, undoRedo]);

  // Electron's application menu (absent in the browser)
  useEffect(() => {
    window.gmp?.onMenu?.((action, payload) => {
      const run = async () => {
        if (action === 'open') await opened(await call<Summary>('plan.open', { file: String(payload) }));
        // the native save dialog has asked before replacing a file
        else if (action === 'saveAs') await opened(await call<Summary>('plan.saveAs', { file: String(payload), overwrite: true }));
        else if (action === 'new') { await call('plan.close'); setSummary(null); }
        else if (action === 'export') setView('export');
        else if (action === 'undo' || action === 'redo') await undoRedo(action);
        else if (action === 'lang') switchLang(payload === 'en' ? 'en' : 'zh');
      };
      run().catch((e: Error) => setError(e.message));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const opened = async (s: Summary) => {
    setDataPlace(null); // places of the plan left behind mean nothing in this one
    setFieldPlace(null);
    setChapterPlace(null);
    setSummary(s);
    setView('overview');
    setError('');
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        {summary && <span className="plan-title" data-testid="plan-title" data-plan-data>{String(summary.plan.title_zh)}</span>}
        <span className="spacer" />
        {summary && (
          <>
            <button onClick={() => void undoRedo('undo')} disabled={!summary.canUndo} data-testid="undo">{t('edit.undo')}</button>
            <button onClick={() => void undoRedo('redo')} disabled={!summary.canRedo} data-testid="redo">{t('edit.redo')}</button>
          </>
        )}
        <label className="lang-switch">
          {t('lang.switch')}
          <select value={lang} onChange={(e) => switchLang(e.target.value as Lang)} data-testid="ui-lang">
            <LangOptions />
          </select>
        </label>
      </header>
      <BusyIndicator />
      {error && <div className="banner error" role="alert" onClick={() => setError('')}>{error}</div>}
      {!summary ? (
        <ErrorBoundary name="start" resetKey={summary}>
          <StartScreen onOpened={opened} onError={setError} />
        </ErrorBoundary>
      ) : (
        <div className="workspace">
          <nav className="sidebar">
            {(['overview', 'data', 'chapters', 'revisions', 'export'] as View[]).map((v) => (
              <button key={v} className={view === v ? 'active' : ''} onClick={() => setView(v)} data-testid={`nav-${v}`}>{t(`nav.${v}`)}</button>
            ))}
            <span className="spacer" />
            <button onClick={async () => { await call('plan.close'); setSummary(null); }} data-testid="nav-close">{t('nav.close')}</button>
            <div className="status" data-testid="status">{status}</div>
          </nav>
          <main className="content">
            <ErrorBoundary name={view} resetKey={`${view}:${summary.file}`} onBack={view === 'overview' ? undefined : () => setView('overview')}>
              {view === 'overview' && <Overview key={`${version}:${JSON.stringify(summary.plan)}`} summary={summary} onChanged={refresh} focusField={fieldPlace} onSaved={(s) => setSummary(s)} />}
              {view === 'data' && <DataView lang={lang} file={summary.file} years={(summary.plan.indicator_years as number[] | null) ?? []} version={version} patch={rowsPatch} place={dataPlace} onChanged={changed} setStatus={setStatus}
                onOpenChapter={(c) => { setChapterPlace({ ...c, seq: Date.now() }); setView('chapters'); }} />}
              {view === 'chapters' && <ChapterEditor key={version} onChanged={changed} setStatus={setStatus} place={chapterPlace} onUndoRedo={(w) => void undoRedo(w)} />}
              {view === 'revisions' && <RevisionsPanel key={version} onChanged={() => { setVersion((v) => v + 1); void refresh(); }} />}
              {view === 'export' && <ExportDialog />}
            </ErrorBoundary>
          </main>
        </div>
      )}
    </div>
  );
}
