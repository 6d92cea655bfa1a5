// Pagination you can trust: every page number the Word file states in its TOC and in its list of
// appendices is the page on which LibreOffice renders that heading or caption (read from the footer
// "— N —" of the rendered page), and the PDF puts every one on the same page and states the same. The sample plan in Chinese and English, and the district
// sample (a new district plan with the district fixture imported). LibreOffice renders with the
// font aliases of tests/fonts/fonts.conf (Times New Roman → Liberation Serif, 仿宋 → a CJK serif …).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlan } from '../../main/export/export-plan.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { importFile } from '../../main/import/import-plan.ts';
import { Project } from '../../main/store/project.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const FX = path.resolve(__dirname, '../fixtures');
const FONTS_CONF = path.resolve(__dirname, '../fonts/fonts.conf');
const out = tmpDir('gmp-pages-');
const cases = ['banner-zh', 'banner-en', 'district-zh'] as const;
type Case = (typeof cases)[number];
const files = {} as Record<Case, { docx: string; pdf: string; lo: string }>;

const norm = (s: string) => s.replace(/[\s\u3000.…·]+/g, '');

/** The TOC entries the .docx states: (title, page), from the cached entries of its TOC field. */
export function tocEntries(docx: string): { title: string; page: number }[] {
  const xml = strFromU8(unzipSync(fs.readFileSync(docx))['word/document.xml']);
  const start = xml.indexOf('TOC \\');
  const end = xml.indexOf('fldCharType="end"', start);
  const out: { title: string; page: number }[] = [];
  for (const p of xml.slice(start, end).match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    const text = p.replace(/<w:instrText[^>]*>[\s\S]*?<\/w:instrText>/g, '').replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
    const m = /^(.*?)\t(\d+)$/.exec(text.trim());
    if (m) out.push({ title: m[1].trim(), page: Number(m[2]) });
  }
  return out;
}

/** The list of appendices the .docx states: (caption, page), from its List Entry paragraphs. */
export function appendixEntries(docx: string): { title: string; page: number }[] {
  const xml = strFromU8(unzipSync(fs.readFileSync(docx))['word/document.xml']);
  const out: { title: string; page: number }[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    if (!p.includes('w:val="ListEntry"')) continue;
    const text = p.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
    const m = /^(.*?)\t(\d+)$/.exec(text.trim());
    if (m) out.push({ title: m[1].trim(), page: Number(m[2]) });
  }
  return out;
}

/** Text of each page of a PDF, with the number its footer prints (null for pages without one). */
export function pages(pdf: string): { text: string; printed: number | null }[] {
  const all = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return all.split('\f').slice(0, -1).map((text) => {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const m = /^[—–-]\s*(\d+)\s*[—–-]$/.exec(lines[lines.length - 1] ?? '');
    return { text, printed: m ? Number(m[1]) : null };
  });
}

/** The printed page number of the first numbered page on which a line starts with `title`. */
export function headingPage(ps: { text: string; printed: number | null }[], title: string): number | null {
  const want = norm(title);
  for (const p of ps) {
    if (p.printed === null) continue; // cover, TOC, list of appendices
    if (p.text.split('\n').some((l) => norm(l).startsWith(want) && norm(l).length <= want.length + 2)) return p.printed;
  }
  return null;
}

beforeAll(async () => {
  const { data } = await samplePlan();
  const district = path.join(out, 'district.gmplan');
  await createPlanFile(district, defaultPlan('district', '某某区'));
  const p = Project.open(district);
  await importFile(p, path.join(FX, 'district-plan.xlsx'));
  await importFile(p, path.join(FX, 'district-licences.xlsx'));
  const districtData = loadPlanData(p.db);
  p.close();
  const plans: Record<Case, [typeof data, 'zh' | 'en']> = { 'banner-zh': [data, 'zh'], 'banner-en': [data, 'en'], 'district-zh': [districtData, 'zh'] };
  for (const c of cases) {
    const [plan, lang] = plans[c];
    const [docx, pdf] = await exportPlan(plan, { lang, formats: ['docx', 'pdf'], outDir: out, baseName: c });
    files[c] = { docx, pdf, lo: path.join(out, 'lo', `${c}.pdf`) };
  }
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', path.join(out, 'lo'),
    ...cases.map((c) => files[c].docx)], { stdio: 'pipe', timeout: 300_000, env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF } });
}, 600_000);

describe.each(cases)('%s', (c) => {
  it('states in its Word TOC the page on which LibreOffice renders each heading', () => {
    const entries = tocEntries(files[c].docx);
    expect(entries.length).toBeGreaterThanOrEqual(10);
    const lo = pages(files[c].lo);
    const off = entries.map((e) => ({ ...e, rendered: headingPage(lo, e.title) })).filter((e) => e.rendered !== e.page);
    expect(off).toEqual([]);
    // the body is numbered from 1 at its first heading (总则 / the first chapter)
    expect(entries[0].page).toBe(1);
  });

  it('states in its list of appendices the page on which LibreOffice renders each map and table, as the PDF does', () => {
    const entries = appendixEntries(files[c].docx);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const lo = pages(files[c].lo);
    const pdf = pages(files[c].pdf);
    const off = entries.map((e) => ({ ...e, lo: headingPage(lo, e.title), pdf: headingPage(pdf, e.title) })).filter((e) => e.lo !== e.page || e.pdf !== e.page);
    expect(off).toEqual([]);
    // the PDF's own list states the same pages (a long entry wraps after its page number)
    const front = norm(pdf.filter((p) => p.printed === null).map((p) => p.text).join('\n'));
    const stated = (title: string, page: number) => {
      const t = norm(title);
      const n = String(page);
      const at = front.indexOf(t.slice(0, 20));
      const seg = front.slice(at, at + t.length + n.length);
      return at >= 0 && [...Array(t.length + 1).keys()].some((k) => seg === t.slice(0, k) + n + t.slice(k));
    };
    expect(entries.filter((e) => !stated(e.title, e.page))).toEqual([]);
  });

  it('puts every heading on the same page in the PDF as in the Word rendering', () => {
    const entries = tocEntries(files[c].docx);
    const lo = pages(files[c].lo);
    const pdf = pages(files[c].pdf);
    const differ = entries.map((e) => ({ title: e.title, lo: headingPage(lo, e.title), pdf: headingPage(pdf, e.title) })).filter((e) => e.lo !== e.pdf || e.pdf === null);
    expect(differ).toEqual([]);
  });
});
