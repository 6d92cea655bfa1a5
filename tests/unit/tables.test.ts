// Tables that hold their content: over every table of the sample plan, the district sample (a new
// district plan with the district fixtures imported) and a larger synthetic plan,
// in both languages and both formats (the .docx as LibreOffice renders it), every licence number,
// date, validity period, area and scale of the data appears unbroken on one line of the rendered
// text, and no English word is split.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/document/build.ts';
import type { PlanDocument, TableBlock } from '../../main/document/ir.ts';
import { exportPlan } from '../../main/export/export-plan.ts';
import { isFigure, isLandscape, columnWidths, tableWidthPt, textWidthFor } from '../../main/export/layout/table-layout.ts';
import { typographyFor } from '../../main/export/typography.ts';
import { Project } from '../../main/store/project.ts';
import { createPlanFile, defaultPlan } from '../../main/compose/new-plan.ts';
import { importFile } from '../../main/import/import-plan.ts';
import { loadPlanData } from '../../main/store/snapshot.ts';
import type { PlanData } from '../../main/domain/model.ts';
import { writeSyntheticPlan } from '../bench/synthetic.ts';
import { samplePlan, tmpDir, withTestLicences } from './helpers.ts';

const FONTS_CONF = path.resolve(__dirname, '../fonts/fonts.conf');
const out = tmpDir('gmp-tables-');
const LANGS = ['zh', 'en'] as const;
const PLANS = ['sample', 'district', 'synthetic'] as const;
const FX = path.resolve(__dirname, '../fixtures');
type Key = `${(typeof PLANS)[number]}-${(typeof LANGS)[number]}`;
const docs = {} as Record<Key, PlanDocument>;
const rendered = {} as Record<Key, { docx: string; pdf: string; lo: string }>;
// the sample with test licences, for the licence table's layout
const licensed = {} as { doc: PlanDocument; docx: string };

// spaces out: text extraction may add one between glyphs of different faces (万 m³); a figure broken
// over lines is still caught, since its parts then sit on different lines
const squeeze = (s: string) => s.replace(/[ \u00a0]+/g, '');
const tables = (d: PlanDocument): TableBlock[] => [...d.body.filter((b): b is TableBlock => b.kind === 'table'), ...d.appendices];
const text = (pdf: string) => squeeze(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
const words = (s: string) => s.match(/[A-Za-z]+/g) ?? [];
const rawText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });

beforeAll(async () => {
  const { data } = await samplePlan();
  const synth = path.join(out, 'synthetic.gmplan');
  await writeSyntheticPlan(synth, 300);
  const p = Project.open(synth, { readonly: true });
  const synthData = loadPlanData(p.db);
  p.close();
  const district = path.join(out, 'district.gmplan');
  await createPlanFile(district, defaultPlan('district', '某某区'));
  const dp = Project.open(district);
  await importFile(dp, path.join(FX, 'district-plan.xlsx'));
  await importFile(dp, path.join(FX, 'district-licences.xlsx'));
  const districtData = loadPlanData(dp.db);
  dp.close();
  const plans: Record<(typeof PLANS)[number], PlanData> = { sample: data, district: districtData, synthetic: synthData };
  for (const plan of PLANS) {
    for (const lang of LANGS) {
      const key: Key = `${plan}-${lang}`;
      docs[key] = buildDocument(plans[plan], lang);
      const [docx, pdf] = await exportPlan(plans[plan], { lang, formats: ['docx', 'pdf'], outDir: out, baseName: key });
      rendered[key] = { docx, pdf, lo: path.join(out, 'lo', `${key}.pdf`) };
    }
  }
  const withLicences = withTestLicences(data);
  licensed.doc = buildDocument(withLicences, 'zh');
  [licensed.docx] = await exportPlan(withLicences, { lang: 'zh', formats: ['docx'], outDir: out, baseName: 'licensed-zh' });
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', path.join(out, 'lo'),
    ...Object.values(rendered).map((r) => r.docx)], { stdio: 'pipe', timeout: 540_000, env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF } });
}, 900_000);

