// pdfmake's fonts for the documents still laid out by pdfmake (the review's diff report): the
// bundled faces, and no file read beyond them, no remote resource ever.
import pdfmake from 'pdfmake';
import { faceFiles } from '../layout/faces.ts';

let configured = false;
export function configurePdf(): void {
  if (configured) return;
  const files = faceFiles();
  const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const [name, file] of Object.entries(files)) fonts[name] = { normal: file, bold: file, italics: file, bolditalics: file };
  pdfmake.setFonts(fonts);
  const allowed = new Set(Object.values(files));
  pdfmake.setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(cb: (p: string) => boolean): void })
    .setLocalAccessPolicy((p: string) => allowed.has(p));
  configured = true;
}
