// Exports read back: the Word XML and the PDF text state the seed's figures and Chinese headings,
// and LibreOffice converts the .docx without error.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlan } from '../../main/export/export-plan.ts';
import { samplePlan, tmpDir } from './helpers.ts';

const out = tmpDir('gmp-export-');
const files: Record<string, string> = {};

function docxPart(file: string, part: string): string {
  return strFromU8(unzipSync(fs.readFileSync(file))[part]);
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const SEED_FIGURES_ZH = ['82 个', '87.80%', '12.20%', '37.80%', '34.15%', '28.05%', '生产矿山 62 个', '国家级绿色矿山 6 个', '自治区级绿色矿山 42 个', '1202.62', '1202.6250', '979.11'];

beforeAll(async () => {
  const { data } = await samplePlan();
  for (const lang of ['zh', 'en'] as const) {
    const written = await exportPlan(data, { lang, formats: ['docx', 'pdf'], outDir: out, baseName: `plan-${lang}` });
    for (const f of written) files[`${lang}.${path.extname(f).slice(1)}`] = f;
  }
});

describe('Word export', () => {
  it('states the seed figures in bound text, with Chinese headings and numbering', () => {
    const xml = docxPart(files['zh.docx'], 'word/document.xml');
    for (const s of SEED_FIGURES_ZH) expect(xml).toContain(s);
    expect(xml).toContain('第一章　现状与形势');
    expect(xml).toContain('附表 8　绿色矿业发展示范区拐点坐标');
  });

  it('uses real heading styles and separate East Asian / Latin font slots', () => {
    const styles = docxPart(files['zh.docx'], 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="Heading1"/);
    expect(styles).toMatch(/w:styleId="Title"/);
    expect(styles).toMatch(/w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:eastAsia="仿宋"/);
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    const xml = docxPart(files['zh.docx'], 'word/document.xml');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
  });

  it('writes a TOC with its entries and page numbers filled in', () => {
    const xml = docxPart(files['zh.docx'], 'word/document.xml');
    const toc = xml.slice(xml.indexOf('TOC \\h'), xml.indexOf('fldCharType="end"', xml.indexOf('TOC \\h')));
    expect(toc).toContain('第一章　现状与形势');
    expect(toc).toContain('第六章　保障措施');
    const pages = [...toc.matchAll(/>(\d+)<\/w:t><\/w:r><\/w:hyperlink>/g)].map((m) => Number(m[1]));
    expect(pages.length).toBe(19); // 7 chapters and 12 sections
    // non-decreasing, counted from 1 at the body's first page (总则), as the footers count
    expect(pages[0]).toBe(1);
    pages.forEach((p, i) => expect(p).toBeGreaterThanOrEqual(i ? pages[i - 1] : 0));
  });

  it('gives every table grid column widths, repeated header rows, and a landscape section for corner points', () => {
    const xml = docxPart(files['zh.docx'], 'word/document.xml');
    const tables = xml.split('<w:tbl>').length - 1;
    expect(tables).toBe(8);
    expect(xml.split('<w:tblGrid>').length - 1).toBe(tables);
    expect(xml).toMatch(/<w:gridCol w:w="\d+"\/>/);
    expect(xml.split('<w:tblHeader/>').length - 1).toBeGreaterThanOrEqual(tables);
    expect(xml).toMatch(/w:orient="landscape"/);
  });

  it('numbers the body from 1, names Chinese faces with alternatives, declares zh-CN, and sets deterministic line rules', () => {
    const xml = docxPart(files['zh.docx'], 'word/document.xml');
    // the body section restarts numbering at 1; the cover and front matter have no footer
    expect(xml).toMatch(/<w:pgNumType w:start="1"/);
    const fonts = docxPart(files['zh.docx'], 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong"/>');
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"\/>.*<w:charset w:val="86"\/>/);
    const styles = docxPart(files['zh.docx'], 'word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="en-US" w:eastAsia="zh-CN"/);
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:widowControl w:val="0"\/><w:overflowPunct w:val="0"\/><w:autoSpaceDE w:val="0"\/>/);
    // headings keep with the text after them
    expect(styles).toMatch(/w:styleId="Heading3">.*?<w:keepNext\/>/);
    expect(docxPart(files['zh.docx'], 'word/settings.xml')).toContain('<w:updateFields w:val="true"/>');
  });

  it('puts page numbers "— N —" in the footer', () => {
    const parts = unzipSync(fs.readFileSync(files['zh.docx']));
    const footers = Object.keys(parts).filter((k) => /word\/footer\d+\.xml/.test(k)).map((k) => strFromU8(parts[k]));
    expect(footers.some((f) => f.includes('PAGE') && f.includes('— '))).toBe(true);
  });

  it('has an English twin with English units and terms', () => {
    const xml = docxPart(files['en.docx'], 'word/document.xml');
    for (const s of ['Chapter 1 Status and Situation', '72 coal mines (87.80% of all mines)', '37.80%', '62 producing mines', '6 at national level and 42 at autonomous-region level', '253.6 thousand', '99.077 billion yuan', 'Appendix Table 8']) expect(xml).toContain(s);
  });
});

describe('PDF export', () => {
  it('renders searchable Chinese text with the seed figures', () => {
    const text = pdfText(files['zh.pdf']).replace(/\s+/g, ' ');
    for (const s of ['87.80%', '37.80%', '34.15%', '28.05%', '75.61%', '1202.6250', '第一章', '现状与形势', '附表 8']) expect(text).toContain(s);
    expect(text).toMatch(/—\s*5\s*—/);
    expect(text).toMatch(/—\s*15\s*—/);
  });

  it('embeds the faces of the three GB/T 9704 roles and a Latin face, as subsets', () => {
    const fonts = execFileSync('pdffonts', [files['zh.pdf']], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+GMPSansSC/i); // 黑体: 第一章, 一、 (cut from Noto Sans Hans)
    expect(fonts).toMatch(/[A-Z]{6}\+GMPSerifSC/i); // serif body
    expect(fonts).toMatch(/[A-Z]{6}\+GMPKaiCN/i); // 楷体: 第一节, （一）
    expect(fonts).toMatch(/[A-Z]{6}\+GMPLatinSerif/i); // Latin text and digits
    const rows = fonts.split('\n').slice(2).filter((l) => l.trim());
    for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a ToUnicode map
  });

  it('has an English twin', () => {
    const text = pdfText(files['en.pdf']).replace(/\s+/g, ' ');
    expect(text).toContain('Chapter 1 Status and Situation');
    expect(text).toContain('72 coal mines (87.80% of all mines)');
  });
});

describe('appendix maps (附图)', () => {
  it('are numbered 附图 1-3 before the tables, listed among the appendices, an SVG with a 200-dpi PNG fallback in Word and vectors in the PDF', () => {
    for (const lang of ['zh', 'en'] as const) {
      const label = (n: number) => (lang === 'zh' ? `附图 ${n}` : `Appendix Map ${n}`);
      const zip = unzipSync(fs.readFileSync(files[`${lang}.docx`]));
      const media = Object.keys(zip).filter((k) => k.startsWith('word/media/'));
      expect(media.filter((k) => k.endsWith('.svg'))).toHaveLength(3);
      const pngs = media.filter((k) => k.endsWith('.png'));
      expect(pngs).toHaveLength(3);
      const xml = strFromU8(zip['word/document.xml']);
      // 200 dpi of the map's printed width (the drawing's extent, in EMU: 914,400 an inch)
      const printedIn = Math.min(...[...xml.matchAll(/<wp:extent cx="(\d+)"/g)].map((m) => Number(m[1]) / 914400));
      expect(printedIn).toBeGreaterThan(5);
      for (const k of pngs) {
        const png = Buffer.from(zip[k]);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        const widthPx = png.readUInt32BE(16); // IHDR width
        expect(widthPx).toBeGreaterThanOrEqual(Math.floor(printedIn * 200));
      }
      expect(xml).toContain('asvg:svgBlip');
      const title = lang === 'zh' ? '伊金霍洛旗矿山分布图' : 'Mine Distribution Map of Ejin Horo Banner';
      const caption = lang === 'zh' ? `${label(1)}　${title}` : `${label(1)} ${title}`;
      // listed in the front matter and captioned on its page: the same string twice
      expect(xml.split(caption).length - 1).toBeGreaterThanOrEqual(2);
      expect(xml.indexOf(label(3))).toBeLessThan(xml.indexOf(lang === 'zh' ? '附表 1' : 'Appendix Table 1'));
      const text = pdfText(files[`${lang}.pdf`]).replace(/\s+/g, ' ');
      for (const n of [1, 2, 3]) expect(text).toContain(label(n));
      // the maps are vectors with real text: their legends are searchable in the PDF
      expect(text).toContain(lang === 'zh' ? '1980 西安坐标系' : "Xi'an 1980");
    }
  });
});

describe('LibreOffice round trip', () => {
  it('converts the .docx to PDF without error and keeps the text', () => {
    const dir = tmpDir('gmp-lo-');
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, files['zh.docx']], { stdio: 'pipe', timeout: 180_000 });
    const pdf = path.join(dir, 'plan-zh.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('87.80%');
    expect(text).toContain('现状与形势');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(10);
  });
});

describe('glyph coverage of the bundled PDF faces', () => {
  it('covers every character of the sample plan in each role, and names one no face has', async () => {
    const { missingGlyphs, lackingIn } = await import('../../main/export/layout/faces.ts');
    const { documentText } = await import('../../main/export/export-plan.ts');
    const { buildDocument } = await import('../../main/document/build.ts');
    const { data } = await samplePlan();
    const zh = documentText(buildDocument(data, 'zh'));
    const en = documentText(buildDocument(data, 'en'));
    expect(missingGlyphs(zh)).toEqual([]);
    expect(missingGlyphs(en)).toEqual([]);
    expect(missingGlyphs('煤矿\u{E000}')).toEqual(['\u{E000}']); // a private-use character no font has
    // every Chinese character of the plan in the serif body face and the Kai face, none drawn by a fallback
    const han = [...new Set(zh.replace(/[^\u4e00-\u9fff]/g, ''))].join('');
    expect(lackingIn('serif', han)).toEqual([]);
    expect(lackingIn('kai', han)).toEqual([]);
    // the seed's rare place-name characters, in every CJK face
    for (const f of ['serif', 'kai', 'hei'] as const) expect(lackingIn(f, '圪淖壕赉')).toEqual([]);
    // Latin text, digits and the unit signs in the Latin face (10⁴ t/a, km², ×)
    expect(lackingIn('latin', '10⁴ t/a 5600 km² × 10⁸ 108°58′ – — “’”')).toEqual([]);
  });

  it('draws a character beyond the bundled subsets (a rare name: 堃, 喆) with the full 黑体, embedded only then', async () => {
    const { lackingIn, missingGlyphs } = await import('../../main/export/layout/faces.ts');
    const { faceRuns } = await import('../../main/export/layout/script-runs.ts');
    const { renderPdf } = await import('../../main/export/pdf/render-pdf.ts');
    const { buildDocument } = await import('../../main/document/build.ts');
    expect(lackingIn('serif', '堃喆')).toEqual(['堃', '喆']);
    expect(lackingIn('hei', '堃喆')).toEqual(['堃', '喆']);
    expect(missingGlyphs('王堃喆')).toEqual([]);
    expect(faceRuns('王堃喆矿', { cjk: 'serif', latin: 'latin' })).toEqual([{ text: '王', font: 'serif' }, { text: '堃喆', font: 'heiFull' }, { text: '矿', font: 'serif' }]);
    const { data } = await samplePlan();
    const fontsOf = async (d: typeof data) => {
      const file = path.join(tmpDir('gmp-rare-'), 'p.pdf');
      fs.writeFileSync(file, await renderPdf(buildDocument(d, 'zh')));
      return { fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }), text: pdfText(file) };
    };
    expect((await fontsOf(data)).fonts).not.toMatch(/NotoSansHans/);
    const rare = { ...data, mines: data.mines.map((m, i) => (i === 0 ? { ...m, name_zh: `堃喆${m.name_zh}` } : m)) };
    const { fonts, text } = await fontsOf(rare);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansHans/);
    expect(text).toContain('堃喆');
  }, 120_000);

  it('sets Chinese in the East Asian face and Latin text, digits and their signs in the Latin face', async () => {
    const { scriptRuns } = await import('../../main/export/layout/script-runs.ts');
    expect(scriptRuns('东经108°58′～110°25′，面积5600km²。')).toEqual([
      { text: '东经', script: 'cjk' }, { text: '108°58′', script: 'latin' }, { text: '～', script: 'cjk' },
      { text: '110°25′', script: 'latin' }, { text: '，面积', script: 'cjk' }, { text: '5600km²', script: 'latin' }, { text: '。', script: 'cjk' },
    ]);
  });
});

describe('export progress', () => {
  it('reports the whole export from 0 to 1, never going back', async () => {
    const { data } = await samplePlan();
    const seen: number[] = [];
    await exportPlan(data, { lang: 'en', formats: ['docx', 'pdf'], outDir: tmpDir('gmp-prog-'), onProgress: (_s, f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    seen.forEach((f, i) => expect(f).toBeGreaterThanOrEqual(i ? seen[i - 1] : 0));
  });
});
