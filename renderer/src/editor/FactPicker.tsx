// Insert a figure: every fact the plan offers, grouped and searchable, with its current value — the same
// list documents the template language (and downloads as a Markdown page for template authors).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import type { Lang } from '../types.ts';
import type { Both } from './checks-store.ts';

export interface FactEntry {
  path: string;
  group: string;
  groupLabel: Both;
  kind: 'value' | 'list' | 'text';
  label: Both;
  description: Both;
  insert: Both;
  value: Both;
}

export function FactPicker({ lang, onInsert, onClose }: { lang: Lang; onInsert: (src: string) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ui: Lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const [entries, setEntries] = useState<FactEntry[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    call<{ entries: FactEntry[] }>('facts.catalog').then((r) => setEntries(r.entries), (e: Error) => setError(e.message));
  }, []);

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hit = (e: FactEntry) => !q || [e.label.zh, e.label.en, e.path, e.value[lang]].some((s) => s.toLowerCase().includes(q));
    const out: { key: string; label: string; items: FactEntry[] }[] = [];
    for (const e of entries.filter(hit)) {
      let g = out.find((x) => x.key === e.group);
      if (!g) out.push((g = { key: e.group, label: e.groupLabel[ui], items: [] }));
      g.items.push(e);
    }
    return out;
  }, [entries, query, lang, ui]);

  const download = async () => {
    try {
      const md = await call<string>('facts.catalogMarkdown', { lang: ui });
      const url = URL.createObjectURL(new Blob([md], { type: 'text/markdown;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = ui === 'zh' ? '章节模板数据项.md' : 'template-figures.md';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="fact-picker" data-testid="fact-picker">
      <div className="fact-picker-bar">
        <input autoFocus placeholder={t('chapters.facts.search')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="fact-search"
          onKeyDown={(e) => { if (e.key === 'Escape') onClose(); if (e.key === 'Enter' && groups[0]?.items[0]) onInsert(groups[0].items[0].insert[lang]); }} />
        <button className="link" onClick={() => void download()} data-testid="fact-download" title={t('chapters.facts.downloadHelp')}>{t('chapters.facts.download')}</button>
        <button className="link" onClick={onClose} aria-label={t('chapters.facts.close')}>×</button>
      </div>
      {error && <div className="cell-error inline" role="alert">{error}</div>}
      <div className="fact-list">
        {groups.map((g) => (
          <section key={g.key}>
            <h4>{g.label}</h4>
            {g.items.map((e) => (
              <button key={e.path} className="fact" onClick={() => onInsert(e.insert[lang])} data-testid="fact-entry" data-path={e.path} title={e.description[ui]}>
                <span className="fact-label">{e.label[ui]}</span>
                <span className="fact-value" data-plan-data>{e.value[lang] || t('chapters.chip.missing')}</span>
                <code className="fact-code" data-template-code>{e.path}</code>
              </button>
            ))}
          </section>
        ))}
        {entries.length > 0 && groups.length === 0 && <p className="muted">{t('chapters.facts.none')}</p>}
      </div>
    </div>
  );
}
