// Export of a plan file to Word and/or PDF in one language. Each output is written to a
// temporary name beside its target and renamed only when complete.
import fs from 'node:fs';
import path from 'node:path';
import { GmpError } from '../domain/errors.ts';
import type { PlanData } from '../domain/model.ts';
import { buildDocument } from '../document/build.ts';
import { buildFileAtomic } from '../files/atomic.ts';
import { renderDocx } from './docx/render-docx.ts';
import { renderPdf } from './pdf/render-pdf.ts';
import { missingGlyphs } from './layout/faces.ts';
import { saveDiskMemos } from '../files/disk-memo.ts';

export { FORMATS, parseFormats, parseLang, type Format, type ExportRequest } from './export-options.ts';
import type { ExportRequest, Format } from './export-options.ts';

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'plan';
}

export function checkOutDir(outDir: string): void {
  if (fs.existsSync(outDir)) {
    if (!fs.statSync(outDir).isDirectory()) throw new GmpError('io.out_dir_not_dir', { path: outDir });
  } else {
    try {
      fs.mkdirSync(outDir);
    } catch (e) {
      throw new GmpError('io.not_writable', { detail: `${outDir} (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
    }
  }
  try {
    fs.accessSync(outDir, fs.constants.W_OK);
  } catch {
    throw new GmpError('io.not_writable', { detail: outDir });
  }
}

/** All the text of a document, for the glyph check. */
export function documentText(doc: ReturnType<typeof buildDocument>): string {
  const parts: string[] = [doc.title, doc.issuer, doc.date, ...doc.toc.map((t) => t.text), ...doc.appendixList.map((a) => `${a.label}${a.title}`)];
  for (const f of doc.figures) parts.push(f.label, f.title, ...[...f.svg.matchAll(/>([^<>]+)</g)].map((m) => m[1]));
  for (const b of [...doc.body, ...doc.appendices]) {
    if (b.kind === 'heading') parts.push(b.number, b.text);
    else if (b.kind === 'paragraph') parts.push(...b.runs.map((r) => r.text));
    else if (b.kind === 'table') parts.push(b.title, ...b.columns.map((c) => c.header), ...b.rows.flatMap((r) => r.map((c) => c.text)), ...b.notes);
  }
  return parts.join('');
}

export interface ExportResult {
  files: string[];
  /** characters the PDF font cannot show (the PDF is still written; Word uses the reader's fonts) */
  missingGlyphs: string[];
}

export async function exportPlan(data: PlanData, req: ExportRequest): Promise<string[]> {
  return (await exportPlanWithReport(data, req)).files;
}

export async function exportPlanWithReport(data: PlanData, req: ExportRequest): Promise<ExportResult> {
  checkOutDir(req.outDir);
  const report = req.onProgress ?? (() => {});
  // composing is the first tenth; the formats share the rest
  const progress = (stage: string, f: number) => {
    const i = req.formats.indexOf(stage as Format);
    report(stage, i < 0 ? f * 0.1 : 0.1 + (0.9 * (i + f)) / req.formats.length);
  };
  progress('compose', 0);
  const doc = buildDocument(data, req.lang);
  // missing data exports as visible placeholders; a chapter that cannot be rendered is refused
  const broken = doc.gaps?.find((g) => g.kind === 'error');
  if (broken) {
    const file = `${broken.chapter}.${broken.lang}.md`;
    throw new GmpError(broken.path === 'template.syntax' ? 'template.syntax' : 'template.render', { file, line: broken.line, detail: broken.text }, { file, line: broken.line });
  }
  // a name the data does not have (a typo) would print as 【未知数据项：…】: refused, located by chapter and line
  const unknown = doc.gaps?.filter((g) => g.kind === 'unknown') ?? [];
  if (unknown.length > 0) {
    const g = unknown[0];
    const chapter = data.chapters.find((c) => c.key === g.chapter && c.lang === g.lang)?.title || g.chapter;
    throw new GmpError('export.unknown_names', { chapter, line: g.line, name: g.path, count: unknown.length }, { line: g.line });
  }
  progress('compose', 1);
  const base = safeName(req.baseName ?? `${doc.title}-${req.lang}`);
  const written: string[] = [];
  for (const format of req.formats) {
    const target = path.join(req.outDir, `${base}.${format}`);
    await buildFileAtomic(target, async (tmp) => {
      const buf = format === 'docx'
        ? await renderDocx(doc, { onProgress: (f) => progress('docx', f) })
        : await renderPdf(doc, { onProgress: (f) => progress('pdf', f) });
      fs.writeFileSync(tmp, buf);
    });
    written.push(target);
  }
  const missing = req.formats.includes('pdf') ? missingGlyphs(documentText(doc)) : [];
  // the faces' measurements learned by this export, kept for the next (files/disk-memo.ts)
  saveDiskMemos();
  return { files: written, missingGlyphs: missing };
}
