import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { FileDrop } from './FileDrop.tsx';
import { AdoptPanel } from './AdoptPanel.tsx';
import { chooseNative, isDesktop } from '../files.ts';
import type { Summary } from '../types.ts';

interface Template { id: string; name: { zh: string; en: string }; description: { zh: string; en: string }; chapters: number; appendices: number }

export function StartScreen({ onOpened, onError }: { onOpened: (s: Summary) => void; onError: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [templates, setTemplates] = useState<Template[]>([]);
  const [recent, setRecent] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('district');

  useEffect(() => {
    void call<Template[]>('plan.templates').then(setTemplates);
    void call<string[]>('plan.recent').then(setRecent);
  }, []);

  const run = async (method: string, args: Record<string, unknown>) => {
    try {
      onOpened(await call<Summary>(method, args));
    } catch (e) {
      onError((e as Error).message);
    }
  };

  return (
    <div className="start" data-testid="start-screen">
      <section className="card">
        <h2>{t('start.newPlan')}</h2>
        <div className="templates">
          {templates.map((tp) => (
            <label key={tp.id} className={`template ${template === tp.id ? 'chosen' : ''}`}>
              <input type="radio" name="template" value={tp.id} checked={template === tp.id} onChange={() => setTemplate(tp.id)} data-testid={`template-${tp.id}`} />
              <strong>{tp.name[lang]}</strong>
              <span>{tp.description[lang]}</span>
            </label>
          ))}
        </div>
        <form onSubmit={(e) => { e.preventDefault(); void run('plan.create', { templateId: template, name }); }}>
          <label>{t('start.name')} <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('start.namePlaceholder')} data-testid="new-name" required /></label>
          <button type="submit" className="primary" data-testid="create">{t('start.create')}</button>
        </form>
      </section>
      <section className="card">
        <h2>{t('start.open')}</h2>
        <button onClick={() => void run('plan.openSample', {})} data-testid="open-sample">{t('start.openSample')}</button>
        <FileDrop accept=".gmplan" testId="open" onError={onError} onFile={(f) => void run('plan.open', { file: f })} />
        {isDesktop() && (
          <button onClick={() => void chooseNative('openPlan').then((f) => { if (f) void run('plan.open', { file: f }); }).catch((e: Error) => onError(e.message))} data-testid="open-dialog">{t('start.openButton')}</button>
        )}
        <h3>{t('start.recent')}</h3>
        {recent.length === 0 ? <p className="muted">{t('start.noRecent')}</p> : (
          <ul className="recent">
            {recent.map((f) => <li key={f}><button className="link" onClick={() => void run('plan.open', { file: f })} data-plan-data>{f}</button></li>)}
          </ul>
        )}
      </section>
      <AdoptPanel onOpened={onOpened} onError={onError} />
    </div>
  );
}
