export type Lang = 'zh' | 'en';
export type Row = Record<string, string | number | null> & { id: number };

export interface ColumnSpec {
  key: string;
  type: 'text' | 'int' | 'real' | 'enum' | 'date' | 'year' | 'ref' | 'bool' | 'points' | 'location';
  required?: boolean;
  values?: string[];
  vocab?: string;
  ref?: string;
  width?: number;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  labelColumn: string;
}

export interface Summary {
  file: string;
  plan: Record<string, string | number | null | number[]>;
  counts: Record<string, number>;
  facts: { mines: number; coal: { count: number; percent: string }; producing: { count: number; percent: string }; green: number };
  canUndo: boolean;
  canRedo: boolean;
}

export interface Run { text: string; bold?: boolean; italic?: boolean }
export interface Cell { text: string; rowSpan?: number; colSpan?: number; align?: string }
export type Block =
  | { kind: 'heading'; id: string; level: number; number: string; text: string }
  | { kind: 'paragraph'; id: string; runs: Run[] }
  | { kind: 'table'; id: string; key: string; label: string; title: string; columns: { header: string; width: number; align?: string }[]; header?: Cell[][]; rows: Cell[][]; notes: string[] }
  | { kind: 'pageBreak' };
export interface PlanDocument {
  lang: Lang; title: string; issuer: string; date: string;
  toc: { id: string; level: number; text: string }[];
  appendixList: { label: string; title: string }[];
  body: Block[];
  appendices: Extract<Block, { kind: 'table' }>[];
  /** appendix maps: SVG drawn by the studio from the plan's coordinates */
  figures?: { id: string; label: string; title: string; svg: string }[];
  truncated: Record<string, number>;
}
