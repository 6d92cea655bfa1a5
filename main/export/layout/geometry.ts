// The page boxes of both formats (A4, GB/T 9704 margins; a landscape page turns the portrait
// margins, less 10 mm top and bottom, as the Word sections do), in points.
import { PAGE, mmToPt } from '../typography.ts';

/** pdfmake's A4, in pt */
export const A4_PT = { width: 595.28, height: 841.89 };

/** [left, top, right, bottom] in pt. */
export const pageMargins = (landscape = false): [number, number, number, number] => (landscape
  ? [mmToPt(PAGE.topMm - 10), mmToPt(PAGE.leftMm), mmToPt(PAGE.bottomMm - 10), mmToPt(PAGE.rightMm)]
  : [mmToPt(PAGE.leftMm), mmToPt(PAGE.topMm), mmToPt(PAGE.rightMm), mmToPt(PAGE.bottomMm)]);

/** The text box of a page: its width and the height its content may fill. */
export function textBox(landscape: boolean): { width: number; height: number } {
  const [l, t, r, b] = pageMargins(landscape);
  const w = landscape ? A4_PT.height : A4_PT.width;
  const h = landscape ? A4_PT.width : A4_PT.height;
  return { width: w - l - r, height: h - t - b };
}
