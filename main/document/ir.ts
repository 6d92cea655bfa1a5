// The one intermediate representation of a plan document. Word, PDF, the HTML preview and
// the revision diff all render this; nothing renders straight from the database.
import type { Lang } from '../domain/vocabulary.ts';
import type { TemplateGap } from '../compose/compose.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface HeadingBlock {
  kind: 'heading';
  id: string;
  level: number; // 1 = chapter
  number: string; // "第一章", "一、", "1.2"; '' for unnumbered
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  id: string;
  runs: Run[];
}

export interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableColumn {
  header: string;
  /** relative width */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  kind: 'table';
  id: string;
  key: string;
  /** "附表 3" / "Appendix Table 3" / "表 1" */
  label: string;
  title: string;
  columns: TableColumn[];
  /** Header rows; when absent, one row of the column headers. Spanned cells are omitted from later rows. */
  header?: Cell[][];
  rows: Cell[][];
  notes: string[];
  landscape: boolean;
  appendix: boolean;
}

/** A figure: an appendix map (附图 N) drawn as SVG, on a page of its own. */
export interface FigureBlock {
  kind: 'figure';
  id: string;
  /** "map:distribution" … */
  key: string;
  /** "附图 1" / "Appendix Map 1" */
  label: string;
  title: string;
  svg: string;
  /** size in points at which it prints */
  width: number;
  height: number;
  landscape: boolean;
  appendix: boolean;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | PageBreakBlock;

export interface TocEntry {
  id: string;
  level: number;
  text: string; // with its number
}

export interface PlanDocument {
  lang: Lang;
  title: string;
  issuer: string;
  date: string;
  /** The list of appendices, as captioned: always the same strings as the captions. */
  appendixList: { label: string; title: string }[];
  toc: TocEntry[];
  body: Block[];
  /** appendix figures (附图), listed and printed before the appendix tables, as the seed does */
  figures: FigureBlock[];
  appendices: TableBlock[];
  strings: { toc: string; appendixList: string; appendices: string; page: string };
  /** placeholders (unset or unknown data) and template errors of the chapters, by chapter and line */
  gaps?: TemplateGap[];
  /** set when the plan holds sample (demonstration) rows: every exported page carries this mark */
  sampleMark?: string;
}

/** A table's header rows: its own, or one row of its column headers. */
export function headerRows(t: TableBlock): Cell[][] {
  return t.header ?? [t.columns.map((c) => ({ text: c.header }))];
}
