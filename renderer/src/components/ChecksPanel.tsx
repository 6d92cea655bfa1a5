// The plan's findings beside the data: click one to land on its row.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  table: string;
  rowId: number | null;
  label: string;
  message: { zh: string; en: string };
}

export function ChecksPanel({ version, onPick }: { version: number; onPick: (f: Finding) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const run = useCallback(async () => setFindings(await call<Finding[]>('checks.run')), []);
  useEffect(() => { void run(); }, [run, version]);
  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0;
  return (
    <aside className="checks" data-testid="checks-panel">
      <div className="checks-head">
        <strong>{t('checks.title')}</strong>
        <button className="link" onClick={() => void run()}>{t('checks.rerun')}</button>
      </div>
      {findings === null ? <p className="muted">…</p> : findings.length === 0 ? (
        <p className="ok" data-testid="checks-clean">{t('checks.clean')}</p>
      ) : (
        <>
          <p className="muted">{t('checks.summary', { errors, warnings: findings.length - errors })}</p>
          <ul>
            {findings.map((f, i) => (
              <li key={i} className={f.severity} data-testid="finding">
                <button className="finding" onClick={() => onPick(f)} title={f.rule}>
                  <span className="sev">{t(`checks.${f.severity}`)}</span> {f.message[lang]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
