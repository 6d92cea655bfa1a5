// The PDF as drawn from the page model (render-pdf.ts, draw-pdf.ts), read back with pdfjs: every
// heading is printed on the page the model (and so the TOC) states; every character of the sample
// is drawn in a face that has its glyph and comes back as itself; justified lines end at the right
// margin (CJK lines by spacing their characters, English ones their words), a paragraph's last line
// does not; a line of a table cell or paragraph is one text run per face, not one per word.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/document/build.ts';
import type { PlanDocument } from '../../main/document/ir.ts';
import { joinNumber } from '../../main/document/numbering.ts';
import { bodyFlowItems, paginate, type TextItem } from '../../main/export/layout/paginate.ts';
import { pageMargins, textBox } from '../../main/export/layout/geometry.ts';
import { face } from '../../main/export/layout/faces.ts';
import { placeLine } from '../../main/export/pdf/draw-pdf.ts';
import { renderPdf } from '../../main/export/pdf/render-pdf.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { samplePlan } from './helpers.ts';

interface Item { s: string; x: number; y: number; w: number; font: string }
interface Page { items: Item[]; text: string; footer: string }

async function readPages(buf: Buffer): Promise<Page[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Page[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const tc = await page.getTextContent();
    const items = (tc.items as { str: string; transform: number[]; width: number; fontName: string }[])
      .filter((t) => t.str.length > 0)
      .map((t) => ({ s: t.str, x: t.transform[4], y: t.transform[5], w: t.width, font: t.fontName }));
    // the page furniture (the sample mark, the footer) apart: a paragraph runs on across pages
    const top = page.view[3];
    const body = items.filter((t) => !/^\s*—\s*\d+\s*—\s*$/.test(t.s) && t.y < top - 60);
    pages.push({ items: body, text: body.map((t) => t.s).join(''), footer: items.find((t) => /^\s*—\s*\d+\s*—\s*$/.test(t.s))?.s ?? '' });
  }
  await pdf.destroy();
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, '');

let data: PlanData;
const docs: Record<string, PlanDocument> = {};
const pages: Record<string, Page[]> = {};
const printed: Record<string, Map<string, number>> = {};

beforeAll(async () => {
  data = (await samplePlan()).data;
  for (const lang of ['zh', 'en'] as const) {
    const doc = buildDocument(data, lang);
    docs[lang] = doc;
    const buf = await renderPdf(doc, { onPages: (p) => { printed[lang] = p; } });
    pages[lang] = await readPages(buf);
  }
}, 300_000);

