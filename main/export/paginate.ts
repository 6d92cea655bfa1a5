// A quick page estimate of the body, for the page numbers written into a Word TOC (WPS and
// LibreOffice show what is written; Word refreshes it on demand). Body text has an exact line
// height, and Chinese characters are all one em wide, so counting lines is close to Word's layout.
import type { Block, PlanDocument } from '../document/ir.ts';
import { joinNumber } from '../document/numbering.ts';
import { PAGE, mmToPt, typographyFor } from './typography.ts';

/** Width of a string in ems: CJK and full-width characters 1, others about half. */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5;
  return w;
}

/** Page (counted from 1 at the body's first page) of each heading id. */
export function estimateHeadingPages(doc: PlanDocument): Map<string, number> {
  const ty = typographyFor(doc.lang);
  const widthPt = mmToPt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
  const heightPt = mmToPt(PAGE.heightMm - PAGE.topMm - PAGE.bottomMm);
  const line = ty.lineHeightPt;
  const pages = new Map<string, number>();
  let page = 1;
  let used = 0;
  const advance = (h: number, keepWithNext = 0) => {
    if (used > 0 && used + h + keepWithNext > heightPt) {
      page += 1;
      used = 0;
    }
    used += h;
    while (used > heightPt) {
      page += 1;
      used -= heightPt;
    }
  };
  const linesOf = (text: string, sizePt: number, indentEm: number) => {
    const perLine = widthPt / sizePt;
    return Math.max(1, Math.ceil((emWidth(text) + indentEm) / perLine));
  };
  for (const b of doc.body as Block[]) {
    if (b.kind === 'pageBreak') {
      if (used > 0) { page += 1; used = 0; }
    } else if (b.kind === 'heading') {
      const f = ty.headings[Math.min(b.level, 6) - 1];
      const n = linesOf(joinNumber(b.number, b.text, doc.lang), f.sizePt, f.indent ? 2 : 0);
      const h = b.level <= 2 ? n * f.sizePt * 1.5 + 24 : n * line;
      advance(h, line);
      pages.set(b.id, page);
    } else if (b.kind === 'paragraph') {
      const text = b.runs.map((r) => r.text).join('');
      const n = linesOf(text, ty.body.sizePt, ty.body.indent ? 2 : 0);
      for (let i = 0; i < n; i++) advance(line);
      if (ty.paragraphAfterPt) advance(ty.paragraphAfterPt);
    } else if (b.kind === 'table') {
      advance(ty.caption.sizePt * 1.5 + 12);
      const rows = (b.header?.length ?? 1) + b.rows.length;
      for (let i = 0; i < rows; i++) advance(ty.table.sizePt * 1.6 + 4);
      for (const _ of b.notes) advance(ty.table.sizePt * 1.6);
    }
  }
  return pages;
}

/** Pages before the body: the cover, the TOC and the list of appendices (each starts a page). */
export function frontMatterPages(doc: PlanDocument): number {
  const ty = typographyFor(doc.lang);
  const heightPt = mmToPt(PAGE.heightMm - PAGE.topMm - PAGE.bottomMm);
  const perPage = Math.floor((heightPt - ty.headings[0].sizePt * 3) / ty.listLineHeightPt);
  return 1 + Math.max(1, Math.ceil(doc.toc.length / perPage)) + Math.max(1, Math.ceil(doc.appendixList.length / perPage));
}
