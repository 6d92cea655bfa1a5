// The PDF's text nodes as pdfmake gets them (render-pdf.ts, pdf-text.ts): every inline states its
// style so pdfmake need not search its style stack per word, but no more than 14 properties besides
// its text (pdfmake copies them into each word by keyed stores; V8 makes such an object with more a
// slow dictionary, and the 5,000-mine PDF ran out of heap); a table cell the page model set on one
// line is one word per face run; cells of equal text share their inlines.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/document/build.ts';
import type { PlanDocument } from '../../main/document/ir.ts';
import { paginate } from '../../main/export/layout/paginate.ts';
import { pdfDefinition } from '../../main/export/pdf/render-pdf.ts';
import { samplePlan } from './helpers.ts';

interface Node { text?: unknown; stack?: unknown; table?: { body: Node[][] }; section?: unknown; columns?: unknown }
type InlineLike = Record<string, unknown> & { text: string };

let doc: PlanDocument;
beforeAll(async () => {
  doc = buildDocument((await samplePlan()).data, 'zh');
});

/** Every table cell's inline array, and every inline of the definition. */
function walk(content: unknown): { cells: InlineLike[][]; inlines: InlineLike[] } {
  const cells: InlineLike[][] = [];
  const inlines: InlineLike[] = [];
  const visit = (n: unknown, inCell: boolean): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach((x) => visit(x, inCell));
    const node = n as Node;
    if (Array.isArray(node.text)) {
      const arr = node.text as InlineLike[];
      inlines.push(...arr);
      if (inCell) cells.push(arr);
    }
    visit(node.stack, inCell);
    visit(node.section, inCell);
    visit(node.columns, inCell);
    if (node.table) for (const row of node.table.body) for (const cell of row) visit(cell, true);
  };
  visit(content, false);
  return { cells, inlines };
}

describe('the PDF definition of the sample', () => {
  it('states each inline style in at most 14 properties besides the text', () => {
    const def = pdfDefinition(doc, paginate(doc));
    const { inlines } = walk(def.content);
    expect(inlines.length).toBeGreaterThan(1000);
    const most = Math.max(...inlines.map((i) => Object.keys(i).filter((k) => k !== 'text').length));
    expect(most).toBeLessThanOrEqual(14);
    for (const i of inlines) {
      expect(typeof i.font).toBe('string');
      expect(typeof i.fontSize).toBe('number');
      expect(['left', 'center', 'right', 'justify']).toContain(i.alignment);
    }
    // the body is justified, the right-aligned columns' cells are right-aligned
    expect(inlines.some((i) => i.alignment === 'justify')).toBe(true);
    expect(inlines.some((i) => i.alignment === 'right' && /^\d/.test(i.text))).toBe(true);
  });

  it('sets a one-line cell as one word per face run, a wrapped one word by word, and shares equal cells', () => {
    const def = pdfDefinition(doc, paginate(doc));
    const { cells } = walk(def.content);
    const filled = cells.filter((c) => c.length > 0);
    expect(filled.length).toBeGreaterThan(200);
    const oneLine = filled.filter((c) => c.every((i) => i.noWrap === true));
    const wrapped = filled.filter((c) => c.every((i) => i.noWrap === false));
    expect(oneLine.length + wrapped.length).toBe(filled.length);
    expect(oneLine.length).toBeGreaterThan(wrapped.length);
    // a wrapped cell is one the page model counted on more than one line: its text is wider than one line can hold
    expect(wrapped.length).toBeGreaterThan(0);
    // equal texts share one array (tables repeat their values)
    expect(new Set(filled).size).toBeLessThan(filled.length);
  });
});

describe('the PDF list of appendices and TOC', () => {
  /** The TOC and appendix-list rows: [entry inlines, number inlines]. */
  const rows = (content: unknown[]) => content
    .filter((n): n is { columns: { text: unknown }[] } => !!n && typeof n === 'object' && Array.isArray((n as { columns?: unknown }).columns))
    .map((n) => [n.columns[0].text, n.columns[1].text] as [InlineLike[], InlineLike[]]);

  it('sets each page number on its entry baseline: with an empty run of the entry face when the entry is in a CJK face', () => {
    const def = pdfDefinition(doc, paginate(doc));
    const list = rows(def.content as unknown[]);
    expect(list.length).toBeGreaterThan(25);
    for (const [entry, num] of list) {
      if (!Array.isArray(num)) continue;
      const cjkFaces = new Set(entry.filter((i) => i.text.trim() && i.font !== 'latin').map((i) => i.font));
      const empty = num.filter((i) => i.text === '');
      expect(empty.map((i) => i.font)).toEqual(cjkFaces.size ? [[...cjkFaces][0]] : []);
      expect(num[num.length - 1].text).toMatch(/^\d+$/);
    }
  });

  it('puts the page number of a wrapped English entry on its last line', async () => {
    const en = buildDocument((await samplePlan()).data, 'en');
    const list = rows(pdfDefinition(en, paginate(en)).content as unknown[]);
    const wrapped = list.filter(([, num]) => Array.isArray(num) && num.some((i) => i.text.includes('\n')));
    expect(wrapped.length).toBeGreaterThan(0);
    for (const [entry, num] of wrapped) {
      const text = entry.map((i) => i.text).join('');
      expect(text.length).toBeGreaterThan(60);
      expect(num[0].noWrap).toBe(false);
      expect(num[num.length - 1].text).toMatch(/^\d+$/);
    }
    // a one-line entry has no leading newlines
    expect(list.some(([, num]) => Array.isArray(num) && num.length === 1)).toBe(true);
  });
});
