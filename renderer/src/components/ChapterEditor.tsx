// A chapter per language, written as it will print: a rich editor (TipTap) whose figures are chips with
// their current values, checked as they are typed, beside the live preview built from the same document
// model the exports use. The stored text stays Markdown + Liquid; template authors can switch to it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, ReactNodeViewRenderer, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { call } from '../api.ts';
import type { Lang, PlanDocument } from '../types.ts';
import { Preview } from './Preview.tsx';
import { LangOptions } from './LangOptions.tsx';
import { chapterExtensions } from '../editor/schema.ts';
import { blockAtLine, parseInline, parseSource, serializeDoc, type JsonNode } from '../editor/source-doc.ts';
import { blockTarget, matchPreviewBlock, type BlockTarget } from '../editor/preview-match.ts';
import { FigureChip, TableRefBlock, TagChip } from '../editor/chips.tsx';
import { HeadingNumbers, headingNumbersKey } from '../editor/heading-numbers.ts';
import { FoundBlock, foundBlockKey } from '../editor/found-block.ts';
import { currentConditions, markPending, setChecks, subscribe as subscribeChecks, type ChapterCheck } from '../editor/checks-store.ts';
import { conditionalText } from '../editor/conditions.ts';
import { FactPicker } from '../editor/FactPicker.tsx';

interface Chapter { key: string; title: string; body: string; sort: number }
type Mode = 'rich' | 'source';

/** A chapter to open (from a finding, an undo or a redo), and the line to go to; `seq` repeats a visit. */
export interface ChapterPlace { key: string; lang: Lang; line?: number | null; seq: number }
// the place last gone to: opening the editor again shows that chapter without jumping again
let visited = 0;

const MODE_KEY = 'gmp.chapterMode';
const CHECK_DELAY = 250;
const SAVE_DELAY = 600;

/** The numbers the document model gives the headings of one chapter (levels 2 and below). */
function headingNumbers(doc: PlanDocument | null, chapterIndex: number): string[] {
  if (!doc) return [];
  const starts = doc.body.map((b, i) => (b.kind === 'heading' && b.level === 1 ? i : -1)).filter((i) => i >= 0);
  const blocks = doc.body.slice(starts[chapterIndex] ?? 0, starts[chapterIndex + 1] ?? doc.body.length);
  return blocks.flatMap((b) => (b.kind === 'heading' && b.level > 1 ? [b.number ? (doc.lang === 'zh' && !/[、）.]$/.test(b.number) ? `${b.number}　` : doc.lang === 'zh' ? b.number : `${b.number} `) : ''] : []));
}

/** Puts a source in the editor as its whole document (the text after the last block included). */
function show(editor: Editor, src: string) {
  const json = parseSource(src);
  editor.chain().setMeta('addToHistory', false).setContent(json as object, { emitUpdate: false })
    .command(({ tr }) => { tr.setDocAttribute('trail', json.attrs?.trail ?? ''); return true; }).run();
}

function Toolbar({ editor, onInsert }: { editor: Editor; onInsert: () => void }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      level: ([1, 2, 3, 4, 5, 6].find((l) => e.isActive('heading', { level: l })) ?? 0),
    }),
  });
  const setLevel = (l: number) => {
    if (!l) editor.chain().focus().setParagraph().run();
    else editor.chain().focus().setHeading({ level: l as 1 | 2 | 3 | 4 | 5 | 6 }).run();
  };
  return (
    <div className="rich-toolbar" role="toolbar">
      <select value={state.level} onChange={(e) => setLevel(Number(e.target.value))} data-testid="block-style" aria-label={t('chapters.style.label')}>
        <option value={0}>{t('chapters.style.p')}</option>
        {[2, 3, 4, 5, 6].map((l) => <option key={l} value={l}>{t(`chapters.style.h${l}`)}</option>)}
        {state.level === 1 && <option value={1}>{t('chapters.style.h2')}</option>}
      </select>
      <button className={state.bold ? 'on' : ''} onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().toggleBold().run()} title={t('chapters.bold')}><b>B</b></button>
      <button className={state.italic ? 'on' : ''} onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().toggleItalic().run()} title={t('chapters.italic')}><i>I</i></button>
      <button className={state.bullet ? 'on' : ''} onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().toggleBulletList().run()} title={t('chapters.list')}>•</button>
      <button className="primary" onMouseDown={(e) => e.preventDefault()} onClick={onInsert} data-testid="insert-figure">{t('chapters.insertFigure')}</button>
    </div>
  );
}

