// Renders the document model as it will print: numbered headings, bound figures, captioned tables.
import { useTranslation } from 'react-i18next';
import type { Block, Cell, PlanDocument } from '../types.ts';
import { SafeSvg } from './SafeSvg.tsx';

function TableView({ b, truncated }: { b: Extract<Block, { kind: 'table' }>; truncated?: number }) {
  const { t } = useTranslation();
  const header: Cell[][] = b.header ?? [b.columns.map((c) => ({ text: c.header }))];
  return (
    <figure className="doc-table" id={b.id} data-table-key={b.key}>
      {(b.label || b.title) && <figcaption>{b.label}　{b.title}</figcaption>}
      <table>
        <thead>{header.map((r, i) => <tr key={i}>{r.map((c, j) => <th key={j} rowSpan={c.rowSpan} colSpan={c.colSpan}>{c.text}</th>)}</tr>)}</thead>
        <tbody>{b.rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j} rowSpan={c.rowSpan} colSpan={c.colSpan} className={c.align ?? b.columns[j]?.align ?? ''}>{c.text}</td>)}</tr>)}</tbody>
      </table>
      {truncated ? <p className="muted">… {t('grid.rows', { count: truncated })}</p> : null}
      {b.notes.map((n, i) => <p key={i} className="note">{n}</p>)}
    </figure>
  );
}

export function BlockView({ b, lang }: { b: Block; lang: string }) {
  switch (b.kind) {
    case 'heading': {
      const text = b.number ? (lang === 'zh' ? (/[、）.]$/.test(b.number) ? `${b.number}${b.text}` : `${b.number}　${b.text}`) : `${b.number} ${b.text}`) : b.text;
      const Tag = (`h${Math.min(b.level + 1, 6)}`) as 'h2';
      return <Tag id={b.id} className={`doc-h doc-h${b.level}`}>{text}</Tag>;
    }
    case 'paragraph':
      return <p className="doc-p">{b.runs.map((r, i) => (r.bold ? <strong key={i}>{r.text}</strong> : r.italic ? <em key={i}>{r.text}</em> : <span key={i}>{r.text}</span>))}</p>;
    case 'table':
      return <TableView b={b} />;
    default:
      return <hr className="doc-break" />;
  }
}

/** The blocks of one chapter (from its level-1 heading to the next), or the whole document. */
export function Preview({ doc, chapterIndex }: { doc: PlanDocument; chapterIndex?: number }) {
  let blocks = doc.body;
  if (chapterIndex !== undefined) {
    const starts = doc.body.map((b, i) => (b.kind === 'heading' && b.level === 1 ? i : -1)).filter((i) => i >= 0);
    blocks = doc.body.slice(starts[chapterIndex] ?? 0, starts[chapterIndex + 1] ?? doc.body.length);
  }
  return (
    <article className={`doc lang-${doc.lang}`} data-testid="preview" data-plan-data lang={doc.lang === 'zh' ? 'zh-CN' : 'en'}>
      {blocks.map((b, i) => <BlockView key={i} b={b} lang={doc.lang} />)}
      {chapterIndex === undefined && (doc.figures ?? []).map((f) => (
        <figure key={f.id} id={f.id} className="doc-figure">
          <figcaption>{f.label}　{f.title}</figcaption>
          {/* the studio's own SVG, drawn from the plan's coordinates, through the sanitiser */}
          <SafeSvg className="doc-map" svg={f.svg} />
        </figure>
      ))}
      {chapterIndex === undefined && doc.appendices.map((a) => <TableView key={a.id} b={a} truncated={doc.truncated[a.id]} />)}
    </article>
  );
}
