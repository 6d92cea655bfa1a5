// A chapter's text (Markdown with data bindings) per language, beside a live preview rendered
// from the same document model the exports use. Text is saved as it is typed (debounced).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import type { Lang, PlanDocument } from '../types.ts';
import { Preview } from './Preview.tsx';

interface Chapter { key: string; title: string; body: string; sort: number }

export function ChapterEditor({ onChanged, setStatus }: { onChanged: () => void; setStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Lang>('zh');
  const [chapters, setChapters] = useState<Chapter[]>([]);
  const [index, setIndex] = useState(0);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [doc, setDoc] = useState<PlanDocument | null>(null);
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refreshPreview = useCallback(async (l: Lang) => {
    try {
      setDoc(await call<PlanDocument>('preview.document', { lang: l }));
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void call<Chapter[]>('chapters.list', { lang }).then((list) => {
      setChapters(list);
      const c = list[Math.min(index, list.length - 1)];
      setTitle(c?.title ?? '');
      setBody(c?.body ?? '');
    });
    void refreshPreview(lang);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);

  const choose = (i: number) => {
    setIndex(i);
    setTitle(chapters[i].title);
    setBody(chapters[i].body);
  };

  const save = (patch: { title?: string; body?: string }) => {
    if (timer.current) clearTimeout(timer.current);
    setStatus(t('edit.saving'));
    timer.current = setTimeout(async () => {
      const key = chapters[index]?.key;
      if (!key) return;
      await call('chapters.update', { key, lang, ...patch });
      setChapters((cs) => cs.map((c, i) => (i === index ? { ...c, ...patch } : c)));
      setStatus(t('edit.saved'));
      onChanged();
      await refreshPreview(lang);
    }, 500);
  };

  return (
    <div className="chapter-editor">
      <div className="editor-pane">
        <div className="editor-bar">
          <label>{t('chapters.language')}
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="chapter-lang">
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <select value={index} onChange={(e) => choose(Number(e.target.value))} data-testid="chapter-select">
            {chapters.map((c, i) => <option key={c.key} value={i}>{c.title}</option>)}
          </select>
        </div>
        <label>{t('chapters.title')}<input value={title} onChange={(e) => { setTitle(e.target.value); save({ title: e.target.value }); }} data-testid="chapter-title" /></label>
        <label className="grow">{t('chapters.body')}
          <textarea value={body} spellCheck={false} onChange={(e) => { setBody(e.target.value); save({ body: e.target.value }); }} data-testid="chapter-body" />
        </label>
        <p className="muted small">{t('chapters.help')}</p>
      </div>
      <div className="preview-pane">
        <h3 className="muted">{t('chapters.preview')}</h3>
        {error && <div className="cell-error inline" role="alert" data-testid="preview-error">{error}</div>}
        {doc && <Preview doc={doc} chapterIndex={index} />}
      </div>
    </div>
  );
}
