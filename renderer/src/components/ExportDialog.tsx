import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { chooseNative, downloadFile, isDesktop } from '../files.ts';
import type { Lang } from '../types.ts';
import { LangOptions } from './LangOptions.tsx';

interface Job { stage: string; fraction: number; done: boolean; files: string[]; error?: { code: string; message: { zh: string; en: string } } }

export function ExportDialog() {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Lang>('zh');
  const [docx, setDocx] = useState(true);
  const [pdf, setPdf] = useState(true);
  const [folder, setFolder] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState('');
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  // the desktop app asks where (a native dialog); the browser writes to the workspace and downloads
  useEffect(() => () => { if (poll.current) clearInterval(poll.current); }, []);

  const start = async () => {
    setError('');
    const formats = [...(docx ? ['docx'] : []), ...(pdf ? ['pdf'] : [])];
    try {
      const { jobId } = await call<{ jobId: string }>('export.start', { lang, formats, ...(folder ? { outDir: folder } : {}) });
      setJob({ stage: 'queued', fraction: 0, done: false, files: [] });
      poll.current = setInterval(async () => {
        const j = await call<Job>('export.status', { jobId });
        setJob(j);
        if (j.done && poll.current) clearInterval(poll.current);
      }, 150);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const running = job && !job.done;
  return (
    <div className="export card" data-testid="export-dialog">
      <h2>{t('export.title')}</h2>
      <label>{t('export.language')}
        <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="export-lang">
          <LangOptions />
        </select>
      </label>
      <fieldset>
        <legend>{t('export.formats')}</legend>
        <label><input type="checkbox" checked={docx} onChange={(e) => setDocx(e.target.checked)} data-testid="export-docx" /> {t('export.word')}</label>
        <label><input type="checkbox" checked={pdf} onChange={(e) => setPdf(e.target.checked)} data-testid="export-pdf" /> {t('export.pdf')}</label>
      </fieldset>
      {isDesktop() && (
        <p>{t('export.folder')}: <span className="path" data-plan-data>{folder || t('export.defaultFolder')}</span>{' '}
          <button onClick={() => void chooseNative('exportFolder').then((f) => { if (f) setFolder(f); }).catch((e: Error) => setError(e.message))} data-testid="export-choose-folder">{t('export.chooseFolder')}</button></p>
      )}
      <button className="primary" disabled={!!running || (!docx && !pdf)} onClick={() => void start()} data-testid="export-start">{running ? t('export.running') : t('export.start')}</button>
      {job && <progress max={1} value={job.fraction} data-testid="export-progress" />}
      {job?.done && !job.error && (
        <div data-testid="export-done">
          <p>{t('export.done')}</p>
          <ul>{job.files.map((f) => (
            <li key={f}><span className="path" data-testid="export-file" data-plan-data>{f}</span>{' '}
              <button className="link" onClick={() => downloadFile(f).catch((e: Error) => setError(e.message))} data-testid="export-download">{t('files.download')}</button></li>
          ))}</ul>
          {window.gmp && <button onClick={() => void window.gmp!.invoke('shell.openFolder', { path: job.files[0] }, i18n.language)}>{t('export.openFolder')}</button>}
        </div>
      )}
      {(error || job?.error) && <div className="cell-error inline" role="alert">{t('export.failed')}: {error || job?.error?.message[i18n.language === 'en' ? 'en' : 'zh']}</div>}
    </div>
  );
}
