// The intermediate form → the old plan's structure: cover, TOC (only to confirm headings), list
// of figures and appendices, chapters with their headings, paragraphs and captioned tables.
// Heading numbers are recognised and stripped: the document builder numbers headings itself.
import { healHeader, healTable, healText } from './heal.ts';
import type { SourceBlock, SourceDocument } from './source.ts';

export type AdoptItem =
  | { kind: 'heading'; level: number; text: string; number: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; label: string; appendix: boolean; n: number | null; title: string; rows: string[][]; continuations: number };

export interface AdoptChapter {
  title: string;
  numbered: boolean;
  number: string;
  items: AdoptItem[];
}

export interface AdoptCover {
  title: string;
  jurisdiction: string;
  kind: 'banner' | 'district' | 'county' | 'city';
  issuer: string;
  institute: string;
  /** YYYY-MM or YYYY, '' when the cover has no date */
  date: string;
}

export interface AdoptStructure {
  cover: AdoptCover;
  toc: { text: string; page: string }[];
  figures: { label: string; title: string; scale: string }[];
  appendixList: { label: string; title: string }[];
  chapters: AdoptChapter[];
  /** headings the TOC lists that were not found in the body (and the reverse) */
  tocMismatches: string[];
}

const CN_NUM = '[一二三四五六七八九十百零〇两]+';
export const HEADING_PATTERNS: { level: number; re: RegExp }[] = [
  { level: 1, re: new RegExp(`^(第${CN_NUM}章)\\s*(.*)$`) },
  { level: 2, re: new RegExp(`^(第${CN_NUM}节)\\s*(.*)$`) },
  { level: 3, re: new RegExp(`^(${CN_NUM}、)\\s*(.*)$`) },
  { level: 4, re: new RegExp(`^([（(]${CN_NUM}[）)])\\s*(.*)$`) },
  { level: 5, re: /^(\d{1,2}[、.．](?!\d))\s*(.*)$/ },
  { level: 6, re: /^([（(]\d{1,2}[）)])\s*(.*)$/ },
];
/** Chapters plans leave unnumbered. */
const UNNUMBERED = ['总则', '前言', '附则', '序言', '引言'];
const TERMINAL = /[。！？；：…”’」』）)!?;:.]$/;
const CAPTION = /^(续)?\s*(附)?\s*表\s*(\d+)\s*(.*)$/;

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** A heading's level, number and title, when the paragraph is one. */
export function headingOf(text: string, styleLevel?: number): { level: number; number: string; text: string } | null {
  const t = text.trim();
  if (t.length > 60) return null;
  for (const p of HEADING_PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const title = healText(m[2]);
    // a numbered sentence ("1、发展和改革委员会负责……。") is a paragraph, not a heading
    if (!title || TERMINAL.test(title) && !/[）)]$/.test(title) || (p.level >= 3 && title.length > 40) || /。/.test(title)) return null;
    return { level: p.level, number: m[1], text: p.level <= 2 ? title.replace(/\s+/g, '') : title };
  }
  if (UNNUMBERED.includes(squeeze(t))) return { level: 1, number: '', text: squeeze(t) };
  if (styleLevel && t.length <= 40 && !TERMINAL.test(t)) return { level: styleLevel, number: '', text: healText(t) };
  return null;
}

function isTocTitle(t: string) {
  return /^目录$/.test(squeeze(t));
}

function tocEntry(cells: string[]): { text: string; page: string } | null {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (!filled.length) return null;
  const last = filled[filled.length - 1];
  const m = /^(.*?)[.·…\s]*(\d{1,3})$/.exec(filled.length === 1 ? last : `${filled.slice(0, -1).join(' ')} ${last}`);
  if (!m || !m[1].trim()) return null;
  return { text: m[1].replace(/[.·…]+$/, '').trim(), page: m[2] };
}

