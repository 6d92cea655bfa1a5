import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsForm } from './SettingsForm.tsx';
import { LocalMinerals } from './LocalMinerals.tsx';
import { ApiError, call } from '../api.ts';
import { chooseNative, downloadFile, isDesktop } from '../files.ts';
import type { Summary } from '../types.ts';

/** The plan file's own name, without its folder or extension. */
/** A file name without the characters Windows refuses; valid under the `v` flag browsers compile `pattern` with. */
const NAME_PATTERN = '[^\\\\\\/:*?"<>\\|]+';
const baseName = (file: string) => file.split(/[\\/]/).pop()!.replace(/\.gmplan$/i, '');

/**
 * Save as without typing a path: the desktop app asks with its native dialog; the browser saves a copy
 * under a new name in the workspace and downloads it, so the user's browser puts it where they choose.
 */
function SaveAs({ summary, onSaved }: { summary: Summary; onSaved: (s: Summary) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const guard = (fn: () => Promise<void>) => { setError(''); setDone(''); fn().catch((e: Error) => setError(e.message)); };
  const saveCopy = () => guard(async () => {
    const clean = name.trim().replace(/\.gmplan$/i, '');
    let s: Summary;
    try {
      s = await call<Summary>('plan.saveAs', { file: `${clean}.gmplan` });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'project.exists') || !window.confirm(t('overview.replace', { name: `${clean}.gmplan` }))) throw e;
      s = await call<Summary>('plan.saveAs', { file: `${clean}.gmplan`, overwrite: true });
    }
    onSaved(s);
    setName('');
    setDone(t('overview.savedAs', { name: baseName(s.file) }));
    await downloadFile(s.file);
  });
  if (isDesktop()) {
    return (
      <p className="row">
        <button onClick={() => guard(async () => {
          const f = await chooseNative('savePlan', `${baseName(summary.file)}.gmplan`);
          if (f) onSaved(await call<Summary>('plan.saveAs', { file: f, overwrite: true })); // the dialog has asked before replacing
        })} data-testid="save-as-dialog">{t('overview.saveAsDesktop')}</button>
        {error && <span className="cell-error inline" role="alert">{error}</span>}
      </p>
    );
  }
  return (
    <form className="row save-as" data-testid="save-as" onSubmit={(e) => { e.preventDefault(); saveCopy(); }}>
      <button type="button" onClick={() => guard(() => downloadFile(summary.file))} data-testid="plan-download">{t('overview.download')}</button>
      <label>{t('overview.saveAs')} <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('overview.saveAsName')} required
        pattern={NAME_PATTERN} data-testid="save-as-name" /></label>
      <button type="submit" className="primary" disabled={!name.trim()} data-testid="save-as-submit">{t('overview.saveAsButton')}</button>
      {done && <span className="muted" data-testid="save-as-done">{done}</span>}
      {error && <span className="cell-error inline" role="alert">{error}</span>}
    </form>
  );
}

export function Overview({ summary, onChanged, focusField, onSaved }: { summary: Summary; onChanged: () => void; focusField?: string | null; onSaved: (s: Summary) => void }) {
  const { t } = useTranslation();
  // a share of no mines is not computable: the count alone
  const share = (s: { count: number; percent: string | null }) => (s.percent === null ? String(s.count) : t('overview.countShare', s));
  return (
    <div className="overview">
      <dl className="figures">
        <div><dt>{t('overview.mines')}</dt><dd data-testid="fig-mines">{summary.facts.mines}</dd></div>
        <div><dt>{t('overview.coal')}</dt><dd>{share(summary.facts.coal)}</dd></div>
        <div><dt>{t('overview.producing')}</dt><dd>{share(summary.facts.producing)}</dd></div>
        <div><dt>{t('overview.green')}</dt><dd>{summary.facts.green}</dd></div>
      </dl>
      <p className="muted">{t('overview.file')}: <span className="path" data-plan-data data-testid="plan-file">{summary.file}</span></p>
      <SaveAs summary={summary} onSaved={onSaved} />
      <h2>{t('overview.edit')}</h2>
      <SettingsForm onChanged={onChanged} focusField={focusField} />
      <LocalMinerals onChanged={onChanged} focusField={focusField} />
    </div>
  );
}
