// Typography of a plan (GB/T 9704-2012 and the custom of such plans), shared by Word and PDF.
import type { Lang } from '../domain/vocabulary.ts';

/** The PDF's bundled faces (see pdf/fonts.ts); the Word file names the faces in `eastAsia`/`latin`. */
export type PdfFace = 'serif' | 'hei' | 'heiBold' | 'kai' | 'latin' | 'latinBold' | 'latinItalic';

export interface FaceSpec {
  /** East Asian font for Word */
  eastAsia: string;
  /** the PDF's faces for East Asian and Latin runs */
  pdf: { cjk: PdfFace; latin: PdfFace };
  /** space after the paragraph, pt (headings; the body uses paragraphAfterPt) */
  afterPt: number;
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
  /** exact line height of table text */
  tableLineHeightPt: number;
  /** space after a body paragraph (Chinese plans set none; English text wants some) */
  paragraphAfterPt: number;
}

/** The PDF face standing in for a Word face name (GB/T 9704 roles). */
function pdfFaces(eastAsia: string, bold: boolean): FaceSpec['pdf'] {
  const latin: PdfFace = bold ? 'latinBold' : 'latin';
  if (eastAsia === '黑体') return { cjk: bold ? 'heiBold' : 'hei', latin };
  if (eastAsia === '楷体') return { cjk: 'kai', latin };
  return { cjk: bold ? 'heiBold' : 'serif', latin };
}

const face = (eastAsia: string, sizePt: number, align: 'left' | 'center' = 'left', indent = false, bold = false, afterPt = 0): FaceSpec =>
  ({ eastAsia, pdf: pdfFaces(eastAsia, bold), afterPt, sizePt, align, indent, bold });

/** English plans still name mines and places in Chinese: their East Asian slot needs a CJK face. */
const EN_CJK = '宋体';

export function typographyFor(lang: Lang): Typography {
  if (lang === 'zh') {
    // Chinese government fonts have no bold face: hierarchy comes from the face, never synthetic bold.
    return {
      latin: 'Times New Roman',
      title: face('方正小标宋简体', 22, 'center'),
      // Headings sit on the 28 pt grid; the chapter title is followed by one empty grid line.
      headings: [
        face('黑体', 16, 'center', false, false, 28),
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
      tableLineHeightPt: 15,
      paragraphAfterPt: 0,
    };
  }
  return {
    latin: 'Times New Roman',
    title: face(EN_CJK, 22, 'center', false, true),
    headings: [
      face(EN_CJK, 16, 'center', false, true, 20),
      face(EN_CJK, 14, 'left', false, true, 6),
      face(EN_CJK, 13, 'left', false, true, 6),
      face(EN_CJK, 12, 'left', false, true, 6),
      face(EN_CJK, 12, 'left', false, false, 6),
      face(EN_CJK, 12, 'left', false, false, 6),
    ],
    body: face(EN_CJK, 12, 'left'),
    table: face(EN_CJK, 9.5),
    tableHeader: face(EN_CJK, 9.5, 'center', false, true),
    caption: face(EN_CJK, 12, 'center', false, true),
    footer: face(EN_CJK, 12, 'center'),
    lineHeightPt: 20,
    listLineHeightPt: 18,
    tableLineHeightPt: 13,
    paragraphAfterPt: 6,
  };
}

/** A4 and the GB/T 9704 margins, in millimetres. */
export const PAGE = { widthMm: 210, heightMm: 297, topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 };
export const mmToTwip = (mm: number) => Math.round((mm / 25.4) * 1440);
export const mmToPt = (mm: number) => (mm / 25.4) * 72;
