// A Word file (.docx) → the intermediate form, reading the OOXML directly: paragraphs with their
// heading level (from the paragraph's style or outline level), tables with merged cells (gridSpan
// repeats nothing, vMerge continuation cells stay empty), text boxes and fields' cached text.
import { unzipSync, strFromU8 } from 'fflate';
import { GmpError } from '../domain/errors.ts';
import type { SourceBlock, SourceDocument } from './source.ts';

const TOKEN = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`).exec(attrs);
  return m ? decode(m[1]) : null;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** styleId → heading level (1-based), from the style's name ("heading 1", "标题 1") or outline level. */
function headingStyles(xml: string | null): Map<string, number> {
  const out = new Map<string, number>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1], 'w:styleId');
    if (!id) continue;
    const name = /<w:name\s+w:val="([^"]*)"/.exec(m[2])?.[1] ?? '';
    const outline = /<w:outlineLvl\s+w:val="(\d)"/.exec(m[2])?.[1];
    const byName = /^(heading|标题)\s*(\d)$/i.exec(name.trim());
    if (byName) out.set(id, Number(byName[2]));
    else if (outline !== undefined && Number(outline) < 6) out.set(id, Number(outline) + 1);
    else if (/^Heading(\d)$/.test(id)) out.set(id, Number(id.slice(7)));
  }
  return out;
}

interface Cell { text: string[]; span: number; vmergeContinue: boolean }

export function readDocx(buf: Uint8Array): SourceDocument {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(buf, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/styles.xml' });
  } catch {
    throw new GmpError('adopt.bad_docx', {});
  }
  if (!files['word/document.xml']) throw new GmpError('adopt.bad_docx', {});
  const xml = strFromU8(files['word/document.xml']);
  const styles = headingStyles(files['word/styles.xml'] ? strFromU8(files['word/styles.xml']) : null);

  const blocks: SourceBlock[] = [];
  // a stack of open tables (tables may nest; a nested table's text goes into its cell)
  const tables: { rows: Cell[][]; row: Cell[] | null; cell: Cell | null }[] = [];
  let para: { text: string; level?: number; inDel: boolean } | null = null;
  let inText = false;
  let pendingBreak = false;
  let del = 0;
  let instr = false;
  let inTabs = false;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, tag, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (para && inText && !del && !instr) para.text += decode(text);
      continue;
    }
    if (!tag) continue;
    const open = !close;
    switch (tag) {
      case 'w:p':
        if (open && !selfClose) para = { text: '', inDel: false };
        else if (close && para) {
          const t = para.text.replace(/[ \u00a0]+/g, ' ').trim();
          const table = tables[tables.length - 1];
          if (table?.cell) table.cell.text.push(t);
          else if (t) {
            blocks.push({ kind: 'para', text: t, headingLevel: para.level, afterBreak: pendingBreak });
            pendingBreak = false;
          }
          para = null;
        }
        break;
      case 'w:pStyle':
        if (para) {
          const lvl = styles.get(attr(attrs, 'w:val') ?? '');
          if (lvl) para.level = lvl;
        }
        break;
      case 'w:outlineLvl':
        if (para) {
          const v = Number(attr(attrs, 'w:val'));
          if (v < 6) para.level = v + 1;
        }
        break;
      case 'w:t':
        inText = open && !selfClose;
        break;
      case 'w:delText':
        break;
      case 'w:del':
        del += open && !selfClose ? 1 : close ? -1 : 0;
        break;
      case 'w:instrText':
        instr = open && !selfClose;
        break;
      case 'w:tabs':
        inTabs = open && !selfClose;
        break;
      case 'w:tab':
      case 'w:ptab':
        if (para && open && !del && !inTabs) para.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (para && open && !del) {
          if (attr(attrs, 'w:type') === 'page') pendingBreak = true;
          else para.text += '\n';
        }
        break;
      case 'w:lastRenderedPageBreak':
        break;
      case 'w:tbl':
        if (open && !selfClose) tables.push({ rows: [], row: null, cell: null });
        else if (close) {
          const t = tables.pop()!;
          const rows = t.rows.map((r) => r.flatMap((c) => [c.vmergeContinue ? '' : c.text.filter(Boolean).join('\n'), ...Array(c.span - 1).fill('')]));
          const outer = tables[tables.length - 1];
          if (outer?.cell) outer.cell.text.push(rows.map((r) => r.join(' ')).join('\n'));
          else if (rows.length) blocks.push({ kind: 'table', rows });
        }
        break;
      case 'w:tr': {
        const t = tables[tables.length - 1];
        if (!t) break;
        if (open && !selfClose) t.row = [];
        else if (close && t.row) {
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      }
      case 'w:tc': {
        const t = tables[tables.length - 1];
        if (!t) break;
        if (open && !selfClose) t.cell = { text: [], span: 1, vmergeContinue: false };
        else if (close && t.cell) {
          t.row?.push(t.cell);
          t.cell = null;
        }
        break;
      }
      case 'w:gridSpan': {
        const t = tables[tables.length - 1];
        if (t?.cell && !para) t.cell.span = Math.max(1, Math.min(64, Number(attr(attrs, 'w:val')) || 1));
        break;
      }
      case 'w:vMerge': {
        const t = tables[tables.length - 1];
        const v = attr(attrs, 'w:val');
        if (t?.cell && !para && v !== 'restart') t.cell.vmergeContinue = true;
        break;
      }
      default:
        break;
    }
  }
  // paragraphs with tabs (TOC lines, tab-aligned lists) read like the text form's table rows
  const out: SourceBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'para' && b.text.includes('\t') && !b.headingLevel) {
      const cells = b.text.split('\t').map((c) => c.trim());
      const last = out[out.length - 1];
      if (last?.kind === 'table' && (last as { fromTabs?: boolean }).fromTabs) last.rows.push(cells);
      else out.push(Object.assign({ kind: 'table' as const, rows: [cells] }, { fromTabs: true }));
      continue;
    }
    if (b.kind === 'para' && b.text.includes('\n')) {
      b.text.split('\n').map((l) => l.trim()).filter(Boolean).forEach((l, i) => out.push({ ...b, text: l, afterBreak: i === 0 ? b.afterBreak : false }));
      continue;
    }
    out.push(b);
  }
  return { format: 'docx', blocks: out };
}
