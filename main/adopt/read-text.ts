// Plain text as extracted from a Word file or a PDF (the seed plan's form): paragraphs separated
// by blank lines, table rows as tab-separated lines. A paragraph that a page break cut in two
// (blank line in mid-sentence) is marked so the structure step can join it.
import type { SourceBlock, SourceDocument } from './source.ts';

export function readText(text: string): SourceDocument {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: SourceBlock[] = [];
  let blank = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      blank = true;
      continue;
    }
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => c.trim());
      const last = blocks[blocks.length - 1];
      if (last && last.kind === 'table' && !blank) last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else {
      blocks.push({ kind: 'para', text: line.trim(), afterBreak: blank });
    }
    blank = false;
  }
  return { format: 'txt', blocks };
}
