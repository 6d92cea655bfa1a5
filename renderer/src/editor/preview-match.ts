// Which block of the chapter's preview shows a block of its source: the preview is the rendered
// document (figures filled in, conditions decided), so blocks are matched by the source's literal
// text found in order in the preview's text, tables by their key, and otherwise by position.
import type { JsonNode } from './source-doc.ts';

/** What a source block is recognised by in the preview. */
export interface BlockTarget { segments: string[]; tableKey?: string }
/** A block of the preview: its text, and the key of the table it shows. */
export interface PreviewBlock { text: string; tableKey?: string }

const TABLE_KEY = /^::[a-z-]+\s+([A-Za-z0-9_-]+)\s*$/;

/** The literal text runs of a source block (figures and tags break a run: their text is computed). */
export function blockTarget(node: JsonNode | undefined): BlockTarget {
  if (!node) return { segments: [] };
  if (node.type === 'tableRef') {
    const m = TABLE_KEY.exec(String(node.attrs?.src ?? '').trim());
    return { segments: [], tableKey: m?.[1] };
  }
  const segments: string[] = [];
  let run = '';
  const walk = (n: JsonNode) => {
    if (n.type === 'text') { run += n.text ?? ''; return; }
    if (run) { segments.push(run); run = ''; }
    for (const c of n.content ?? []) walk(c);
    if (run) { segments.push(run); run = ''; }
  };
  for (const c of node.content ?? []) walk(c);
  if (run) segments.push(run);
  return { segments };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The index of the preview block showing `target`: the one holding the most of its text in order
 * (ties: the one nearest `expected`), the table of its key, else the block at `expected`.
 */
export function matchPreviewBlock(target: BlockTarget, blocks: PreviewBlock[], expected: number): number {
  if (!blocks.length) return -1;
  const near = (a: number, b: number) => Math.abs(a - expected) < Math.abs(b - expected);
  let best = -1;
  if (target.tableKey) {
    blocks.forEach((b, i) => { if (b.tableKey === target.tableKey && (best < 0 || near(i, best))) best = i; });
  } else {
    const segs = target.segments.map(squeeze).filter((s) => s.length >= 2);
    let bestScore = 0;
    blocks.forEach((b, i) => {
      if (b.tableKey) return; // a table's cells are data, not the chapter's sentences
      const text = squeeze(b.text);
      let at = 0;
      let score = 0;
      for (const s of segs) {
        const k = text.indexOf(s, at);
        if (k >= 0) { score += s.length; at = k + s.length; }
      }
      if (score > bestScore || (score > 0 && score === bestScore && near(i, best))) { best = i; bestScore = score; }
    });
  }
  return best >= 0 ? best : Math.max(0, Math.min(blocks.length - 1, expected));
}