describe.each(['zh', 'en'] as const)('the sample PDF (%s)', (lang) => {
  it('prints every heading on the page the page model and the TOC state', () => {
    const doc = docs[lang];
    const model = paginate(doc);
    // the body's first page is the one whose footer says 1
    const first = pages[lang].findIndex((p) => p.footer.replace(/\s/g, '') === '—1—');
    expect(first).toBeGreaterThan(0);
    let checked = 0;
    for (const b of doc.body) {
      if (b.kind !== 'heading') continue;
      const page = model.pages.get(b.id)!;
      const onPage = squash(pages[lang][first + page - 1].text);
      expect(onPage, `${b.text} on page ${page}`).toContain(squash(joinNumber(b.number, b.text, lang)));
      expect(printed[lang].get(b.id)).toBe(page);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
    // and the appendix tables and maps start where the list of appendices says
    for (const [id, page] of model.appendixPages) {
      const a = [...(doc.figures ?? []), ...doc.appendices].find((x) => x.id === id)!;
      expect(squash(pages[lang][first + page - 1].text)).toContain(squash(a.title));
    }
  });

  it('draws every character of the body in a face that has it, and it reads back as itself', () => {
    const all = squash(pages[lang].map((p) => p.text).join(''));
    const items = bodyFlowItems(docs[lang]).filter((i): i is TextItem => i.kind === 'text');
    let chars = 0;
    for (const it of items) {
      for (const r of it.set!.runs) {
        for (const ch of r.text) {
          if (ch.codePointAt(0)! > 0x20) expect(face(r.font).has(ch.codePointAt(0)!), `${ch} in ${r.font}`).toBe(true);
          chars++;
        }
      }
    }
    expect(chars).toBeGreaterThan(2000);
    for (const b of docs[lang].body) {
      if (b.kind === 'paragraph') expect(all).toContain(squash(b.runs.map((r) => r.text).join('')));
      if (b.kind === 'table') for (const row of b.rows) for (const c of row) expect(all).toContain(squash(c.text));
    }
  });

  it('ends every justified line but a paragraph\'s last at the right margin', () => {
    const width = textBox(false).width;
    const left = pageMargins(false)[0];
    const items = bodyFlowItems(docs[lang]).filter((i): i is TextItem => i.kind === 'text' && i.set?.align === 'justify');
    let full = 0;
    let last = 0;
    for (const it of items) {
      const s = it.set!;
      s.lines.forEach((line, l) => {
        const final = l === s.lines.length - 1;
        const placed = placeLine(line, s.runs[0].sizePt, left, width, 'left', !final && line.words > 1, l === 0 ? s.indent : 0);
        if (!final && line.words > 1) {
          expect(placed.end).toBeCloseTo(left + width, 6);
          full++;
        } else {
          expect(placed.end).toBeLessThan(left + width + 0.01);
          if (placed.end < left + width - 20) last++;
        }
      });
    }
    expect(full).toBeGreaterThan(30);
    expect(last).toBeGreaterThan(10);
    // in the PDF: the lines of the body's pages whose last run ends at the right margin (within half a point)
    const right = left + width;
    const first = pages[lang].findIndex((p) => p.footer.replace(/\s/g, '') === '—1—');
    const bodyPages = pages[lang].slice(first, first + Math.max(...paginate(docs[lang]).pages.values()));
    const ends = bodyPages.flatMap((p) => {
      const byLine = new Map<number, Item[]>();
      for (const i of p.items) {
        const y = Math.round(i.y * 10);
        byLine.set(y, [...(byLine.get(y) ?? []), i]);
      }
      return [...byLine.values()].map((l) => Math.max(...l.map((i) => i.x + i.w)));
    });
    expect(ends.filter((e) => Math.abs(e - right) < 0.5).length).toBeGreaterThan(full * 0.9);
    // and none goes past it (pdfkit sets word-spaced words one by one: kerns at spaces are made up for)
    expect(Math.max(...ends)).toBeLessThan(right + 0.1);
  });

  it('draws a line as one text run per face, not word by word', () => {
    // the body's first page is all paragraphs: a run is a line's piece in one face, so it holds
    // many characters (pdfmake drew Chinese text character by character, English word by word)
    const p = pages[lang].find((x) => x.footer.replace(/\s/g, '') === '—1—')!;
    const chars = [...p.text.replace(/\s/g, '')].length;
    const lines = new Set(p.items.map((i) => Math.round(i.y))).size;
    expect(lines).toBeGreaterThan(5);
    expect(chars / p.items.length).toBeGreaterThan(lang === 'zh' ? 8 : 20);
  });
});

describe('a cell spanning rows', () => {
  it('is drawn whole: its lines go on in the rows below its first one', async () => {
    const doc = buildDocument(data, 'zh');
    // a category cell of many lines over three one-line rows (附表 7's layout)
    const long = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'.repeat(3);
    const other = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜';
    const base = doc.appendices[0];
    const table = {
      ...base, id: 'span-test', label: '附表 1', title: '跨行单元格', header: undefined, notes: [],
      columns: [
        { ...base.columns[0], header: '类别', width: 1 },
        { ...base.columns[0], header: '指标', width: 6 },
        { ...base.columns[0], header: '数值', width: 6 },
      ],
      rows: [
        [{ text: long, rowSpan: 3 }, { text: other }, { text: other }],
        [{ text: other }, { text: other }],
        [{ text: other }, { text: other }],
      ],
    };
    const one = { ...doc, figures: [], appendices: [table], appendixList: [] } as PlanDocument;
    const read = await readPages(await renderPdf(one));
    const text = squash(read.map((p) => p.text).join(''));
    // every character of the spanning cell, in order (other cells' text comes between its lines)
    let at = 0;
    for (const ch of long) {
      const found = text.indexOf(ch, at);
      expect(found, `${ch} of the spanning cell`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});

describe('a contents entry that wraps', () => {
  it('has its dot leader on its last line', async () => {
    const doc = buildDocument(data, 'en');
    const long = ' and a much longer title that has to wrap onto a second line of the contents page';
    doc.toc[3] = { ...doc.toc[3], text: doc.toc[3].text + long };
    const read = await readPages(await renderPdf({ ...doc, figures: [], appendices: [], appendixList: [] } as PlanDocument));
    const toc = read.find((p) => p.text.includes('contents page'))!;
    expect(toc.text).toMatch(/contents page\s*\.{10,}/);
  });
});
