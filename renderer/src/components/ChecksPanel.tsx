// The plan's findings beside the data, grouped by rule with their counts: click one to land on its
// row and column (or, for chapter text, on its chapter and line).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  table: string;
  rowId: number | null;
  label: string;
  message: { zh: string; en: string };
  column?: string;
  chapter?: { key: string; lang: 'zh' | 'en'; line: number | null };
}

const SHOWN = 50; // findings listed per rule before "show more"

export function ChecksPanel({ version, onPick }: { version: number; onPick: (f: Finding) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [more, setMore] = useState<Record<string, number>>({});
  const run = useCallback(async () => setFindings(await call<Finding[]>('checks.run')), []);
  // checks read the whole plan: they run once edits pause, after the grid has its rows
  useEffect(() => {
    const timer = setTimeout(() => void run(), version === 0 ? 150 : 700);
    return () => clearTimeout(timer);
  }, [run, version]);
  const groups = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of findings ?? []) {
      const list = m.get(f.rule);
      if (list) list.push(f);
      else m.set(f.rule, [f]);
    }
    // errors first, then by count
    return [...m.entries()].sort((a, b) => (a[1][0].severity === b[1][0].severity ? b[1].length - a[1].length : a[1][0].severity === 'error' ? -1 : 1));
  }, [findings]);
  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0;
  return (
    <aside className="checks" data-testid="checks-panel">
      <div className="checks-head">
        <strong>{t('checks.title')}</strong>
        <button className="link" onClick={() => void run()}>{t('checks.rerun')}</button>
      </div>
      {findings === null ? <p className="muted">{t('busy.working')}</p> : findings.length === 0 ? (
        <p className="ok" data-testid="checks-clean">{t('checks.clean')}</p>
      ) : (
        <>
          <p className="muted">{t('checks.summary', { errors: t('checks.errorCount', { count: errors }), warnings: t('checks.warningCount', { count: findings.length - errors }) })}</p>
          {groups.map(([rule, list]) => {
            const isOpen = open[rule] ?? (findings.length <= 100 || list.length <= 10);
            const limit = more[rule] ?? SHOWN;
            return (
              <section key={rule} className={`check-group ${list[0].severity}`} data-testid="check-group" data-rule={rule}>
                <button className="group-head" onClick={() => setOpen({ ...open, [rule]: !isOpen })} aria-expanded={isOpen}>
                  <span className="sev">{t(`checks.${list[0].severity}`)}</span>{' '}
                  {t(`checks.rules.${rule.replace('.', '_')}`, { defaultValue: t('checks.otherRule') })}
                  <span className="count" data-testid="check-count">{list.length}</span>
                </button>
                {isOpen && (
                  <ul>
                    {list.slice(0, limit).map((f, i) => (
                      <li key={i} className={f.severity} data-testid="finding">
                        <button className="finding" onClick={() => onPick(f)} data-chapter={f.chapter?.key}>
                          {f.message[lang]}
                          {f.chapter?.line ? <span className="muted small"> · {t('checks.line', { line: f.chapter.line })}</span> : null}
                        </button>
                      </li>
                    ))}
                    {list.length > limit && (
                      <li><button className="link" onClick={() => setMore({ ...more, [rule]: limit + SHOWN * 4 })}>{t('checks.more', { count: list.length - limit })}</button></li>
                    )}
                  </ul>
                )}
              </section>
            );
          })}
        </>
      )}
    </aside>
  );
}
