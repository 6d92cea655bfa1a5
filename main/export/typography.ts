// Typography of a plan (GB/T 9704-2012 and the custom of such plans), shared by Word and PDF.
import type { Lang } from '../domain/vocabulary.ts';

export interface FaceSpec {
  /** East Asian font for Word (the PDF uses the bundled CJK face) */
  eastAsia: string;
  sizePt: number;
  align: 'left' | 'center';
  /** indent the first line by two characters */
  indent: boolean;
  bold: boolean;
}

export interface Typography {
  latin: string;
  title: FaceSpec;
  headings: FaceSpec[]; // index 0 = level 1
  body: FaceSpec;
  table: FaceSpec;
  tableHeader: FaceSpec;
  caption: FaceSpec;
  footer: FaceSpec;
  /** exact line height of body text */
  lineHeightPt: number;
  /** exact line height of TOC and list-of-appendices entries */
  listLineHeightPt: number;
  /** space after a body paragraph (Chinese plans set none; English text wants some) */
  paragraphAfterPt: number;
}

const face = (eastAsia: string, sizePt: number, align: 'left' | 'center' = 'left', indent = false, bold = false): FaceSpec => ({ eastAsia, sizePt, align, indent, bold });

/** English plans still name mines and places in Chinese: their East Asian slot needs a CJK face. */
const EN_CJK = '宋体';

export function typographyFor(lang: Lang): Typography {
  if (lang === 'zh') {
    // Chinese government fonts have no bold face: hierarchy comes from the face, never synthetic bold.
    return {
      latin: 'Times New Roman',
      title: face('方正小标宋简体', 22, 'center'),
      headings: [
        face('黑体', 16, 'center'),
        face('楷体', 16, 'center'),
        face('黑体', 16, 'left', true),
        face('楷体', 16, 'left', true),
        face('仿宋', 16, 'left', true),
        face('仿宋', 16, 'left', true),
      ],
      body: face('仿宋', 16, 'left', true),
      table: face('宋体', 10.5),
      tableHeader: face('黑体', 10.5, 'center'),
      caption: face('黑体', 14, 'center'),
      footer: face('宋体', 14, 'center'),
      lineHeightPt: 28,
      listLineHeightPt: 24,
      paragraphAfterPt: 0,
    };
  }
  return {
    latin: 'Times New Roman',
    title: face(EN_CJK, 22, 'center', false, true),
    headings: [
      face(EN_CJK, 16, 'center', false, true),
      face(EN_CJK, 14, 'left', false, true),
      face(EN_CJK, 13, 'left', false, true),
      face(EN_CJK, 12, 'left', false, true),
      face(EN_CJK, 12, 'left', false, false),
      face(EN_CJK, 12, 'left', false, false),
    ],
    body: face(EN_CJK, 12, 'left'),
    table: face(EN_CJK, 9.5),
    tableHeader: face(EN_CJK, 9.5, 'center', false, true),
    caption: face(EN_CJK, 12, 'center', false, true),
    footer: face(EN_CJK, 12, 'center'),
    lineHeightPt: 20,
    listLineHeightPt: 18,
    paragraphAfterPt: 6,
  };
}

/** A4 and the GB/T 9704 margins, in millimetres. */
export const PAGE = { widthMm: 210, heightMm: 297, topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 };
export const mmToTwip = (mm: number) => Math.round((mm / 25.4) * 1440);
export const mmToPt = (mm: number) => (mm / 25.4) * 72;