describe.each(PLANS.flatMap((p) => LANGS.map((l) => `${p}-${l}` as Key)))('%s', (key) => {
  it('keeps every figure of every table on one line, in the PDF and in the Word rendering', () => {
    const figures = new Set<string>();
    for (const t of tables(docs[key])) for (const row of t.rows) for (const cell of row) if (isFigure(cell.text) && cell.text.length >= 4) figures.add(squeeze(cell.text));
    // licence numbers, validity periods and areas are among them (the bundled sample has no licences:
    // the seed lists none; the synthetic plan has them)
    if (key.startsWith('synthetic')) {
      expect([...figures].some((f) => /^C\d{22}$/.test(f))).toBe(true);
      expect([...figures].some((f) => /^\d{4}[.-]\d{2}[.-]\d{2}/.test(f))).toBe(true);
      expect([...figures].some((f) => /^\d+\.\d{4}$/.test(f))).toBe(true);
    }
    expect([...figures].some((f) => /^\d+\.\d{2,4}$/.test(f))).toBe(true);
    // the district's licence register states a scale whose unit mixes Chinese and Latin (18万m³/年),
    // which LibreOffice sets wider than Word (a space between the scripts)
    if (key === 'district-zh') expect(figures).toContain('18万m³/年');
    for (const file of [rendered[key].pdf, rendered[key].lo]) {
      const t = text(file);
      const broken = [...figures].filter((f) => !t.includes(f));
      expect(broken, path.basename(file)).toEqual([]);
    }
  });

  it('splits no English word', () => {
    // every run of letters on a rendered page is a word of the document (a split leaves fragments)
    const d = docs[key];
    const vocab = new Set<string>();
    const add = (s: string) => words(s).forEach((w) => vocab.add(w.toLowerCase()));
    for (const t of tables(d)) {
      add(`${t.label} ${t.title}`);
      t.columns.forEach((c) => add(c.header));
      (t.header ?? []).forEach((r) => r.forEach((c) => add(c.text)));
      t.rows.forEach((r) => r.forEach((c) => add(c.text)));
      t.notes.forEach(add);
    }
    for (const b of d.body) {
      if (b.kind === 'heading') add(`${b.number} ${b.text}`);
      if (b.kind === 'paragraph') b.runs.forEach((r) => add(r.text));
    }
    // the appendix maps' own words (their legends and notes are text in the PDF)
    for (const f of d.figures) add(`${f.label} ${f.title} ${f.svg.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&')}`);
    [d.title, d.issuer, d.date, d.sampleMark ?? '', d.strings.toc, d.strings.appendixList, ...d.toc.map((e) => e.text), ...d.appendixList.map((a) => `${a.label} ${a.title}`)].forEach(add);
    for (const file of [rendered[key].pdf, rendered[key].lo]) {
      const fragments = [...new Set(words(rawText(file)).map((w) => w.toLowerCase()))].filter((w) => !vocab.has(w));
      expect(fragments, path.basename(file)).toEqual([]);
    }
  });
});

describe('column layout', () => {
  it('sets the licence table on a landscape page, areas right-aligned with four decimals, with its header row repeated', () => {
    // the sample with test licences (the bundled sample has none: the seed lists none)
    const d = licensed.doc;
    const ty = typographyFor('zh');
    const lic = d.appendices.find((t) => t.key === 'licences')!;
    expect(isLandscape(lic, ty)).toBe(true);
    const areaCol = lic.columns.findIndex((c) => /面积/.test(c.header));
    expect(lic.columns[areaCol].align).toBe('right');
    for (const row of lic.rows.slice(0, -1)) expect(row[areaCol].text).toMatch(/^\d+\.\d{4}$/);
    // the Word file: a landscape section holds it, its header row repeats, the area cells are right-aligned
    const xml = strFromU8(unzipSync(fs.readFileSync(licensed.docx))['word/document.xml']);
    const at = xml.lastIndexOf(lic.title); // the caption (the list of appendices names it first)
    const table = xml.slice(xml.indexOf('<w:tbl>', at), xml.indexOf('</w:tbl>', at));
    expect(table).toContain('<w:tblHeader/>');
    expect(table).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">\d+\.\d{4}</);
    const sect = xml.slice(at).match(/<w:sectPr[\s\S]*?<\/w:sectPr>/)![0];
    expect(sect).toContain('w:orient="landscape"');
  });

  it('gives a figure column its full width and lets the name column absorb the rest', () => {
    const ty = typographyFor('zh');
    const lic = licensed.doc.appendices.find((t) => t.key === 'licences')!;
    const width = tableWidthPt(textWidthFor(true), lic.columns.length);
    const w = columnWidths(lic, ty, width);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 3);
    const nameCol = lic.columns.findIndex((c) => /名称/.test(c.header));
    expect(Math.max(...w)).toBe(w[nameCol]);
  });

  it('gives every column a width, a column that only a spanning header covers included', () => {
    for (const key of Object.keys(docs) as Key[]) {
      const ty = typographyFor(docs[key].lang);
      for (const t of tables(docs[key])) {
        const w = columnWidths(t, ty, tableWidthPt(textWidthFor(isLandscape(t, ty)), t.columns.length));
        expect(Math.min(...w), `${key} ${t.key}`).toBeGreaterThan(ty.table.sizePt);
      }
    }
  });

  it('leaves no blank or near-empty page after a landscape table in the Word rendering', () => {
    for (const key of ['sample-zh', 'sample-en'] as Key[]) {
      const pages = execFileSync('pdftotext', ['-layout', rendered[key].lo, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
      // (an appendix map's page is its caption and a picture: pdftotext sees no text in the picture)
      const thin = pages.map((p, i) => ({ i, lines: p.split('\n').filter((l) => l.trim()).length })).filter((p) => p.lines <= 2 && !/附图 \d|Appendix Map \d/.test(pages[p.i]));
      expect(thin, key).toEqual([]);
    }
  });
});
