// One comparison, every output: the JSON change list, the redline Word file with its summary,
// and the side-by-side PDF.
import fs from 'node:fs';
import path from 'node:path';
import type { PlanData } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { buildDocument } from '../document/build.ts';
import { buildFileAtomic } from '../files/atomic.ts';
import { comparePlans, type PlanDiff } from './compare.ts';
import { renderRedlineDocx } from './redline-docx.ts';
import { renderDiffPdf, renderDiffSummaryDocx } from './diff-report.ts';

export interface Side { label: string; data: PlanData }

export interface DiffJson extends PlanDiff {
  from: string;
  to: string;
}

export function diffJson(a: Side, b: Side): DiffJson {
  const d = comparePlans(a.data, b.data);
  return { from: a.label, to: b.label, chapters: d.chapters, rows: d.rows, derived: d.derived, counts: d.counts };
}

/** Writes OUT.docx (the newer text with tracked changes) and OUT-changes.docx (the summary). */
export async function writeRedline(a: Side, b: Side, target: string, lang: Lang, author: string): Promise<string[]> {
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const redline = await renderRedlineDocx(buildDocument(a.data, lang), buildDocument(b.data, lang), { author, date });
  await buildFileAtomic(target, (tmp) => fs.writeFileSync(tmp, redline));
  const summary = target.replace(/\.docx$/i, '') + '-changes.docx';
  const diff = comparePlans(a.data, b.data);
  const buf = await renderDiffSummaryDocx(diff, { from: a.label, to: b.label, lang });
  await buildFileAtomic(summary, (tmp) => fs.writeFileSync(tmp, buf));
  return [path.resolve(target), path.resolve(summary)];
}

export async function writeSideBySidePdf(a: Side, b: Side, target: string, lang: Lang): Promise<string> {
  const buf = await renderDiffPdf(comparePlans(a.data, b.data), { from: a.label, to: b.label, lang });
  await buildFileAtomic(target, (tmp) => fs.writeFileSync(tmp, buf));
  return path.resolve(target);
}
