// Named revisions: save with a note, list, restore, compare any two (or one with the working copy),
// an inline redline beside the change list, and export of the redline Word file.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { downloadFile } from '../files.ts';
import type { Lang, PlanDocument } from '../types.ts';
import { Preview } from './Preview.tsx';
import { LangOptions } from './LangOptions.tsx';

interface Revision { id: number; name: string; note: string; created_at: string }
interface Part { value: string; added?: boolean; removed?: boolean }
interface Line { object: string; kind: string; before: string; after: string }
interface Compare {
  diff: { from: string; to: string; chapters: { chapter: string; lang: string; kind: string }[] };
  lines: { chapters: Line[]; rows: Line[]; derived: Line[] };
  redline: { id: string; context: string; kind: string; parts: Part[] }[];
}

export function RevisionsPanel({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const uiLang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [list, setList] = useState<Revision[]>([]);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [a, setA] = useState('');
  const [b, setB] = useState('current');
  const [lang, setLang] = useState<Lang>('zh');
  const [cmp, setCmp] = useState<Compare | null>(null);
  const [files, setFiles] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [viewing, setViewing] = useState<{ name: string; doc: PlanDocument } | null>(null);
  const load = async () => {
    const l = await call<Revision[]>('revisions.list');
    setList(l);
    if (!a && l.length) setA(String(l[l.length - 1].id));
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, []);
  const guard = async (fn: () => Promise<void>) => {
    setError('');
    try { await fn(); } catch (e) { setError((e as Error).message); }
  };
  // revision times are stored in UTC (ISO 8601): shown in the user's own time zone
  const when = (iso: string, seconds = false) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return d.toLocaleString(uiLang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hour12: false });
  };
  const ref = (v: string) => (v === 'current' ? 'current' : Number(v));
  const options = [...list.map((r) => ({ value: String(r.id), label: `${r.name}${uiLang === 'zh' ? '（' : ' ('}${when(r.created_at)}${uiLang === 'zh' ? '）' : ')'}` })), { value: 'current', label: t('revisions.current') }];
  return (
    <div className="revisions" data-testid="revisions">
      <section className="card">
        <h3>{t('revisions.save')}</h3>
        <form className="row" onSubmit={(e) => { e.preventDefault(); void guard(async () => { await call('revisions.save', { name, note }); setName(''); setNote(''); await load(); }); }}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('revisions.name')} data-testid="rev-name" required />
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('revisions.note')} data-testid="rev-note" />
          <button className="primary" type="submit" data-testid="rev-save">{t('revisions.saveButton')}</button>
        </form>
        <table className="rev-list">
          <tbody>
            {list.map((r) => (
              <tr key={r.id} data-testid="rev-row">
                <td>{r.name}</td><td className="muted" title={r.created_at} data-testid="rev-time">{when(r.created_at, true)}</td><td>{r.note}</td>
                <td><button className="link" onClick={() => void guard(async () => setViewing({ name: r.name, doc: await call<PlanDocument>('revisions.preview', { ref: r.id, lang: uiLang }) }))} data-testid="rev-view">{t('revisions.view')}</button></td>
                <td><button className="link" onClick={() => { if (window.confirm(t('revisions.confirmRestore'))) void guard(async () => { await call('revisions.restore', { ref: r.id }); await load(); onChanged(); }); }}>{t('revisions.restore')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h3>{t('revisions.compare')}</h3>
        <div className="row">
          <select value={a} onChange={(e) => setA(e.target.value)} data-testid="rev-a">{options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>
          →
          <select value={b} onChange={(e) => setB(e.target.value)} data-testid="rev-b">{options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="rev-lang"><LangOptions /></select>
          <button className="primary" disabled={!a} onClick={() => void guard(async () => { setFiles([]); setCmp(await call<Compare>('revisions.compare', { a: ref(a), b: ref(b), lang })); })} data-testid="rev-compare">{t('revisions.compareButton')}</button>
          <button disabled={!cmp || a === 'current'} onClick={() => void guard(async () => setFiles(await call<string[]>('revisions.exportRedline', { a: ref(a), b: ref(b) === 'current' ? 'current' : ref(b), lang })))} data-testid="rev-export">{t('revisions.export')}</button>
        </div>
        {error && <div className="cell-error inline" role="alert">{error}</div>}
        {files.length > 0 && <ul data-testid="rev-files">{files.map((f) => (
          <li key={f}><span className="path">{f}</span>{' '}
            <button className="link" onClick={() => void guard(() => downloadFile(f))} data-testid="rev-download">{t('files.download')}</button></li>
        ))}</ul>}
      </section>
      {viewing && (
        <section className="card" data-testid="rev-preview">
          <div className="row"><strong>{t('revisions.readOnly', { name: viewing.name })}</strong><button onClick={() => setViewing(null)}>{t('grid.cancel')}</button></div>
          <div className="preview-pane"><Preview doc={viewing.doc} /></div>
        </section>
      )}
      {cmp && (
        <div className="rev-compare">
          <section className="card change-list" data-testid="change-list">
            <p>{t('revisions.summary', { chapters: t('revisions.textChanges', { count: cmp.lines.chapters.length }), rows: t('revisions.rowChanges', { count: cmp.lines.rows.length }), derived: t('revisions.derivedChanges', { count: cmp.lines.derived.length }) })}</p>
            {(['chapters', 'rows', 'derived'] as const).map((k) => cmp.lines[k].length > 0 && (
              <div key={k}>
                <h4>{t(`revisions.${k}`)}</h4>
                <ul>
                  {cmp.lines[k].map((l, i) => (
                    <li key={i} data-testid={`change-${k}`}>
                      <button className="link" onClick={() => k === 'chapters' && document.getElementById(cmp.redline[i]?.id ?? '')?.scrollIntoView({ block: 'center' })}>
                        <strong>{l.kind}</strong> {l.object}
                      </button>
                      {k !== 'chapters' && <div className="small pre-line"><del>{l.before}</del> → <ins>{l.after}</ins></div>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <section className="card redline" data-testid="redline" data-plan-data lang={lang === 'zh' ? 'zh-CN' : 'en'}>
            {cmp.redline.map((r) => (
              <div key={r.id} id={r.id} className={`red-item ${r.kind}`}>
                <div className="muted small">{r.context}</div>
                <p>{r.parts.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}</p>
              </div>
            ))}
          </section>
        </div>
      )}
    </div>
  );
}
