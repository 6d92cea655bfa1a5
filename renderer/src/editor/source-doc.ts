// Chapter source (Markdown + Liquid, as stored) ⇄ the rich editor's document (TipTap/ProseMirror JSON).
// The stored text stays the source of truth: every block keeps the exact separator before it, every
// binding keeps its exact code, and a block this model cannot show without changing a character is
// kept as a protected block of raw source. serialize(parse(s)) === s for every text.
import { isOutputToken, LIQUID_TOKEN } from '../../../main/compose/liquid-tokens.ts';

export interface JsonMark { type: string }
export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  marks?: JsonMark[];
  text?: string;
}

/** The separator a new block gets before it: one blank line. */
export const DEFAULT_LEAD = '\n\n';

// ---- Liquid tokens -----------------------------------------------------------------------------

// {{ output }}, {% tag %} and a whole {% raw %}…{% endraw %} / {% comment %}…{% endcomment %}:
// the same pattern the studio's binding checks use
const LIQUID = LIQUID_TOKEN;

interface Piece { kind: 'text' | 'output' | 'tag'; src: string }

export function liquidPieces(s: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of s.matchAll(LIQUID)) {
    if (m.index > at) out.push({ kind: 'text', src: s.slice(at, m.index) });
    out.push({ kind: isOutputToken(m[0]) ? 'output' : 'tag', src: m[0] });
    at = m.index + m[0].length;
  }
  if (at < s.length) out.push({ kind: 'text', src: s.slice(at) });
  return out;
}

// ---- blocks ------------------------------------------------------------------------------------

interface Chunk { lead: string; text: string }

/**
 * Splits a source into blocks: runs of non-blank lines, a heading line always alone. New lines inside
 * a Liquid token (a multi-line tag) do not count. Each block keeps the exact text before it (its lead).
 */
function chunks(src: string): { blocks: Chunk[]; trail: string } {
  // same length as src: offsets found in it are offsets in src
  const masked = src.replace(LIQUID, (m) => m.replace(/\n/g, '\u0001'));
  const ranges: [number, number][] = [];
  let start = -1;
  let end = -1;
  let pos = 0;
  for (const line of masked.split('\n')) {
    const ls = pos;
    const le = pos + line.length;
    pos = le + 1;
    if (/^[ \t]*$/.test(line)) {
      if (start >= 0) ranges.push([start, end]);
      start = -1;
    } else if (/^#{1,6}[ \t]/.test(line)) {
      if (start >= 0) ranges.push([start, end]);
      ranges.push([ls, le]);
      start = -1;
    } else {
      if (start < 0) start = ls;
      end = le;
    }
  }
  if (start >= 0) ranges.push([start, end]);
  const blocks = ranges.map(([s, e], i) => ({ lead: src.slice(i ? ranges[i - 1][1] : 0, s), text: src.slice(s, e) }));
  return { blocks, trail: src.slice(ranges.length ? ranges[ranges.length - 1][1] : 0) };
}