interface Props {
  onChanged: () => void;
  setStatus: (s: string) => void;
  place?: ChapterPlace | null;
  /** the studio's undo and redo (chapter edits are steps in its one history) */
  onUndoRedo?: (which: 'undo' | 'redo') => void;
}

export function ChapterEditor({ onChanged, setStatus, place, onUndoRedo }: Props) {
  const { t, i18n } = useTranslation();
  const ui: Lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const [lang, setLang] = useState<Lang>(place?.lang ?? 'zh');
  const [chapters, setChapters] = useState<Chapter[]>([]);
  const [index, setIndex] = useState(0);
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem(MODE_KEY) === 'source' ? 'source' : 'rich'));
  const [doc, setDoc] = useState<PlanDocument | null>(null);
  const [previewError, setPreviewError] = useState('');
  const [check, setCheck] = useState<ChapterCheck | null>(null);
  const [picker, setPicker] = useState(false);
  const [pendingLine, setPendingLine] = useState<{ line: number; seq: number } | null>(null);
  // the line gone to, shown in the preview too: the source block holding it and where it stands
  const [previewAt, setPreviewAt] = useState<{ target: BlockTarget; block: number; blocks: number; seq: number } | null>(null);
  const previewPane = useRef<HTMLDivElement>(null);
  const previewScrolled = useRef(0);
  // what the timers need, always current
  const cur = useRef({ key: '', lang: 'zh' as Lang, title: '', saved: '', source: '' });
  const checkTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);

  const refreshPreview = useCallback(async (l: Lang) => {
    try {
      setDoc(await call<PlanDocument>('preview.document', { lang: l }));
      setPreviewError('');
    } catch (e) {
      setPreviewError((e as Error).message);
    }
  }, []);

  const runCheck = useCallback(async (): Promise<ChapterCheck | null> => {
    const c = cur.current;
    try {
      const r = await call<ChapterCheck>('chapters.check', { lang: c.lang, body: c.source, title: c.title });
      if (c !== cur.current || r === null) return null;
      setCheck(r);
      setChecks(r);
      return r;
    } catch {
      return null;
    }
  }, []);

  const save = useCallback(async () => {
    const c = cur.current;
    if (!c.key) return;
    // the check comes first: a broken binding is flagged at its chip before anything is stored
    const r = await runCheck();
    if (c.source === c.saved) return;
    const body = c.source;
    await call('chapters.update', { key: c.key, lang: c.lang, body });
    c.saved = body;
    setChapters((cs) => cs.map((x) => (x.key === c.key ? { ...x, body } : x)));
    const errors = r?.errors.length ?? 0;
    setStatus(errors ? t('chapters.savedWithErrors', { count: errors }) : t('edit.saved'));
    onChanged();
    await refreshPreview(c.lang);
  }, [runCheck, onChanged, refreshPreview, setStatus, t]);

  /** Every change of the text, from either view. */
  const changed = useCallback((src: string) => {
    cur.current.source = src;
    setPreviewAt(null); // as in the editor, the mark goes with the next change
    setSource(src);
    markPending();
    setStatus(t('edit.saving'));
    if (checkTimer.current) clearTimeout(checkTimer.current);
    if (saveTimer.current) clearTimeout(saveTimer.current);
    checkTimer.current = setTimeout(() => void runCheck(), CHECK_DELAY);
    saveTimer.current = setTimeout(() => void save(), SAVE_DELAY);
  }, [runCheck, save, setStatus, t]);
  const changedRef = useRef(changed);
  changedRef.current = changed;

  const views = useMemo(() => ({
    figure: ReactNodeViewRenderer(FigureChip, { as: 'span', className: 'chip-host' }),
    liquidTag: ReactNodeViewRenderer(TagChip, {
      as: 'span', className: 'chip-host',
      // drawn again when its decorations change too (a branch folded, shown or now the printed one)
      update: ({ oldNode, newNode, oldDecorations, newDecorations, updateProps }) => {
        if (newNode.type !== oldNode.type) return false;
        const key = (ds: readonly unknown[]) => JSON.stringify(ds.map((d) => (d as { spec?: unknown }).spec ?? null));
        if (newNode !== oldNode || key(oldDecorations) !== key(newDecorations)) updateProps();
        return true;
      },
    }),
    tableRef: ReactNodeViewRenderer(TableRefBlock),
  }), []);

  const editor = useEditor({
    extensions: [...chapterExtensions(views), HeadingNumbers, FoundBlock, conditionalText(currentConditions, subscribeChecks)],
    injectCSS: false,
    content: parseSource('') as object,
    editorProps: { attributes: { class: 'rich-doc', 'data-testid': 'chapter-rich', spellcheck: 'false' } },
    onUpdate: ({ editor: e }) => {
      const src = serializeDoc(e.getJSON() as JsonNode);
      if (src !== cur.current.source) changedRef.current(src);
    },
  }, []);

  /** Shows a chapter's stored text in the editor (not an edit: no save, no undo step). */
  const load = useCallback((c: Chapter | undefined, l: Lang) => {
    if (saveTimer.current) { clearTimeout(saveTimer.current); void save(); }
    if (checkTimer.current) clearTimeout(checkTimer.current);
    cur.current = { key: c?.key ?? '', lang: l, title: c?.title ?? '', saved: c?.body ?? '', source: c?.body ?? '' };
    setTitle(c?.title ?? '');
    setSource(c?.body ?? '');
    setCheck(null);
    setPreviewAt(null);
    setChecks({ outputs: [], errors: [] }, true);
    if (editor) show(editor, c?.body ?? '');
    void runCheck();
  }, [editor, runCheck, save]);

  useEffect(() => {
    void call<Chapter[]>('chapters.list', { lang }).then((list) => {
      setChapters(list);
      const asked = place && place.lang === lang ? list.findIndex((c) => c.key === place.key) : -1;
      const i = asked >= 0 ? asked : Math.min(index, list.length - 1);
      if (i !== index) setIndex(i);
      load(list[i], lang);
      if (asked >= 0 && place && place.seq !== visited) {
        visited = place.seq;
        if (place.line) setPendingLine({ line: place.line, seq: place.seq });
      }
    });
    void refreshPreview(lang);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang, editor]);

  // heading numbers from the document model
  useEffect(() => {
    if (!editor) return;
    (editor.storage as unknown as { headingNumbers: { numbers: string[] } }).headingNumbers.numbers = headingNumbers(doc, index);
    editor.view.dispatch(editor.state.tr.setMeta(headingNumbersKey, true).setMeta('addToHistory', false));
  }, [editor, doc, index]);

  useEffect(() => () => { if (saveTimer.current) { clearTimeout(saveTimer.current); void save(); } }, [save]);

  const choose = (i: number) => {
    setIndex(i);
    load(chapters[i], lang);
  };

  const switchMode = (m: Mode) => {
    if (m === mode) return;
    localStorage.setItem(MODE_KEY, m);
    if (m === 'rich' && editor) show(editor, cur.current.source);
    setMode(m);
  };

  const insert = (src: string) => {
    if (!editor) return;
    const nodes = parseInline(src, false);
    editor.chain().focus().insertContent(nodes as object[]).run();
    setPicker(false);
  };

  const saveTitle = (v: string) => {
    setTitle(v);
    cur.current.title = v;
    const { key, lang: l } = cur.current;
    void call('chapters.update', { key, lang: l, title: v }).then(() => {
      setChapters((cs) => cs.map((x) => (x.key === key ? { ...x, title: v } : x)));
      onChanged();
      void refreshPreview(l);
    });
  };

  /** Takes the writer to a line: the first chip in error there, or the line in the source view; the preview shows it too. */
  const goTo = (line: number) => {
    const parsed = parseSource(cur.current.source);
    const at = blockAtLine(parsed, line);
    setPreviewAt({ target: blockTarget(parsed.content?.[at]), block: at, blocks: parsed.content?.length ?? 1, seq: Date.now() });
    if (mode === 'source' && textarea.current) {
      const lines = source.split('\n');
      const start = lines.slice(0, line - 1).reduce((a, l) => a + l.length + 1, 0);
      textarea.current.focus();
      textarea.current.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
      return;
    }
    if (!editor) return;
    // the block holding the line: the cursor goes to its start, and it is marked until the next visit
    const i = blockAtLine(editor.getJSON() as JsonNode, line);
    let pos = 0;
    editor.state.doc.forEach((_n, offset, k) => { if (k === i) pos = offset; });
    editor.chain().focus().setTextSelection(pos + 1).setMeta(foundBlockKey, pos).run();
    const block = editor.view.nodeDOM(pos) as HTMLElement | null;
    (block?.querySelector<HTMLElement>('[data-state=error]') ?? block)?.scrollIntoView?.({ block: 'center' });
  };

  // a line asked for from outside, once the chapter is in the editor
  useEffect(() => {
    if (!pendingLine || !editor) return;
    const id = requestAnimationFrame(() => { goTo(pendingLine.line); setPendingLine(null); });
    return () => cancelAnimationFrame(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pendingLine, editor, mode]);

  // the preview's block for the line gone to: marked, and scrolled to once per visit (its text may
  // arrive after the editor's)
  useEffect(() => {
    const article = previewPane.current?.querySelector('[data-testid=preview]');
    if (!article) return;
    for (const e of article.querySelectorAll('[data-found]')) e.removeAttribute('data-found');
    if (!previewAt) return;
    const els = [...article.children] as HTMLElement[];
    const expected = Math.round((previewAt.block * (els.length - 1)) / Math.max(1, previewAt.blocks - 1));
    const el = els[matchPreviewBlock(previewAt.target, els.map((e) => ({ text: e.textContent ?? '', tableKey: e.dataset.tableKey })), expected)];
    if (!el) return;
    el.setAttribute('data-found', 'true');
    if (previewScrolled.current !== previewAt.seq) {
      previewScrolled.current = previewAt.seq;
      el.scrollIntoView({ block: 'center' });
    }
  }, [previewAt, doc, index]);

  /** Undo and redo from the keyboard: what is typed is saved first, then the studio's history steps back. */
  const undoKey = async (which: 'undo' | 'redo') => {
    if (saveTimer.current) {
      clearTimeout(saveTimer.current);
      saveTimer.current = null;
      await save();
    }
    onUndoRedo?.(which);
  };

  const lineCount = source.split('\n').length;
  const errors = check?.errors ?? [];

  return (
    <div className="chapter-editor">
      <div className="editor-pane" onKeyDown={(e) => {
        if (!(e.ctrlKey || e.metaKey) || !/^[zy]$/i.test(e.key)) return;
        e.stopPropagation();
        if ((e.target as HTMLElement).tagName === 'INPUT') return; // the title keeps its own undo
        e.preventDefault();
        void undoKey(e.key.toLowerCase() === 'y' || e.shiftKey ? 'redo' : 'undo');
      }}>
        <div className="editor-bar">
          <label>{t('chapters.language')}
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="chapter-lang">
              <LangOptions />
            </select>
          </label>
          <select value={index} onChange={(e) => choose(Number(e.target.value))} data-testid="chapter-select" data-plan-data>
            {chapters.map((c, i) => <option key={c.key} value={i}>{c.title}</option>)}
          </select>
          <div className="segmented" role="group" aria-label={t('chapters.view')}>
            <button className={mode === 'rich' ? 'on' : ''} onClick={() => switchMode('rich')} data-testid="chapter-mode-rich">{t('chapters.modeRich')}</button>
            <button className={mode === 'source' ? 'on' : ''} onClick={() => switchMode('source')} data-testid="chapter-mode-source">{t('chapters.modeSource')}</button>
          </div>
        </div>
        <label>{t('chapters.title')}<input value={title} onChange={(e) => saveTitle(e.target.value)} data-testid="chapter-title" data-plan-data /></label>
        {mode === 'rich' && editor && (
          <div className={`rich-pane lang-${lang}`}>
            <Toolbar editor={editor} onInsert={() => setPicker((p) => !p)} />
            {picker && <FactPicker lang={lang} onInsert={insert} onClose={() => setPicker(false)} />}
            <EditorContent editor={editor} className="rich-scroll" data-plan-data lang={lang === 'zh' ? 'zh-CN' : 'en'} />
          </div>
        )}
        {mode === 'source' && (
          <div className="source-pane">
            <div className="gutter" ref={gutter} aria-hidden>{Array.from({ length: lineCount }, (_, i) => <div key={i} className={errors.some((e) => e.line === i + 1) ? 'bad' : ''}>{i + 1}</div>)}</div>
            <textarea ref={textarea} value={source} spellCheck={false} aria-label={t('chapters.body')}
              onScroll={(e) => { if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop; }}
              onChange={(e) => changed(e.target.value)} data-testid="chapter-body" data-plan-data />
          </div>
        )}
        {errors.length > 0 && (
          <ul className="binding-errors" data-testid="binding-errors" role="alert">
            {errors.map((e, i) => <li key={i}><button className="link danger" onClick={() => goTo(e.line)}>{e.message[ui]}</button></li>)}
          </ul>
        )}
        <p className="muted small">{mode === 'rich' ? t('chapters.helpRich') : <>{t('chapters.help')} <code data-template-code>{'{{ f.mines.total }}'}</code></>}</p>
      </div>
      <div className="preview-pane" ref={previewPane}>
        <h3 className="muted">{t('chapters.preview')}</h3>
        {previewError && <div className="cell-error inline" role="alert" data-testid="preview-error">{previewError}</div>}
        {doc && <Preview doc={doc} chapterIndex={index} />}
      </div>
    </div>
  );
}
