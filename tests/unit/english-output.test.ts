// English as an editor would have it: every English export (the banner sample and the district sample,
// Word and PDF) is scanned for full-width punctuation and spaces outside Chinese text (a Chinese name
// kept as typed may carry its own （）、), and states units in English (× 10⁴ t/a, thousand, billion yuan).
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
const out = tmpDir('gmp-english-');
const texts: Record<string, string> = {};
const media: Record<string, string[]> = {};

const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Full-width characters not inside Chinese text: neither neighbouring letter (spaces skipped) is a Han character. */
export function strayFullWidth(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  const neighbour = (i: number, step: number) => {
    for (let k = i + step; k >= 0 && k < chars.length; k += step) {
      const c = chars[k];
      if (c === '\n') return '';
      if (/\s/.test(c) || FULL_WIDTH.test(c)) continue;
      return c;
    }
    return '';
  };
  chars.forEach((c, i) => {
    if (!FULL_WIDTH.test(c)) return;
    if (HAN.test(neighbour(i, -1)) || HAN.test(neighbour(i, 1))) return;
    out.push(`${chars.slice(Math.max(0, i - 20), i + 20).join('')}`);
  });
  return out;
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
  for (const [name, plan] of [['banner', data], ['district', districtData]] as const) {
    const [docx, pdf] = await exportPlan(plan, { lang: 'en', formats: ['docx', 'pdf'], outDir: out, baseName: name });
    const zip = unzipSync(fs.readFileSync(docx));
    media[name] = Object.keys(zip).filter((k) => k.startsWith('word/media/'));
    const xml = strFromU8(zip['word/document.xml']);
    texts[`${name}.docx`] = xml.replace(/<\/w:p>/g, '\n').replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
    texts[`${name}.pdf`] = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  }
}, 300_000);

describe('English exports', () => {
  it('carry no full-width punctuation or space outside Chinese text', () => {
    for (const [name, text] of Object.entries(texts)) expect(strayFullWidth(text), name).toEqual([]);
    // the scan itself finds what it is for
    expect(strayFullWidth('Appendix Table 1\u3000Mines')).toHaveLength(1);
    expect(strayFullWidth('People\uff07s Government')).toHaveLength(1);
    expect(strayFullWidth('鄂尔多斯市乌兰煤炭（集团）有限公司')).toEqual([]);
  });

  it('carry the district plan\'s three maps as Appendix Maps 1-3 (SVG with a PNG fallback in Word, vectors in the PDF), numbered apart from its tables', () => {
    expect(media.district.filter((k) => k.endsWith('.svg'))).toHaveLength(3);
    expect(media.district.filter((k) => k.endsWith('.png'))).toHaveLength(3);
    for (const kind of ['docx', 'pdf']) {
      const text = texts[`district.${kind}`].replace(/\s+/g, ' ');
      for (const title of ['Appendix Map 1 Mine Distribution Map', 'Appendix Map 2 Mineral Exploration and Development Status Map', 'Appendix Map 3 Green Mine Construction Plan Map']) {
        expect(text, kind).toContain(title);
      }
      // the licence register stays Appendix Table 1, in the list and where the text cites it
      expect(text, kind).toContain('Appendix Table 1 Mining licences');
      expect(text, kind).toContain('(see Appendix Table 1)');
    }
    // the maps' own text (vectors) is in the PDF: the CGCS2000 zone-39 plane of the district's quarries
    expect(texts['district.pdf']).toContain('CGCS2000, Gauss-Krüger 3° zone 39');
  });

  it('state units and counts in English', () => {
    const banner = texts['banner.docx'];
    expect(banner).toMatch(/\d+ × 10⁴ t\/a/);
    expect(banner).not.toMatch(/\d 10⁴ t\/a/);
    expect(banner).toContain('253.6 thousand');
    expect(banner).toContain('99.077 billion yuan');
    expect(banner).toContain('autonomous-region level');
    expect(banner).not.toMatch(/× 10⁸|\bregional\b/);
  });
});