const HEADING = /^(#{1,6})[ \t]+(.*?)$/;
const DIRECTIVE = /^::[a-z-]+\s+[A-Za-z0-9_-]+\s*$/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])([ \t]+)(.*)$/;
/** Lines Markdown would read as something other than a paragraph: kept as protected source. */
const NOT_PARAGRAPH = /^(?: {4}|\t|>|```|~~~|<|\||[-*_](?:[ \t]*[-*_]){2,}[ \t]*$|=+[ \t]*$|-+[ \t]*$)/;

// ---- inline ------------------------------------------------------------------------------------

function textNode(text: string, marks: string[]): JsonNode {
  return marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };
}

/** Inline content: text with bold/italic, figure chips ({{ }}), code chips ({% %}) and soft breaks. */
export function parseInline(s: string, emphasis = true): JsonNode[] {
  const pieces = liquidPieces(s);
  // emphasis is found on the text with every Liquid token masked as one private-use character
  const masked = pieces.map((p, i) => (p.kind === 'text' ? p.src : String.fromCharCode(0xe000 + i))).join('');
  const marksAt: string[][] = Array.from({ length: masked.length }, () => []);
  const hidden = new Array<boolean>(masked.length).fill(false);
  if (emphasis) {
    const mark = (re: RegExp, type: string, width: number) => {
      for (const m of masked.matchAll(re)) {
        if (hidden.slice(m.index, m.index + m[0].length).some(Boolean)) continue;
        for (let k = 0; k < width; k++) {
          hidden[m.index + k] = true;
          hidden[m.index + m[0].length - 1 - k] = true;
        }
        for (let k = m.index + width; k < m.index + m[0].length - width; k++) marksAt[k].push(type);
      }
    };
    mark(/\*\*(?=[^\s*])[^*\n]*?[^\s*]\*\*|\*\*[^\s*]\*\*/g, 'bold', 2);
    mark(/(?<![*\w])\*(?=[^\s*])[^*\n]*?[^\s*]\*(?![*\w])|(?<![*\w])\*[^\s*]\*(?![*\w])/g, 'italic', 1);
  }
  const out: JsonNode[] = [];
  let buf = '';
  let bufMarks: string[] = [];
  const push = () => {
    if (buf) out.push(textNode(buf, bufMarks));
    buf = '';
  };
  for (let i = 0; i < masked.length; i++) {
    if (hidden[i]) continue;
    const c = masked[i];
    const code = c.charCodeAt(0);
    const marks = marksAt[i];
    if (code >= 0xe000 && code < 0xe000 + pieces.length && pieces[code - 0xe000]?.kind !== 'text') {
      push();
      const p = pieces[code - 0xe000];
      const node: JsonNode = { type: p.kind === 'output' ? 'figure' : 'liquidTag', attrs: { src: p.src } };
      if (marks.length) node.marks = marks.map((type) => ({ type }));
      out.push(node);
      continue;
    }
    if (c === '\n') {
      push();
      out.push({ type: 'softBreak' });
      continue;
    }
    if (marks.join() !== bufMarks.join()) {
      push();
      bufMarks = marks;
    }
    buf += c;
  }
  push();
  return out;
}

/** Inline content back to source. Marks are written innermost-last, bold outside italic. */
export function serializeInline(nodes: readonly JsonNode[] | undefined): string {
  let out = '';
  let open: string[] = [];
  const order = ['bold', 'italic'];
  const delim: Record<string, string> = { bold: '**', italic: '*' };
  for (const n of nodes ?? []) {
    const want = order.filter((m) => n.marks?.some((x) => x.type === m));
    // close marks no longer wanted (and everything opened after them)
    let keep = 0;
    while (keep < open.length && want.includes(open[keep]) && open[keep] === want[keep]) keep++;
    for (let k = open.length - 1; k >= keep; k--) out += delim[open[k]];
    open = open.slice(0, keep);
    for (const m of want.slice(keep)) {
      out += delim[m];
      open.push(m);
    }
    if (n.type === 'text') out += n.text ?? '';
    else if (n.type === 'figure' || n.type === 'liquidTag') out += String(n.attrs?.src ?? '');
    else if (n.type === 'softBreak' || n.type === 'hardBreak') out += '\n';
  }
  for (let k = open.length - 1; k >= 0; k--) out += delim[open[k]];
  return out;
}

// ---- blocks to nodes ---------------------------------------------------------------------------

function blockNode(text: string, lead: string): JsonNode {
  const withLead = (n: JsonNode): JsonNode => ({ ...n, attrs: { ...(n.attrs ?? {}), lead } });
  const tryEach = (candidates: (() => JsonNode | null)[]): JsonNode => {
    for (const make of candidates) {
      const n = make();
      if (n && serializeBlock(n) === text) return withLead(n);
    }
    return withLead(rawBlock(text));
  };
  const h = HEADING.exec(text);
  if (h && !text.includes('\n')) {
    return tryEach([
      () => ({ type: 'heading', attrs: { level: h[1].length }, content: nonEmpty(parseInline(h[2])) }),
      () => ({ type: 'heading', attrs: { level: h[1].length }, content: nonEmpty(parseInline(h[2], false)) }),
    ]);
  }
  if (DIRECTIVE.test(text)) return withLead({ type: 'tableRef', attrs: { src: text } });
  const lines = text.split('\n');
  if (lines.every((l) => LIST_ITEM.test(l))) {
    const ordered = /^\d/.test(lines[0]);
    if (lines.every((l) => /^\d/.test(l) === ordered)) {
      const list = (emphasis: boolean): JsonNode => ({
        type: ordered ? 'orderedList' : 'bulletList',
        content: lines.map((l) => {
          const m = LIST_ITEM.exec(l)!;
          return { type: 'listItem', attrs: { marker: m[1] + m[2] }, content: [{ type: 'paragraph', content: nonEmpty(parseInline(m[3], emphasis)) }] };
        }),
      });
      return tryEach([() => list(true), () => list(false)]);
    }
  }
  if (lines.some((l) => NOT_PARAGRAPH.test(l)) || LIST_ITEM.test(lines[0])) return withLead(rawBlock(text));
  return tryEach([
    () => ({ type: 'paragraph', content: nonEmpty(parseInline(text)) }),
    () => ({ type: 'paragraph', content: nonEmpty(parseInline(text, false)) }),
  ]);
}

function nonEmpty(nodes: JsonNode[]): JsonNode[] | undefined {
  return nodes.length ? nodes : undefined;
}

function rawBlock(text: string): JsonNode {
  return { type: 'rawBlock', content: text ? [{ type: 'text', text }] : undefined };
}

function serializeBlock(n: JsonNode): string {
  switch (n.type) {
    case 'heading':
      return `${'#'.repeat(Number(n.attrs?.level ?? 2))} ${serializeInline(n.content)}`;
    case 'paragraph':
      return serializeInline(n.content);
    case 'bulletList':
    case 'orderedList':
      return (n.content ?? []).map((item, i) => {
        const marker = String(item.attrs?.marker ?? (n.type === 'orderedList' ? `${i + 1}. ` : '- '));
        const pad = ' '.repeat(marker.length);
        return (item.content ?? []).map((c, j) => (j === 0 ? marker : pad) + serializeBlock(c).replace(/\n/g, `\n${pad}`)).join('\n');
      }).join('\n');
    case 'tableRef':
      return String(n.attrs?.src ?? '');
    case 'rawBlock':
      return (n.content ?? []).map((c) => c.text ?? '').join('');
    default:
      return serializeInline(n.content);
  }
}

// ---- documents ---------------------------------------------------------------------------------

/** A chapter's stored text → the editor's document. */
export function parseSource(src: string): JsonNode {
  const { blocks, trail } = chunks(src);
  const content = blocks.map((b) => blockNode(b.text, b.lead));
  if (!content.length) content.push({ type: 'paragraph', attrs: { lead: '' } });
  return { type: 'doc', attrs: { trail }, content };
}

/** The editor's document → the chapter's stored text. */
export function serializeDoc(doc: JsonNode): string {
  let out = '';
  for (const [i, b] of (doc.content ?? []).entries()) {
    const body = serializeBlock(b);
    const lead = b.attrs?.lead == null ? DEFAULT_LEAD : String(b.attrs.lead);
    // a new empty paragraph is not text: it leaves no trace in the source
    if (!body && b.type === 'paragraph' && i > 0 && lead === DEFAULT_LEAD) continue;
    out += (i === 0 && b.attrs?.lead == null ? '' : lead) + body;
  }
  return out + String(doc.attrs?.trail ?? '');
}

/** The top-level block of an editor document that holds a line (1-based) of its source. */
export function blockAtLine(doc: JsonNode, line: number): number {
  let at = 1; // the line the next text starts on
  let found = 0;
  for (const [i, b] of (doc.content ?? []).entries()) {
    const lead = b.attrs?.lead == null ? (i === 0 ? '' : DEFAULT_LEAD) : String(b.attrs.lead);
    at += (lead.match(/\n/g) ?? []).length;
    if (at > line) break;
    found = i;
    at += (serializeBlock(b).match(/\n/g) ?? []).length;
  }
  return found;
}
