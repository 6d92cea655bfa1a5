// The redline of the document body for the app's inline view: the changed blocks with their
// marked-up text, each under the heading it belongs to.
import type { PlanDocument } from '../document/ir.ts';
import { captionText, joinNumber } from '../document/numbering.ts';
import { alignDocument } from './redline-docx.ts';
import { diffText, type TextPart } from './compare.ts';

export interface RedlineItem {
  id: string;
  context: string; // the heading above it
  kind: 'changed' | 'added' | 'removed';
  parts: TextPart[];
}

export function redlineView(older: PlanDocument, newer: PlanDocument): RedlineItem[] {
  const lang = newer.lang;
  const text = (b: PlanDocument['body'][number]) => (b.kind === 'heading' ? joinNumber(b.number, b.text, lang) : b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind === 'table' ? captionText(b.label, b.title, lang) : '');
  const out: RedlineItem[] = [];
  let context = '';
  let n = 0;
  for (const op of alignDocument(older.body, newer.body, lang)) {
    const block = op.op === 'changed' ? op.after : op.block;
    if (block.kind === 'heading' && op.op === 'same') context = text(block);
    if (op.op === 'same' || block.kind === 'pageBreak') continue;
    if (op.op === 'changed') {
      if (op.after.kind === 'table') continue; // table rows are in the row list
      out.push({ id: `c${++n}`, context, kind: 'changed', parts: diffText(text(op.before), text(op.after), lang) });
    } else {
      out.push({ id: `c${++n}`, context, kind: op.op, parts: [{ value: text(block), ...(op.op === 'added' ? { added: true } : { removed: true }) }] });
    }
    if (block.kind === 'heading') context = text(block);
  }
  return out;
}
