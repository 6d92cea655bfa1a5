// The one intermediate form every reader (.txt, .docx, .pdf) produces: the document as a flat
// list of paragraphs and tables, in reading order. Structure (cover, TOC, chapters, captions) is
// recognised later, once, from this form.

export interface SourcePara {
  kind: 'para';
  text: string;
  /** a Word heading style's level (1 = chapter), when the reader knows it */
  headingLevel?: number;
  /** a page or section break came right before this paragraph in the source (a sentence may continue) */
  afterBreak?: boolean;
}

export interface SourceTable {
  kind: 'table';
  /** rows of cells as read; merged cells repeat nothing (empty text) */
  rows: string[][];
}

export type SourceBlock = SourcePara | SourceTable;

export interface SourceDocument {
  format: 'txt' | 'docx' | 'pdf';
  blocks: SourceBlock[];
}
