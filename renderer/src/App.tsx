import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, setApiLang, ApiError } from './api.ts';
import type { Lang, Summary } from './types.ts';
import { StartScreen } from './components/StartScreen.tsx';
import { Overview } from './components/Overview.tsx';
import { DataView } from './components/DataView.tsx';
import { ChapterEditor } from './components/ChapterEditor.tsx';
import { ExportDialog } from './components/ExportDialog.tsx';
import { RevisionsPanel } from './components/RevisionsPanel.tsx';

type View = 'overview' | 'data' | 'chapters' | 'revisions' | 'export';

export function App() {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Lang>('zh');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [view, setView] = useState<View>('overview');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0); // bumps after undo/redo so views reload

  const switchLang = (l: Lang) => {
    setLang(l);
    setApiLang(l);
    void i18n.changeLanguage(l === 'zh' ? 'zh-CN' : 'en');
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  };

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

  const undoRedo = useCallback(async (which: 'undo' | 'redo') => {
    try {
      const r = await call<{ edit: unknown }>(which === 'undo' ? 'edit.undo' : 'edit.redo');
      if (r.edit) setStatus(t(which === 'undo' ? 'edit.undone' : 'edit.redone'));
      setVersion((v) => v + 1);
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }, [refresh, t]);

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
    setSummary(s);
    setView('overview');
    setError('');
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        {summary && <span className="plan-title" data-testid="plan-title">{String(summary.plan.title_zh)}</span>}
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
            <option value="zh">{t('lang.zh')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </label>
      </header>
      {error && <div className="banner error" role="alert" onClick={() => setError('')}>{error}</div>}
      {!summary ? (
        <StartScreen onOpened={opened} onError={setError} />
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
            {view === 'overview' && <Overview key={version} summary={summary} onChanged={refresh} />}
            {view === 'data' && <DataView key={version} lang={lang} onChanged={refresh} setStatus={setStatus} />}
            {view === 'chapters' && <ChapterEditor key={version} onChanged={refresh} setStatus={setStatus} />}
            {view === 'revisions' && <RevisionsPanel key={version} onChanged={() => { setVersion((v) => v + 1); void refresh(); }} />}
            {view === 'export' && <ExportDialog />}
          </main>
        </div>
      )}
    </div>
  );
}