function parseCover(paras: string[]): AdoptCover {
  const lines = paras.map((p) => p.trim()).filter(Boolean);
  const title = lines.find((l) => /规划/.test(l)) ?? lines[0] ?? '';
  const m = /^(.*?(?:旗|区|县|市))(?=.*规划)/.exec(title);
  const jurisdiction = m ? m[1] : '';
  const kind = jurisdiction.endsWith('旗') ? 'banner' : jurisdiction.endsWith('区') ? 'district' : jurisdiction.endsWith('市') ? 'city' : 'county';
  const issuer = lines.find((l) => l !== title && /(人民政府|政府|局|委员会)$/.test(l)) ?? '';
  const institute = lines.find((l) => l !== title && l !== issuer && /(院|研究所|公司|中心|大学|单位)$/.test(squeeze(l))) ?? '';
  let date = '';
  for (const l of lines) {
    const d = coverDate(l);
    if (d) date = d;
  }
  return { title: healText(title), jurisdiction, kind, issuer, institute, date };
}

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** "二〇二三年七月" / "2023年7月" → "2023-07" */
export function coverDate(line: string): string {
  const s = squeeze(line);
  let m = /^(\d{4})年(?:(\d{1,2})月)?(?:\d{1,2}日)?$/.exec(s);
  if (m) return m[2] ? `${m[1]}-${m[2].padStart(2, '0')}` : m[1];
  m = /^([〇零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月)?$/.exec(s);
  if (!m) return '';
  const year = [...m[1]].map((c) => CN_DIGIT[c]).join('');
  if (!m[2]) return year;
  const mm = m[2] === '十' ? 10 : m[2].startsWith('十') ? 10 + Number(CN_DIGIT[m[2][1]]) : Number(CN_DIGIT[m[2][0]]);
  return `${year}-${String(mm).padStart(2, '0')}`;
}

export function recogniseStructure(doc: SourceDocument): AdoptStructure {
  const blocks = doc.blocks;
  let i = 0;
  const coverParas: string[] = [];
  const firstHeading = (b: SourceBlock) => b.kind === 'para' && (isTocTitle(b.text) || headingOf(b.text, b.headingLevel)?.level === 1);
  while (i < blocks.length && !firstHeading(blocks[i])) {
    const b = blocks[i];
    if (b.kind === 'para') coverParas.push(b.text);
    i++;
  }
  const cover = parseCover(coverParas);
  const toc: { text: string; page: string }[] = [];
  const figures: AdoptStructure['figures'] = [];
  const appendixList: AdoptStructure['appendixList'] = [];
  if (i < blocks.length && blocks[i].kind === 'para' && isTocTitle((blocks[i] as { text: string }).text)) {
    i++;
    // TOC entries (tables of "text / page", or paragraphs ending with a page number), then the
    // front lists (附图, 附表) until the body's first heading, which the TOC's first entry names.
    for (; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind === 'table') {
        const entries = b.rows.map(tocEntry);
        if (entries.every(Boolean)) toc.push(...(entries as { text: string; page: string }[]));
        else break;
      } else {
        const e = /\d{1,3}$/.test(b.text) ? tocEntry([b.text]) : null;
        if (e && (headingOf(e.text) || toc.length)) toc.push(e);
        else break;
      }
    }
    const firstEntry = toc.length ? squeeze(toc[0].text) : null;
    let list: 'figures' | 'appendices' | null = null;
    for (; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind === 'para') {
        const s = squeeze(b.text);
        if (firstEntry ? s === firstEntry : headingOf(b.text, b.headingLevel)?.level === 1) break;
        if (s === '附图') list = 'figures';
        else if (s === '附表') list = 'appendices';
        else if (list === 'appendices' && CAPTION.test(b.text)) {
          const m = CAPTION.exec(b.text)!;
          appendixList.push({ label: `附表 ${m[3]}`, title: healText(m[4]) });
        }
        continue;
      }
      for (const r of b.rows) {
        const cells = r.map((c) => c.trim());
        if (list === 'figures' && /^附图\s*\d+$/.test(cells[0])) figures.push({ label: cells[0].replace(/\s+/g, ' '), title: healText(cells[1] ?? ''), scale: cells[2] ?? '' });
        if (list === 'appendices' && /^附表\s*\d+$/.test(cells[0])) appendixList.push({ label: cells[0].replace(/\s+/g, ' '), title: healText(cells.slice(1).join('')) });
      }
    }
  }

  const chapters: AdoptChapter[] = [];
  let chapter: AdoptChapter | null = null;
  let caption: { label: string; appendix: boolean; n: number; title: string; continued: boolean } | null = null;
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      if (!chapter) continue;
      const rows = healTable(b.rows);
      const items = chapter.items;
      if (caption?.continued) {
        const target = [...items].reverse().find((it): it is Extract<AdoptItem, { kind: 'table' }> => it.kind === 'table' && it.n === caption!.n && it.appendix === caption!.appendix);
        if (target) {
          const headerKeys = new Set(target.rows.slice(0, headerRows(target.rows)).map((r) => r.join('|')));
          target.rows.push(...rows.filter((r) => !headerKeys.has(r.map(healHeader).join('|'))));
          target.continuations += 1;
          caption = null;
          continue;
        }
      }
      items.push({ kind: 'table', label: caption ? caption.label : '', appendix: caption?.appendix ?? false, n: caption?.n ?? null, title: caption?.title ?? '', rows, continuations: 0 });
      caption = null;
      continue;
    }
    const text = b.text.trim();
    const cap = CAPTION.exec(text);
    if (cap && blocks[i + 1]?.kind === 'table' && text.length <= 60) {
      caption = { label: `${cap[2] ? '附表' : '表'} ${cap[3]}`, appendix: !!cap[2], n: Number(cap[3]), title: healText(cap[4]), continued: !!cap[1] };
      continue;
    }
    caption = null;
    const h = headingOf(text, b.headingLevel);
    if (h && h.level === 1) {
      chapter = { title: h.text, numbered: !!h.number, number: h.number, items: [] };
      chapters.push(chapter);
      continue;
    }
    if (!chapter) continue;
    if (h) {
      chapter.items.push({ kind: 'heading', level: h.level, text: h.text, number: h.number });
      continue;
    }
    const last = chapter.items[chapter.items.length - 1];
    // a paragraph cut by a page break continues the previous one
    if (last?.kind === 'para' && !TERMINAL.test(last.text) && !HEADING_PATTERNS.some((p) => p.re.test(text))) {
      last.text += text;
      continue;
    }
    chapter.items.push({ kind: 'para', text });
  }

  const tocMismatches: string[] = [];
  const found = new Set(chapters.flatMap((c) => [squeeze(c.number + c.title), ...c.items.filter((it) => it.kind === 'heading').map((h) => squeeze((h as { number: string }).number + (h as { text: string }).text))]));
  for (const e of toc) if (!found.has(squeeze(e.text))) tocMismatches.push(e.text);
  return { cover, toc, figures, appendixList, chapters, tocMismatches };
}

function headerRows(rows: string[][]): number {
  let n = 1;
  while (n < rows.length && n < 3 && !rows[n][0] && !rows[n].some((c) => /^\d/.test(c))) n++;
  return n;
}
